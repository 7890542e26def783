"""Server-rendered SVG charts: geometry is computed here, drawn by templates `suivi/includes/chart_*.html`.

Every chart is drawn with `role="img"`, a `<title>` and a description, and is always followed by a table holding the
same figures. Series differ by fill pattern and by their written values, never by colour alone.
"""

from dataclasses import dataclass, field

WIDTH = 640
LABEL_WIDTH = 150
VALUE_WIDTH = 110
BAR_AREA = WIDTH - LABEL_WIDTH - VALUE_WIDTH
BAR_HEIGHT = 16
BAR_GAP = 4
GROUP_GAP = 16


@dataclass
class Bar:
    series: str  # css modifier: "planned", "done", "delivered"
    label: str
    value: float
    text: str
    x: float = 0
    y: float = 0
    width: float = 0
    text_x: float = 0
    text_y: float = 0


@dataclass
class Group:
    label: str
    bars: list
    marker: float | None = None
    marker_text: str = ""
    y: float = 0
    marker_x: float | None = None
    height: float = 0
    label_y: float = 0
    marker_top: float = 0
    marker_bottom: float = 0
    marker_text_y: float = 0


@dataclass
class BarChart:
    chart_id: str
    title: str
    description: str
    groups: list
    legend: list = field(default_factory=list)
    width: int = WIDTH
    height: float = 0
    label_width: int = LABEL_WIDTH


def bar_chart(*, chart_id, title, description, groups, legend) -> BarChart:
    """Horizontal bars; each group may carry a reference marker (a vertical line with its value)."""
    top = 8
    largest = max([b.value for g in groups for b in g.bars] + [g.marker or 0 for g in groups] + [1])
    scale = BAR_AREA / largest
    y = top
    for group in groups:
        group.y = y
        for bar in group.bars:
            bar.x = LABEL_WIDTH
            bar.y = y
            bar.width = round(bar.value * scale, 1)
            bar.text_x = round(LABEL_WIDTH + bar.width + 6, 1)
            bar.text_y = y + BAR_HEIGHT - 4
            y += BAR_HEIGHT + BAR_GAP
        group.height = y - group.y - BAR_GAP
        group.label_y = round(group.y + group.height / 2 + 5, 1)
        if group.marker is not None:
            group.marker_x = round(LABEL_WIDTH + group.marker * scale, 1)
            group.marker_top = group.y - 3
            group.marker_bottom = group.y + group.height + 3
            group.marker_text_y = group.y + group.height + 15
            y += 14
        y += GROUP_GAP
    return BarChart(
        chart_id=chart_id, title=title, description=description, groups=groups, legend=legend, height=y + top
    )


def fr_number(value) -> str:
    """« 10,5 » : French decimal comma, no useless zeros."""
    return f"{value:g}".replace(".", ",")


def _plural(n, word):
    return f"{n} {word}{'s' if n > 1 else ''}"


def axis_chart(figures) -> BarChart:
    groups = [
        Group(
            label=f"Axe {row['number']}",
            bars=[
                Bar("planned", "Prévues", row["actions"], _plural(row["actions"], "prévue")),
                Bar("done", "Réalisées", row["done"], _plural(row["done"], "réalisée")),
            ],
        )
        for row in figures["by_axis"]
    ]
    return bar_chart(
        chart_id="graphique-axes",
        title="Actions prévues et réalisées par axe",
        description="Pour chaque axe, le nombre d’actions prévues puis le nombre d’actions réalisées.",
        groups=groups,
        legend=[("planned", "Actions prévues (hachures)"), ("done", "Actions réalisées (plein)")],
    )


def hours_chart(figures) -> BarChart:
    groups = []
    for row in figures["by_level"]:
        reference = row["reference_hours"]
        groups.append(
            Group(
                label=row["label"],
                bars=[
                    Bar(
                        "delivered",
                        "Heures réalisées",
                        row["hours_delivered"],
                        f"{fr_number(row['hours_delivered'])} h",
                    )
                ],
                marker=reference,
                marker_text=f"référence {fr_number(reference)} h" if reference is not None else "",
            )
        )
    return bar_chart(
        chart_id="graphique-heures",
        title="Heures consacrées à l’orientation par niveau, au regard du volume de référence",
        description="Pour chaque niveau, les heures réalisées ; un trait vertical marque le volume de référence.",
        groups=groups,
        legend=[("delivered", "Heures réalisées")]
        + (
            [("marker", "Volume horaire de référence (trait vertical)")]
            if any(g.marker is not None for g in groups)
            else []
        ),
    )


@dataclass
class LineChart:
    chart_id: str
    title: str
    description: str
    points: list  # dicts: x, y, year, value
    target_y: float
    target_text: str
    axis_labels: list  # dicts: x, text
    width: int = WIDTH
    height: int = 220
    path: str = ""


def objective_chart(objective, index: int) -> LineChart | None:
    """An indicator's values over the years against its target; None when it has no value yet."""
    series = objective["series"]
    if not series:
        return None
    left, right, top, bottom = 60, 430, 24, 176
    values = [p["value"] for p in series] + [objective["target"]]
    if objective["baseline"] is not None:
        values.append(objective["baseline"])
    margin = (max(values) - min(values)) * 0.1 or 1
    low, high = min(values) - margin, max(values) + margin
    span = high - low
    years = [p["year"] for p in series]
    first, last = min(years), max(years)
    step = (right - left) / ((last - first) or 1)

    def y_of(value):
        return round(bottom - (value - low) / span * (bottom - top), 1)

    unit = objective["unit"]
    points = [
        {
            "x": round(left + (p["year"] - first) * step, 1),
            "y": y_of(p["value"]),
            "year": p["year"],
            "text": f"{fr_number(p['value'])} {unit}".strip(),
        }
        for p in series
    ]
    path = " ".join(f"{'M' if i == 0 else 'L'} {p['x']} {p['y']}" for i, p in enumerate(points))
    return LineChart(
        chart_id=f"graphique-objectif-{index}",
        title=f"{objective['indicator']} : valeurs par année et cible",
        description=(
            f"Valeurs de {first}-{first + 1} à {last}-{last + 1} ; la cible de {fr_number(objective['target'])} {unit} "
            "est marquée par un trait horizontal pointillé ; l’échelle verticale est resserrée autour des valeurs."
        ),
        points=points,
        target_y=y_of(objective["target"]),
        target_text=f"cible {fr_number(objective['target'])} {unit}".strip(),
        axis_labels=[{"x": p["x"], "text": f"{p['year']}-{str(p['year'] + 1)[2:]}"} for p in points],
        path=path,
    )
