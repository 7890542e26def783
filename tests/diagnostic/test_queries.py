"""The pages that list data cost the same number of queries whatever the amount of data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.diagnostic.enums import CategorieAxe
from ppo.diagnostic.models import AxeAmelioration, Indicateur, ObjectifCible
from ppo.plans.models import Axe
from ppo.plans.services import action_create, programme_start_next_year
from tests.diagnostic.factories import answered, etat_des_lieux, inventaire_questionnaire, programme_of, values
from tests.factories import EtablissementFactory, user_with


@pytest.fixture
def setting(db):
    school = EtablissementFactory(lp=True)
    director = user_with(Role.DIRECTION, etablissement=school)
    return school, director, programme_of(school, director)


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_analyser_page_with_few_and_many_indicators(client, setting):
    school, director, programme = setting
    client.force_login(director)
    url = reverse("diagnostic:programme", kwargs={"pk": programme.pk})
    values(school, director, years=(2022, 2023))
    answered(programme, user_with(Role.REDACTEUR, etablissement=school), inventaire_questionnaire(), items=1)
    small = _count(client, url)
    for code in Indicateur.objects.values_list("code", flat=True)[:12]:
        values(school, director, code=code, years=(2019, 2020, 2021, 2022, 2023, 2024))
    for _ in range(4):
        answered(programme, user_with(Role.REDACTEUR, etablissement=school), inventaire_questionnaire(), items=3)
    large = _count(client, url)
    assert large == small


def test_side_by_side_with_two_and_eight_respondents(client, setting):
    school, director, programme = setting
    client.force_login(director)
    questionnaire = etat_des_lieux()
    url = reverse("diagnostic:side_by_side", kwargs={"pk": programme.pk, "code": questionnaire.code})
    for _ in range(2):
        answered(programme, user_with(Role.REDACTEUR, etablissement=school), questionnaire)
    small = _count(client, url)
    for _ in range(6):
        answered(programme, user_with(Role.REDACTEUR, etablissement=school), questionnaire)
    large = _count(client, url)
    assert large == small


def _plan_content(school, director, programme, count):
    axe, niveaux = Axe.objects.get(number=1), list(school.niveaux.all()[:2])
    for i, code in enumerate(Indicateur.objects.values_list("code", flat=True)[:count]):
        indicateur = values(school, director, code=code)
        ObjectifCible.objects.create(programme=programme, indicateur=indicateur, target=60, horizon_year=2027)
        AxeAmelioration.objects.create(programme=programme, category=CategorieAxe.VIGILANCE, text=f"Point {i}")
        action_create(programme=programme, user=director, axe=axe, niveaux=niveaux, title=f"Action {i}")


def test_inventory_and_synthesis_with_few_and_many_items(client, setting):
    school, director, programme = setting
    client.force_login(director)
    inventory = reverse("diagnostic:inventaire", kwargs={"pk": programme.pk})
    synthese = reverse("diagnostic:synthese", kwargs={"pk": programme.pk})
    answered(programme, user_with(Role.REDACTEUR, etablissement=school), inventaire_questionnaire(), items=1)
    _plan_content(school, director, programme, 1)
    small = (_count(client, inventory), _count(client, synthese))
    for _ in range(3):
        answered(programme, user_with(Role.REDACTEUR, etablissement=school), inventaire_questionnaire(), items=4)
    _plan_content(school, director, programme, 6)
    programme_start_next_year(programme=programme, user=director)
    assert (_count(client, inventory), _count(client, synthese)) == small
