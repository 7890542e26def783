"""The SVG charts: geometry in plain numbers (never localised « 12,5 » in an attribute) and French texts."""

from django.template.loader import render_to_string
from django.utils import translation

from ppo.suivi.charts import axis_chart, hours_chart, objective_chart

FIGURES = {
    "by_axis": [
        {"number": 1, "label": "Projet", "actions": 4, "done": 3},
        {"number": 2, "label": "Monde économique", "actions": 2, "done": 1},
    ],
    "by_level": [
        {"label": "2nde pro", "hours_delivered": 12.5, "reference_hours": 20.0},
        {"label": "1re pro", "hours_delivered": 25.0, "reference_hours": None},
    ],
}


def test_bar_lengths_follow_the_values():
    chart = axis_chart(FIGURES)
    planned, done = chart.groups[0].bars
    assert (planned.text, done.text) == ("4 prévues", "3 réalisées")
    assert done.width == planned.width * 3 / 4
    assert chart.groups[1].bars[1].text == "1 réalisée"


def test_hours_chart_marks_the_reference_and_svg_attributes_are_not_localised():
    chart = hours_chart(FIGURES)
    seconde, premiere = chart.groups
    assert (seconde.bars[0].text, seconde.marker_text) == ("12,5 h", "référence 20 h")
    assert premiere.marker_x is None
    assert seconde.marker_x < premiere.bars[0].x + premiere.bars[0].width
    with translation.override("fr"):
        svg = render_to_string("suivi/includes/chart_bars.html", {"chart": chart})
    assert 'role="img"' in svg
    assert f'width="{seconde.bars[0].width}"' in svg
    assert "12,5 h" in svg


def test_objective_chart():
    objective = {
        "indicator": "Taux de poursuite d’études",
        "unit": "%",
        "baseline": 40.0,
        "target": 50.0,
        "series": [{"year": 2023, "value": 40.0}, {"year": 2024, "value": 43.5}],
    }
    chart = objective_chart(objective, 1)
    assert [p["text"] for p in chart.points] == ["40 %", "43,5 %"]
    assert chart.points[0]["y"] > chart.points[1]["y"] > chart.target_y  # higher values are drawn higher
    assert chart.target_text == "cible 50 %"
    assert objective_chart({**objective, "series": []}, 2) is None
