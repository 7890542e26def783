"""The dashboard on a small hand-built data set, with the expected figures written out."""

import datetime
import re
from decimal import Decimal
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from ppo.campagnes.enums import SensCible
from ppo.campagnes.models import Priorite, VolumeReference
from ppo.comptes.enums import Role
from ppo.core.spreadsheet import Percent
from ppo.diagnostic.models import Indicateur, ValeurIndicateur
from ppo.examen import selectors
from ppo.pilotage import analysis
from ppo.plans.enums import CategorieRessource, StatutProgramme, TypeAction
from ppo.plans.lifecycle import force_status
from ppo.plans.models import Axe, ProgrammeAnnuel, RessourceItem
from ppo.referentiel.enums import Secteur
from ppo.referentiel.models import Academie, Niveau
from tests.campagnes import factories
from tests.factories import BassinFactory, DepartementFactory, EtablissementFactory, user_with

pytestmark = pytest.mark.django_db
BEFORE_DEADLINE = datetime.date(2026, 1, 10)
AFTER_DEADLINE = datetime.date(2026, 4, 1)


def _set(programme, status):
    force_status(programme=programme, status=status, user=programme.ppo.created_by)


@pytest.fixture
def data():
    """A and B (LP, bassin 1), C and D (collèges, bassin 2, D private), E (LGT, bassin 1, nothing), F (Lille)."""
    normandie = Academie.objects.get(code="70")
    b1, b2 = BassinFactory(name="Caen"), BassinFactory(name="Cotentin")
    calvados, manche = DepartementFactory(code="014"), DepartementFactory(code="050", name="Manche")
    campagne = factories.campagne(academie=normandie)
    VolumeReference.objects.create(campagne=campagne, niveau=Niveau.objects.get(code="5e"), hours=12)
    partner = RessourceItem.objects.filter(category=CategorieRessource.PARTENARIATS).first()
    s = {
        "A": EtablissementFactory(lp=True, name="A", bassin=b1, departement=calvados),
        "B": EtablissementFactory(lp=True, name="B", bassin=b1, departement=calvados),
        "C": EtablissementFactory(college=True, name="C", bassin=b2, departement=manche),
        "D": EtablissementFactory(college=True, name="D", bassin=b2, departement=manche, secteur=Secteur.PRIVE),
        "E": EtablissementFactory(lgt=True, name="E", bassin=b1, departement=calvados),
    }
    lille = Academie.objects.get(code="09")
    s["F"] = EtablissementFactory(
        lgt=True, name="F", departement=DepartementFactory(code="059", academie=lille), academie=lille
    )
    a = factories.programme(s["A"])
    factories.action(
        a,
        axe=1,
        niveaux=("2nde-pro", "1re-pro"),
        kind=TypeAction.SEANCE,
        hours=Decimal(4),
        gender_equality=True,
        partner_items=[partner],
    )
    factories.action(a, axe=2, niveaux=("2nde-pro",), kind=TypeAction.VISITE, hours=Decimal(6))
    factories.transmitted(a)
    b = factories.programme(s["B"])
    factories.action(b, axe=1, niveaux=("2nde-pro",), kind=TypeAction.SEANCE, hours=Decimal(2))
    factories.transmitted(b)
    _set(b, StatutProgramme.VALIDE)
    c = factories.programme(s["C"])
    factories.action(
        c, axe=2, niveaux=("5e",), kind=TypeAction.INTERVENTION, hours=Decimal(3), partner_items=[partner]
    )
    factories.transmitted(c)
    _set(c, StatutProgramme.A_COMPLETER)
    d = factories.programme(s["D"])  # a draft: its actions are not counted
    factories.action(d, axe=2, niveaux=("5e",), kind=TypeAction.VISITE, hours=Decimal(50), gender_equality=True)
    f = factories.programme(s["F"])  # another académie
    factories.action(f, axe=1, niveaux=("2nde-gt",), hours=Decimal(9))
    factories.transmitted(f)
    return {"schools": s, "campagne": campagne, "partner": partner, "b1": b1, "b2": b2, "manche": manche}


def _dashboard(user, today=BEFORE_DEADLINE, **filters):
    return analysis.dashboard(user=user, filtres=analysis.Filtres(year=2025, **filters), today=today)["tables"]


def _column(table, index=1):
    return {row[0].value: row[index].value for row in table.rows}


def test_schools_by_status_before_and_after_the_deadline(data):
    academie = user_with(Role.ACADEMIE, academie=Academie.objects.get(code="70"))
    before = _column(_dashboard(academie)["statuts"])
    assert before == {
        "Non commencé": 1,
        "En préparation": 1,
        "Transmis": 1,
        "Renvoyé à compléter": 1,
        "Validé": 1,
        "En retard": 0,
        "Total": 5,
    }
    after = _column(_dashboard(academie, today=AFTER_DEADLINE)["statuts"])
    assert (after["Non commencé"], after["En préparation"], after["En retard"], after["Total"]) == (0, 0, 2, 5)


def test_coverage_counts_schools_with_a_transmitted_programme(data):
    academie = user_with(Role.ACADEMIE, academie=Academie.objects.get(code="70"))
    table = _dashboard(academie)["couverture"]
    rows = {row[0].value: [c.text for c in row[1:]] for row in table.rows}
    assert rows["Seconde professionnelle"] == ["2 / 2 (100 %)", "1 / 2 (50 %)", "0 / 2 (0 %)"]
    assert rows["Première professionnelle"] == ["1 / 2 (50 %)", "0 / 2 (0 %)", "0 / 2 (0 %)"]
    assert rows["Cinquième"] == ["0 / 1 (0 %)", "1 / 1 (100 %)", "0 / 1 (0 %)"]
    axe1 = Axe.objects.get(number=1)
    seconde = Niveau.objects.get(code="2nde-pro")
    cell = table.rows[[r[0].value for r in table.rows].index("Seconde professionnelle")][1]
    assert cell.params == {"cellule": f"{axe1.pk}-{seconde.pk}"}
    assert cell.level == 4


def test_actions_by_kind_partner_axis_hours_mixity_and_decouverte(data):
    academie = user_with(Role.ACADEMIE, academie=Academie.objects.get(code="70"))
    tables = _dashboard(academie)
    assert _column(tables["types"]) == {
        "Séance ou atelier en classe": 2,
        "Visite d’entreprise ou d’établissement": 1,
        "Intervention de professionnels ou de partenaires": 1,
    }
    assert _column(tables["types"], 2)["Séance ou atelier en classe"] == 2
    assert _column(tables["partenaires"]) == {data["partner"].label: 2}
    assert _column(tables["partenaires"], 2) == {data["partner"].label: 2}
    axes = _column(tables["axes"])
    assert (axes["Axe 1 — Projet d’orientation"], axes["Axe 2 — Monde économique et métiers"]) == (2, 2)
    hours = {row[0].value: [c.value for c in row[1:]] for row in tables["heures"].rows}
    assert hours["Seconde professionnelle"][:3] == [2, Decimal(12), Decimal("6.0")]
    assert hours["Première professionnelle"][:3] == [2, Decimal(4), Decimal("2.0")]
    assert hours["Cinquième"] == [1, Decimal(3), Decimal("3.0"), Decimal(12)]
    assert _column(tables["mixite"])["Actions contribuant à l’égalité filles-garçons"] == 1
    assert _column(tables["mixite"])["Établissements ayant au moins une telle action"] == 1
    assert _column(tables["decouverte"]) == {
        "Collèges": 2,
        "Collèges ayant de telles actions": 1,
        "Part": Percent(0.5),
    }


def test_priority_indicator_against_its_target(data):
    s = data["schools"]
    indicateur = Indicateur.objects.get(code="part_filles_specialite")
    for school, scope, value in [(s["A"], "NSI", 20), (s["A"], "HLP", 75), (s["B"], "NSI", 35), (s["B"], "HLP", 60)]:
        ValeurIndicateur.objects.create(
            etablissement=school, indicateur=indicateur, year=2025, scope=scope, value=value
        )
    Priorite.objects.create(
        campagne=data["campagne"],
        text="30 % de mixité",
        indicator_code="part_filles_specialite",
        target=30,
        unit="%",
        target_direction=SensCible.MIXITE,
    )
    academie = user_with(Role.ACADEMIE, academie=Academie.objects.get(code="70"))
    row = _dashboard(academie)["priorites"].rows[0]
    assert [c.value for c in row[3:]] == [4, 2, Percent(0.5)]


def test_filters_and_scopes(data):
    academie = user_with(Role.ACADEMIE, academie=Academie.objects.get(code="70"))
    assert _column(_dashboard(academie, bassin=data["b2"].pk)["statuts"])["Total"] == 2
    assert _column(_dashboard(academie, departement=data["manche"].pk)["statuts"])["Total"] == 2
    assert _column(_dashboard(academie, secteur="prive")["statuts"])["Total"] == 1
    assert _column(_dashboard(academie, kind="lp")["statuts"])["Total"] == 2
    data["campagne"].kinds = ["lp"]
    data["campagne"].save()
    assert _column(_dashboard(academie)["statuts"])["Total"] == 2  # only the kinds the campaign concerns
    data["campagne"].kinds = []
    data["campagne"].save()
    bassin = user_with(Role.BASSIN, bassin=data["b1"])
    assert _column(_dashboard(bassin)["statuts"])["Total"] == 3
    lille = user_with(Role.ACADEMIE, academie=Academie.objects.get(code="09"))
    assert _column(_dashboard(lille)["statuts"]) == {
        **dict.fromkeys(_column(_dashboard(lille)["statuts"]), 0),
        "Transmis": 1,
        "Total": 1,
    }


def _names(response):
    return [school.name for school in response.context["schools"]]


def test_every_figure_links_to_its_schools(client, data):
    client.force_login(user_with(Role.ACADEMIE, academie=Academie.objects.get(code="70")))
    url = reverse("pilotage:etablissements")
    axe1, seconde = Axe.objects.get(number=1), Niveau.objects.get(code="2nde-pro")
    assert _names(client.get(url, {"annee": 2025, "etat": "transmis"})) == ["A"]
    assert _names(client.get(url, {"annee": 2025, "cellule": f"{axe1.pk}-{seconde.pk}"})) == ["A", "B"]
    assert _names(client.get(url, {"annee": 2025, "partenaire": data["partner"].pk})) == ["A", "C"]
    assert _names(client.get(url, {"annee": 2025, "mixite": "1"})) == ["A"]
    assert _names(client.get(url, {"annee": 2025, "decouverte": "1"})) == ["C"]
    assert _names(client.get(url, {"annee": 2025, "type": TypeAction.VISITE})) == ["A"]
    assert _names(client.get(url, {"annee": 2025, "etat": "en_retard", "bassin": data["b1"].pk})) == ["E"]
    dashboard = client.get(reverse("pilotage:tableau_de_bord"), {"annee": 2025}).content.decode()
    assert f"cellule={axe1.pk}-{seconde.pk}" in dashboard


def test_bad_filters_get_a_message_and_are_ignored(client, data):
    client.force_login(user_with(Role.ACADEMIE, academie=Academie.objects.get(code="70")))
    response = client.get(reverse("pilotage:tableau_de_bord"), {"annee": "abc", "bassin": "999999"})
    assert response.status_code == 200
    assert "Certains filtres sont invalides" in response.content.decode()


def _selected_year(response):
    select = response.content.decode().split('name="annee"', 1)[1].split("</select>", 1)[0]
    return re.findall(r'<option value="(\d+)" selected>', select)


@pytest.mark.parametrize("name", ["pilotage:tableau_de_bord", "pilotage:etablissements", "pilotage:carte"])
@pytest.mark.parametrize("query", [{"etat": "transmis"}, {"annee": "abc"}, {"bassin": "999999"}, {}])
def test_year_select_shows_the_year_displayed(client, data, name, query):
    """Bound without a (valid) year, the select used to show the first year of the list, not the one displayed."""
    client.force_login(user_with(Role.ACADEMIE, academie=Academie.objects.get(code="70")))
    response = client.get(reverse(name), query)
    assert response.status_code == 200
    assert _selected_year(response) == [str(factories.YEAR)]


def test_year_select_offers_an_old_default_year(client):
    """A scope whose last transmitted programme is older than the years offered still sees that year selected."""
    old = datetime.date.today().year - 8
    factories.transmitted(factories.programme(EtablissementFactory(lp=True), year=old))
    client.force_login(user_with(Role.ACADEMIE, academie=Academie.objects.get(code="70")))
    response = client.get(reverse("pilotage:etablissements"), {"etat": "transmis"})
    assert _selected_year(response) == [str(old)]
    assert f">{old}-{old + 1}</option>" in response.content.decode()


def test_xlsx_export_of_a_table_and_of_everything(client, data):
    client.force_login(user_with(Role.ACADEMIE, academie=Academie.objects.get(code="70")))
    response = client.get(reverse("pilotage:export"), {"annee": 2025, "table": "statuts"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(BytesIO(response.content))["statuts"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1] == ("État", "Établissements", "Part")
    assert ("Total", 5, 1) in rows  # a share is a number, in the « 0 % » format
    assert {cell.number_format for cell in sheet["C"][2:]} == {"0 %"}
    everything = load_workbook(
        BytesIO(client.get(reverse("pilotage:export"), {"annee": 2025, "table": "tout"}).content)
    )
    assert {"statuts", "couverture", "types", "partenaires", "axes", "heures", "mixite", "decouverte"} <= set(
        everything.sheetnames
    )
    listing = client.get(reverse("pilotage:export"), {"annee": 2025, "table": "etablissements", "etat": "transmis"})
    names = [r[0] for r in load_workbook(BytesIO(listing.content)).active.iter_rows(min_row=3, values_only=True)]
    assert names == ["A"]
    assert client.get(reverse("pilotage:export"), {"table": "inconnu"}).status_code == 404


def _school_with_programme(bassin, n):
    school = EtablissementFactory(lp=True, bassin=bassin)
    programme = factories.programme(school)
    factories.action(programme, axe=1 + n % 3, niveaux=("2nde-pro",), hours=Decimal(2), gender_equality=n % 2 == 0)
    if n % 2:
        factories.transmitted(programme)


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("name", ["pilotage:tableau_de_bord", "pilotage:etablissements", "pilotage:carte"])
def test_query_count_does_not_grow_with_the_schools(client, name):
    bassin = BassinFactory()
    factories.campagne()
    client.force_login(user_with(Role.ACADEMIE, academie=Academie.objects.get(code="70")))
    url = reverse(name) + "?annee=2025"
    for n in range(3):
        _school_with_programme(bassin, n)
    small = _count_queries(client, url)
    for n in range(3, 30):
        _school_with_programme(bassin, n)
    assert _count_queries(client, url) == small
    assert small <= 40


def test_priority_figures_link_to_their_schools(client, data):
    s = data["schools"]
    indicateur = Indicateur.objects.get(code="part_filles_specialite")
    for school, year, value in [(s["A"], 2025, 20), (s["B"], 2025, 35), (s["B"], 2025, 60), (s["C"], 2024, 50)]:
        ValeurIndicateur.objects.create(
            etablissement=school, indicateur=indicateur, year=year, scope=str(value), value=value
        )
    priorite = Priorite.objects.create(
        campagne=data["campagne"],
        text="30 % de mixité",
        indicator_code="part_filles_specialite",
        target=30,
        target_direction=SensCible.MIXITE,
    )
    academie = user_with(Role.ACADEMIE, academie=Academie.objects.get(code="70"))
    row = _dashboard(academie)["priorites"].rows[0]
    assert [c.value for c in row[3:]] == [3, 2, Percent(2 / 3)]
    assert row[5].text == "67 %"
    assert row[3].params == {"priorite": priorite.pk}
    assert row[4].params == {"priorite": priorite.pk, "atteinte": "1"}
    client.force_login(academie)
    url = reverse("pilotage:etablissements")
    assert _names(client.get(url, {"annee": 2025, "priorite": priorite.pk})) == ["A", "B"]
    reached = client.get(url, {"annee": 2025, "priorite": priorite.pk, "atteinte": "1"})
    assert _names(reached) == ["B"]
    assert "atteignant la cible de la priorité « 30 % de mixité »" in reached.content.decode()
    assert _names(client.get(url, {"annee": 2024, "priorite": priorite.pk})) == ["C"]
    assert _names(client.get(url, {"annee": 2025, "priorite": "abc"})) == []
    client.force_login(user_with(Role.ACADEMIE, academie=Academie.objects.get(code="09")))
    foreign = client.get(url, {"annee": 2025, "priorite": priorite.pk})
    assert _names(foreign) == []  # a priority of another académie matches nothing and is not named
    assert "30 % de mixité" not in foreign.content.decode()
    client.force_login(academie)
    dashboard = client.get(reverse("pilotage:tableau_de_bord"), {"annee": 2025}).content.decode()
    assert (
        f"priorite={priorite.pk}&amp;atteinte=1" in dashboard or f"atteinte=1&amp;priorite={priorite.pk}" in dashboard
    )


@pytest.mark.parametrize("today", [BEFORE_DEADLINE, AFTER_DEADLINE])
def test_state_of_the_status_table_is_the_state_of_the_lists(data, today):
    """`etat_of` (status table, grouped) and the `etat` annotation (lists of schools) apply the same rule."""
    academie = user_with(Role.ACADEMIE, academie=Academie.objects.get(code="70"))
    schools, _ = analysis.scope(user=academie, filtres=analysis.Filtres(year=2025))
    annotated = analysis.with_etat(schools, year=2025, today=today)
    assert annotated.count() == 5
    for school in annotated:
        assert school.etat == analysis.etat_of(school.programme_status, school.campagne_deadline, today)


# --- Similar schools: twelve schools, the expected peers and averages computed by hand -------------------------------


def _school(code, dep, ips, *, kind="lp", active=True):
    departement = DepartementFactory(code=dep, name=f"Département {dep}", academie=Academie.objects.get(code=code))
    return EtablissementFactory(**{kind: True}, departement=departement, ips=ips, is_active=active)


def _programme_with(etablissement, actions, *, year=2025, status="transmis"):
    programme = factories.programme(etablissement, year=year)
    for axe, niveaux, hours in actions:
        factories.action(programme, axe=axe, niveaux=niveaux, hours=Decimal(hours))
    if status == "transmis":
        factories.transmitted(programme)
    elif status == "valide":
        factories.transmitted(programme)
        force_status(programme=programme, status=StatutProgramme.VALIDE, user=programme.ppo.created_by)
    return programme


@pytest.fixture
def twelve():
    """The school: a LP of Lyon, IPS 95, two actions (4 h on 2nde and 1re pro, 3 h in Tle pro). Eleven others:

    1 LP Lyon IPS 90: 2 h (axe 1, 2nde), 3 h (axe 2, 2nde + 1re)         → comparable, in the académie
    2 LP Lyon IPS 104: 4 h (axe 1, Tle)                                     → comparable, in the académie
    3 LP Lyon IPS 120                                                       → IPS too far
    4 LGT Lyon IPS 95                                                       → another kind
    5 LP Lyon IPS 96, draft only                                            → nothing the académie may read
    6 LP Lyon without IPS                                                   → IPS unknown
    7 LP Grenoble IPS 99: 6 h (axe 3, 2nde + 1re + Tle), validated          → comparable, région académique
    8 LP Clermont IPS 86: 1 h and 2 h (axe 1, 1re)                          → comparable, région académique
    9 LP Grenoble IPS 100, programme of 2024 only                           → another year
    10 LP Normandie IPS 95: 2 h (axe 2, CAP 1)                              → comparable, nation
    11 LP Grenoble IPS 92, closed                                           → inactive
    Académie: 2 found (< 5), région: 4 (< 5), nation: 5 → 1, 2, 7, 8, 10.
    """
    school = _school("10", "069", Decimal("95"))
    own = _programme_with(school, [(1, ("2nde-pro", "1re-pro"), "4"), (2, ("tle-pro",), "3")], status="")
    leak = [(1, ("2nde-pro",), "100")]
    _programme_with(_school("10", "069", Decimal("90")), [(1, ("2nde-pro",), "2"), (2, ("2nde-pro", "1re-pro"), "3")])
    _programme_with(_school("10", "069", Decimal("104")), [(1, ("tle-pro",), "4")])
    _programme_with(_school("10", "069", Decimal("120")), leak)
    _programme_with(_school("10", "069", Decimal("95"), kind="lgt"), [(1, ("2nde-gt",), "100")])
    _programme_with(_school("10", "069", Decimal("96")), leak, status="")
    _programme_with(_school("10", "069", None), leak)
    _programme_with(
        _school("08", "038", Decimal("99")), [(3, ("2nde-pro", "1re-pro", "tle-pro"), "6")], status="valide"
    )
    _programme_with(_school("06", "063", Decimal("86")), [(1, ("1re-pro",), "1"), (1, ("1re-pro",), "2")])
    _programme_with(_school("08", "038", Decimal("100")), leak, year=2024)
    _programme_with(_school("70", "050", Decimal("95")), [(2, ("cap-1",), "2")])
    _programme_with(_school("08", "038", Decimal("92"), active=False), leak)
    return school, factories.transmitted(own)


def test_similar_schools_widen_to_the_nation_when_fewer_than_five(twelve):
    school, sent = twelve
    data = selectors.peers_comparison(transmission=sent)
    assert data["n_peers"] == 5
    assert data["widened"] is True
    assert data["description"] == (
        "5 établissements comparables : même type (lycée professionnel), IPS entre 85 et 105 (celui de "
        "l’établissement, 95, à 10 points près), dans toute la France, ayant un programme 2025-2026 transmis ou "
        "validé ; moins de 5 dans un périmètre plus proche, la recherche a été élargie à toute la France."
    )
    rows = {row["label"]: (row["own"], row["peers"]) for row in data["rows"]}
    assert rows["Nombre d’actions"] == (2, Decimal("1.4"))  # 2 + 1 + 1 + 2 + 1 = 7 actions / 5
    assert rows["Cases de la grille axes × niveaux couvertes"] == (3, Decimal("1.8"))  # 3 + 1 + 3 + 1 + 1
    assert rows["Heures prévues (chaque action une fois)"] == (Decimal("7"), Decimal("4.0"))  # 20 h / 5
    # Per level, a multi-level action counts for each level: 2nde 5 + 6, 1re 3 + 6 + 3, Tle 4 + 6, CAP 1 2.
    assert rows["Heures prévues en 2nde pro"] == (Decimal("4"), Decimal("2.2"))
    assert rows["Heures prévues en 1re pro"] == (Decimal("4"), Decimal("2.4"))
    assert rows["Heures prévues en Tle pro"] == (Decimal("3"), Decimal("2.0"))
    assert rows["Heures prévues en CAP 1"] == (Decimal("0"), Decimal("0.4"))
    # 35 h = 20 h + 3 h (one more level) + 12 h (two more levels): the sum of the levels, said as such.
    assert rows["Heures prévues, somme des niveaux"] == (
        Decimal("11"),
        Decimal("7.0"),
    )
    assert "1 dans ce programme" in data["hours_note"]


def test_similar_schools_stay_in_the_region_when_five_are_found_there(twelve):
    school, sent = twelve
    _programme_with(_school("08", "038", Decimal("97")), [(1, ("2nde-pro",), "5")])
    data = selectors.peers_comparison(transmission=sent)
    assert data["n_peers"] == 5
    assert "dans la région académique Auvergne-Rhône-Alpes" in data["description"]
    rows = {row["label"]: row["peers"] for row in data["rows"]}
    assert rows["Heures prévues (chaque action une fois)"] == Decimal("4.6")  # 5 + 4 + 6 + 3 + 5 = 23 h / 5


def test_school_without_ips_is_compared_without_that_criterion(twelve):
    school, sent = twelve
    school.ips = None
    school.save(update_fields=["ips"])
    group = selectors.programme_peers(etablissement=school, year=2025)
    assert "sans critère d’IPS" in group.description
    # In the académie: 1, 2, 3 (IPS no longer matters) and 6 (no IPS) → 4, then the région adds 7 and 8.
    assert (group.n, group.area) == (6, "region")


def test_review_page_says_how_the_similar_schools_were_chosen(client, twelve):
    school, sent = twelve
    client.force_login(user_with(Role.ACADEMIE, academie=school.academie))
    page = client.get(reverse("examen:transmission", kwargs={"pk": sent.pk})).content.decode()
    assert "la moyenne des 5 établissements comparables" in page
    assert "la recherche a été élargie à toute la France" in page
    assert "somme des niveaux" in page
    client.force_login(user_with(Role.DIRECTION, etablissement=school))
    page = client.get(reverse("examen:transmission", kwargs={"pk": sent.pk})).content.decode()
    assert "la moyenne des 5 établissements comparables" in page  # five or more: the school sees the averages too


def test_school_sees_no_average_behind_fewer_than_five_schools(client, twelve):
    """Without the Normandie LP, only four comparable schools are left in the whole country: the académie sees
    their average, the school is told why it sees none."""
    school, sent = twelve
    ProgrammeAnnuel.objects.filter(ppo__etablissement__academie__code="70").delete()
    client.force_login(user_with(Role.ACADEMIE, academie=school.academie))
    page = client.get(reverse("examen:transmission", kwargs={"pk": sent.pk})).content.decode()
    assert "la moyenne des 4 établissements comparables" in page
    client.force_login(user_with(Role.DIRECTION, etablissement=school))
    page = client.get(reverse("examen:transmission", kwargs={"pk": sent.pk})).content.decode()
    assert "la moyenne des 4 établissements comparables" not in page
    assert "Moins de 5 établissements comparables : la comparaison n’est pas montrée" in page
