"""Académie outlines (simplified, imported by a command) and the map with its list alternative."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.pilotage.contours import simplify
from ppo.pilotage.models import ContourAcademie
from ppo.referentiel.models import Academie
from tests.campagnes import factories
from tests.factories import EtablissementFactory, user_with

SHARED = (
    Path(__file__).resolve().parents[3] / "shared" / "data" / "referentiel" / "fr-en-contour-academies-2020.geojson"
)


def test_simplify_keeps_the_corners_and_drops_points_on_a_line():
    square = [[0, 0], [0.5, 0.0001], [1, 0], [1, 1], [0, 1], [0, 0]]
    assert simplify(square, tolerance=0.01) == [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]


@pytest.mark.django_db
def test_import_command_on_a_small_file(tmp_path):
    ring = [[0, 49], *[[i / 100, 49 + (i % 2) / 1000] for i in range(1, 100)], [1, 49], [1, 50], [0, 50], [0, 49]]
    path = tmp_path / "contours.geojson"
    features = [{"properties": {"code_academie": "70"}, "geometry": {"type": "Polygon", "coordinates": [ring]}}]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    out = StringIO()
    call_command("import_contours_academies", str(path), stdout=out)
    contour = ContourAcademie.objects.get(academie__code="70")
    assert len(contour.rings[0]) < len(ring)
    assert (contour.min_lon, contour.max_lon, contour.min_lat, contour.max_lat) == (0, 1, 49, 50)
    assert "1 contours d’académie importés" in out.getvalue()
    call_command("import_contours_academies", str(path), stdout=StringIO())
    assert ContourAcademie.objects.count() == 1
    with pytest.raises(CommandError, match="introuvable"):
        call_command("import_contours_academies", str(tmp_path / "absent.geojson"))


@pytest.mark.shared_data
@pytest.mark.django_db
def test_import_of_the_open_data_outlines():
    if not SHARED.exists():
        pytest.skip(f"Données partagées absentes : {SHARED}")
    call_command("import_contours_academies", str(SHARED), stdout=StringIO())
    assert ContourAcademie.objects.count() == 30
    normandie = ContourAcademie.objects.get(academie__code="70")
    assert 100 < sum(len(r) for r in normandie.rings) < 1000
    assert -2 < normandie.min_lon < normandie.max_lon < 2


@pytest.mark.django_db
def test_map_markers_shapes_and_list(client):
    normandie = Academie.objects.get(code="70")
    factories.campagne(academie=normandie)
    sent = EtablissementFactory(lp=True, name="Lycée Marland", latitude=48.84, longitude=-1.6)
    factories.transmitted(factories.programme(sent))
    EtablissementFactory(lgt=True, name="Lycée Rostand", latitude=49.19, longitude=-0.36)
    EtablissementFactory(college=True, name="Collège sans coordonnées")
    client.force_login(user_with(Role.ACADEMIE, academie=normandie))
    response = client.get(reverse("pilotage:carte"), {"annee": 2025})
    svg = response.context["svg"]
    assert len(svg["markers"]) == 2
    assert svg["unplaced"] == 1
    titles = {m.title for m in svg["markers"]}
    assert any(t.startswith("Lycée Marland") and t.endswith("Transmis") for t in titles)
    page = response.content.decode()
    assert "Collège sans coordonnées" in page  # in the list alternative
    assert "triangle" in page and "Légende" in page
