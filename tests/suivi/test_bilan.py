"""The bilan's figures against a fixture computed by hand (expected numbers written literally)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from ppo.plans.enums import CategorieRessource
from ppo.plans.models import RessourceItem
from ppo.referentiel.models import Niveau
from ppo.suivi.models import Bilan
from ppo.suivi.selectors import bilan_for_programme
from ppo.suivi.services import bilan_reopen, bilan_update, bilan_validate, suivi_record
from tests.factories import StructureFactory
from tests.suivi.helpers import D, make_action


@pytest.fixture
def year(programme, direction):
    """Seven actions of the LP's 2025-2026 programme. By hand:

    A1 axe 1, 2nde pro, 4 h planned, done in 3 h, 20 girls + 25 boys, partner « Agence », effects met: yes
    A2 axe 1, 2nde pro + 1re pro, 2 h planned, done (hours not given: 2), 30 + 40, « Agence » and « CCI », partly
    A3 axe 2, 1re pro, 6 h planned, done in 5.5 h, 10 + 8, other partner « Mission locale », effects: no
    A4 axe 2, 2nde pro, 3 h, postponed (« Intervenant absent »)
    A5 axe 3, Tle pro, 2 h, cancelled (« Grève des transports »)
    A6 axe 3, Tle pro, 1.5 h, no follow-up
    A7 axe 1, 1re pro, no hours, follow-up « prévue »
    Reference volumes set for the test: 2nde pro 20 h, 1re pro 15 h.
    Partners written on the actions: A1 « Agence de l’orientation » (the structure of its follow-up: counted once),
    A4 « CCI Caen Normandie ; Lycée Le Verrier », A6 « entreprises du Granvillais » and « Lycée Le Verrier » on two
    lines; categories ticked: A2 CLEE and Mission locale, A6 CLEE.
    """
    Niveau.objects.filter(code="2nde-pro").update(reference_hours=D("20"))
    Niveau.objects.filter(code="1re-pro").update(reference_hours=D("15"))
    agence = StructureFactory(name="Agence de l’orientation")
    cci = StructureFactory(name="CCI Caen Normandie")

    clee, mission = (
        RessourceItem.objects.get(category=CategorieRessource.PARTENARIATS, label=label)
        for label in ("Comité Local École Entreprise (CLEE)", "Mission locale")
    )
    written = {
        "A1": {"partners": "Agence de l’orientation"},
        "A2": {"partner_items": [clee, mission]},
        "A4": {"partners": "CCI Caen Normandie ; Lycée Le Verrier"},
        "A6": {"partners": "entreprises du Granvillais\nLycée Le Verrier", "partner_items": [clee]},
    }

    def action(title, axe, niveaux, hours, **suivi):
        a = make_action(
            programme,
            direction,
            title=title,
            axe=axe,
            niveaux=niveaux,
            hours=hours,
            pupils_count=100,
            **written.get(title, {}),
        )
        if suivi:
            suivi_record(action=a, user=direction, **suivi)
        return a

    action("A1", 1, ["2nde-pro"], D("4"), status="realisee", hours_spent=D("3"), girls=20, boys=25,
           partners=[agence], evaluation="oui", comment="Très bonne participation.")  # fmt: skip
    action("A2", 1, ["2nde-pro", "1re-pro"], D("2"), status="realisee", girls=30, boys=40,
           partners=[agence, cci], evaluation="partiellement")  # fmt: skip
    action("A3", 2, ["1re-pro"], D("6"), status="realisee", hours_spent=D("5.5"), girls=10, boys=8,
           partners_other="Mission locale", evaluation="non")  # fmt: skip
    action("A4", 2, ["2nde-pro"], D("3"), status="reportee", reason="Intervenant absent")
    action("A5", 3, ["tle-pro"], D("2"), status="annulee", reason="Grève des transports")
    action("A6", 3, ["tle-pro"], D("1.5"))
    action("A7", 1, ["1re-pro"], None, status="prevue")
    return programme


def _level(data, code_label):
    return next(row for row in data["by_level"] if row["label"] == code_label)


def test_totals(year):
    data = bilan_for_programme(programme=year)
    assert data["totals"] == {
        "actions": 7,
        "done": 3,
        "postponed": 1,
        "cancelled": 1,
        "pending": 2,
        "hours_planned": 18.5,
        "hours_delivered": 10.5,
        "girls": 60,
        "boys": 73,
        "pupils": 133,
        "girls_share": 45,
    }


def test_by_axis(year):
    data = bilan_for_programme(programme=year)
    assert [
        (r["number"], r["actions"], r["done"], r["postponed"], r["cancelled"], r["pending"]) for r in data["by_axis"]
    ] == [(1, 3, 2, 0, 0, 1), (2, 2, 1, 1, 0, 0), (3, 2, 0, 0, 1, 1)]


def test_by_level_hours_and_pupils(year):
    data = bilan_for_programme(programme=year)
    codes = [row["code"] for row in data["by_level"]]
    assert codes == list(year.ppo.etablissement.niveaux.order_by("order").values_list("code", flat=True))
    seconde = _level(data, Niveau.objects.get(code="2nde-pro").short_label)
    premiere = _level(data, Niveau.objects.get(code="1re-pro").short_label)
    terminale = _level(data, Niveau.objects.get(code="tle-pro").short_label)
    assert {k: seconde[k] for k in seconde if k not in ("code", "label")} == {
        "actions": 3,
        "done": 2,
        "hours_planned": 9.0,
        "hours_delivered": 5.0,
        "reference_hours": 20.0,
        "reference_source": "national",
        "girls": 20,
        "boys": 25,
        "pupils": 45,
    }
    assert (premiere["actions"], premiere["done"], premiere["hours_planned"], premiere["hours_delivered"]) == (
        3,
        2,
        8.0,
        7.5,
    )
    assert (premiere["reference_hours"], premiere["girls"], premiere["boys"], premiere["pupils"]) == (15.0, 10, 8, 18)
    assert (terminale["actions"], terminale["done"], terminale["hours_delivered"], terminale["pupils"]) == (
        2,
        0,
        0.0,
        0,
    )
    assert terminale["reference_hours"] == 12.0  # the national figure of the plan Avenir
    assert data["multi_level"] == {"actions": 1, "girls": 30, "boys": 40, "pupils": 70}


def test_hours_by_level_are_reconciled_with_the_totals(year):
    """Levels: 2nde 4 + 2 + 3 = 9 h planned, 1re 2 + 6 = 8 h, Tle 2 + 1.5 = 3.5 h: 20.5 h; the total counts A2 (2 h
    on two levels) once: 18.5 h. Delivered: 2nde 3 + 2, 1re 2 + 5.5: 12.5 h against 10.5 h."""
    data = bilan_for_programme(programme=year)
    assert data["hours_check"] == {
        "levels_planned": 20.5,
        "levels_delivered": 12.5,
        "total_planned": 18.5,
        "total_delivered": 10.5,
        "multi_actions": 1,
        "repeated_planned": 2.0,
        "repeated_delivered": 2.0,
        "unlevelled_actions": 0,
        "unlevelled_planned": 0.0,
        "unlevelled_delivered": 0.0,
    }
    assert data["hours_explanation"] == (
        "La somme des niveaux (20,5 h prévues, 12,5 h réalisées) diffère du total de l’établissement, où chaque "
        "action compte une fois (18,5 h prévues, 10,5 h réalisées) : 1 action sur plusieurs niveaux compte une fois "
        "pour chacun de ses niveaux (+2 h prévues, +2 h réalisées par rapport au total)."
    )


def test_partners_evaluations_and_comments(year):
    data = bilan_for_programme(programme=year)
    # Once per action whatever the source: the action's text, its follow-up's structures and other partners.
    assert data["partners"] == [
        {"name": "Agence de l’orientation", "actions": 2, "done": 2},
        {"name": "CCI Caen Normandie", "actions": 2, "done": 1},
        {"name": "Lycée Le Verrier", "actions": 2, "done": 0},
        {"name": "Mission locale", "actions": 1, "done": 1},
        {"name": "entreprises du Granvillais", "actions": 1, "done": 0},
    ]
    assert data["partner_categories"] == [
        {"label": "Comité Local École Entreprise (CLEE)", "actions": 2, "done": 1},
        {"label": "Mission locale", "actions": 1, "done": 1},
    ]
    assert [(r["value"], r["actions"]) for r in data["evaluations"]] == [
        ("oui", 1),
        ("partiellement", 1),
        ("non", 1),
    ]
    assert [(c["axis"], c["action"], c["status"]) for c in data["comments"]] == [
        (1, "A1", "Réalisée"),
        (2, "A4", "Reportée"),
        (3, "A5", "Annulée"),
    ]


def test_validation_freezes_the_figures_and_the_texts(year, direction):
    bilan_update(programme=year, user=direction, version=1, synthesis="Une année riche.")
    bilan_validate(programme=year, user=direction)
    suivi_record(
        action=year.actions.get(title="A6"), user=direction, status="realisee", girls=5, boys=5, hours_spent=D("1")
    )
    data = bilan_for_programme(programme=year)
    assert data["frozen"] is True
    assert data["status"] == "valide"
    assert data["totals"]["done"] == 3
    assert data["totals"]["pupils"] == 133
    assert data["texts"]["synthesis"]["text"] == "Une année riche."
    with pytest.raises(ValidationError, match="validé"):
        bilan_update(programme=year, user=direction, version=3, synthesis="Autre")


def test_edit_conflict_is_refused(year, direction, world):
    bilan_update(programme=year, user=direction, version=1, synthesis="Version de la direction")
    with pytest.raises(ValidationError, match="Quelqu’un d’autre a modifié ce bilan"):
        bilan_update(programme=year, user=world.users["redacteur"], version=1, synthesis="Version ancienne")
    assert Bilan.objects.get().synthesis == "Version de la direction"


def test_objectives_with_baseline_target_and_latest_value(programme, direction):
    diagnostic = pytest.importorskip("ppo.diagnostic.models")
    indicateur = diagnostic.Indicateur.objects.create(
        code="test-poursuite", label="Taux de poursuite d’études", unit="pourcent", category="poursuite"
    )
    diagnostic.ObjectifCible.objects.create(
        programme=programme, indicateur=indicateur, baseline=D("40"), baseline_year=2023, target=D("50"),
        horizon_year=2027,
    )  # fmt: skip
    for year, value in [(2023, "40"), (2024, "43.5"), (2025, "46")]:
        diagnostic.ValeurIndicateur.objects.create(
            etablissement=programme.ppo.etablissement, indicateur=indicateur, year=year, value=D(value)
        )
    [objective] = bilan_for_programme(programme=programme)["objectives"]
    assert objective["baseline"] == 40.0
    assert objective["target"] == 50.0
    assert (objective["latest"], objective["latest_year"]) == (46.0, 2025)
    assert [p["value"] for p in objective["series"]] == [40.0, 43.5, 46.0]


def test_bilan_page_shows_charts_with_their_tables(client, world, year):
    client.force_login(world.users["academie"])
    html = client.get(reverse("suivi:bilan", kwargs={"pk": year.pk})).content.decode()
    assert html.count('role="img"') == 2
    assert '<title id="graphique-axes-title">Actions prévues et réalisées par axe</title>' in html
    assert "<caption>Actions prévues et réalisées par axe</caption>" in html
    assert "<caption>Heures par niveau au regard du volume horaire de référence</caption>" in html
    assert "60 filles et 73 garçons (45 % de filles)" in html
    assert '<th scope="row">Somme des niveaux</th><td>20,5 h</td><td>12,5 h</td>' in html
    assert "1 action sur plusieurs niveaux compte une fois pour chacun de ses niveaux" in html
    assert '<th scope="row">Lycée Le Verrier</th><td>2</td><td>0</td>' in html
    assert "Aucun partenaire" not in html
    assert "Valider le bilan" not in html  # the académie reads, the direction validates


def test_direction_writes_and_validates_through_the_pages(client, world, year):
    client.force_login(world.users["redacteur"])
    url = reverse("suivi:bilan_modifier", kwargs={"pk": year.pk})
    response = client.post(url, {"version": 1, "synthesis": "Bonne année", "next_steps": "Plus de visites"})
    assert response.status_code == 302
    assert client.post(reverse("suivi:bilan_valider", kwargs={"pk": year.pk})).status_code == 403
    client.force_login(world.users["direction"])
    assert client.post(reverse("suivi:bilan_valider", kwargs={"pk": year.pk})).status_code == 302
    bilan = Bilan.objects.get()
    assert (bilan.status, bilan.synthesis, bilan.validated_by) == ("valide", "Bonne année", world.users["direction"])
    assert bilan.figures["totals"]["done"] == 3
    assert client.get(url).status_code == 302  # a validated bilan is no longer edited


def test_the_academie_campaign_volume_overrides_the_national_reference(year, world):
    campagnes = pytest.importorskip("ppo.campagnes.models")
    campagne = campagnes.Campagne.objects.create(
        academie=world.school.academie, year=2025, deadline=datetime.date(2025, 12, 15), kinds=["lp"]
    )
    campagnes.VolumeReference.objects.create(
        campagne=campagne, niveau=Niveau.objects.get(code="tle-pro"), hours=D("12")
    )
    data = bilan_for_programme(programme=year)
    terminale = next(row for row in data["by_level"] if row["code"] == "tle-pro")
    seconde = next(row for row in data["by_level"] if row["code"] == "2nde-pro")
    assert (terminale["reference_hours"], terminale["reference_source"]) == (12.0, "académie")
    assert (seconde["reference_hours"], seconde["reference_source"]) == (20.0, "national")


def test_direction_reopens_a_validated_bilan(client, world, year, direction):
    bilan_validate(programme=year, user=direction)
    url = reverse("suivi:bilan_rouvrir", kwargs={"pk": year.pk})
    client.force_login(world.users["redacteur"])
    assert client.post(url).status_code == 403
    client.force_login(world.users["direction"])
    assert client.post(url).status_code == 302
    bilan = Bilan.objects.get()
    assert (bilan.status, bilan.figures, bilan.validated_at) == ("brouillon", None, None)
    assert bilan_for_programme(programme=year)["frozen"] is False
    with pytest.raises(ValidationError, match="déjà modifiable"):
        bilan_reopen(programme=year, user=direction)
