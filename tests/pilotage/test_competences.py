"""The académie's analysis: actions per « compétence à s’orienter » × level, across its schools."""

from decimal import Decimal

import pytest
from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.pilotage import analysis
from ppo.plans.models import ProgrammeAnnuel
from ppo.referentiel.models import Academie, Competence, Etablissement
from tests.campagnes import factories
from tests.factories import user_with
from tests.pilotage.test_analysis import _dashboard, data  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset(data):  # noqa: F811 — the hand-built data set of the dashboard tests, its actions tagged
    _tag(data)
    return data


def _c(*codes):
    return list(Competence.objects.filter(code__in=codes))


def _tag(data):  # noqa: F811
    s = data["schools"]
    programme = {k: ProgrammeAnnuel.objects.get(ppo__etablissement=s[k]) for k in "ACDF"}
    for action in programme["A"].actions.all():  # two actions on 2nde pro, one on 1re pro too
        action.competences.set(_c("c1-1", "c3-3"))
    programme["C"].actions.get().competences.set(_c("c1-1"))  # 5e
    programme["D"].actions.get().competences.set(_c("c1-1"))  # a draft: not counted
    programme["F"].actions.get().competences.set(_c("c1-1"))  # another académie: not counted


def _counts(table):
    columns = table.columns[1:]
    return {
        (row[0].text.split(" ", 1)[0], column): cell.value
        for row in table.rows
        for column, cell in zip(columns, row[1:], strict=True)
        if cell.value
    }


def test_actions_per_competence_and_level_across_the_academie(dataset):
    table = _dashboard(user_with(Role.ACADEMIE, academie=Academie.objects.get(code="70")))["competences"]
    assert len(table.rows) == 15
    assert _counts(table) == {
        ("1.1", "2nde pro"): 2,
        ("1.1", "1re pro"): 1,
        ("1.1", "5e"): 1,
        ("3.3", "2nde pro"): 2,
        ("3.3", "1re pro"): 1,
    }


def test_the_table_is_one_aggregated_query_whatever_the_number_of_actions(dataset, django_assert_num_queries):
    schools = Etablissement.objects.filter(academie__code="70")
    with django_assert_num_queries(4):  # the counts; the levels taught (2); the competences
        analysis.competences_table(schools, year=2025)
    school = dataset["schools"]["B"]
    programme = ProgrammeAnnuel.objects.get(ppo__etablissement=school)
    for n in range(5):
        factories.action(programme, axe=1 + n % 3, hours=Decimal(1), competences=list(Competence.objects.all()))
    with django_assert_num_queries(4):
        table = analysis.competences_table(schools, year=2025)
    assert _counts(table)[("2.5", "2nde pro")] == 5


def test_the_dashboard_page_shows_the_table(client, dataset):
    client.force_login(user_with(Role.ACADEMIE, academie=Academie.objects.get(code="70")))
    page = client.get(reverse("pilotage:tableau_de_bord"), {"annee": 2025}).content.decode()
    assert "Compétences à s’orienter : actions qui les font travailler, par niveau" in page
    assert "1.1 Rechercher, sélectionner et vérifier une information" in page
