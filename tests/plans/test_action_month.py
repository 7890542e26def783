"""An action saved with a period that cannot be read and no date: the form asks for its month (ADR 032)."""

import pytest
from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.plans.models import Action
from tests.factories import EtablissementFactory, user_with
from tests.plans.factories import add_action, programme_for
from tests.plans.test_actions import _data

pytestmark = pytest.mark.django_db


@pytest.fixture
def school():
    return EtablissementFactory(lp=True)


@pytest.fixture
def programme(school):
    return programme_for(school, first_year=2026)


@pytest.fixture
def redacteur(client, school):
    user = user_with(Role.REDACTEUR, etablissement=school)
    client.force_login(user)
    return user


def _create(client, programme, school, **overrides):
    return client.post(reverse("plans:action_create", kwargs={"pk": programme.pk}), _data(school, **overrides))


def test_the_month_is_not_asked_for_a_readable_period(client, redacteur, school, programme):
    page = client.get(reverse("plans:action_create", kwargs={"pk": programme.pk})).content.decode()
    assert 'name="month"' not in page
    assert _create(client, programme, school, period="T2").status_code == 302
    assert Action.objects.get().period == "T2"


def test_an_unreadable_period_asks_for_a_month_and_saves_nothing(client, redacteur, school, programme):
    response = _create(client, programme, school, period="après les conseils de classe")
    page = response.content.decode()
    assert response.status_code == 200
    assert "La période « après les conseils de classe » ne dit pas quand l’action a lieu" in page
    assert 'name="month"' in page
    assert '<option value="2027-03">mars 2027</option>' in page
    assert not Action.objects.exists()


def test_the_chosen_month_is_added_to_the_period(client, redacteur, school, programme):
    response = _create(client, programme, school, period="après les conseils de classe", month="2027-03")
    assert response.status_code == 302
    assert Action.objects.get().period == "après les conseils de classe (mars 2027)"


@pytest.mark.parametrize(
    "overrides",
    [
        {"period": "après les conseils de classe", "start_date": "2027-03-10"},
        {"period": ""},
        {"period": "après les conseils", "month": "", "end_date": "2027-03-10"},
    ],
)
def test_a_date_or_no_period_needs_no_month(client, redacteur, school, programme, overrides):
    assert _create(client, programme, school, **overrides).status_code == 302


def test_a_month_outside_the_school_year_is_refused(client, redacteur, school, programme):
    response = _create(client, programme, school, period="à définir", month="2030-03")
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert not Action.objects.exists()


def test_editing_an_action_with_an_unreadable_period_shows_the_month(client, redacteur, school, programme):
    action = add_action(programme, period="quand la salle est libre")
    url = reverse("plans:action_update", kwargs={"pk": action.pk})
    assert 'name="month"' in client.get(url).content.decode()
    response = client.post(url, _data(school, period="quand la salle est libre", version=action.version))
    assert response.status_code == 200
    assert "ne dit pas quand l’action a lieu" in response.content.decode()
    data = _data(school, period="quand la salle est libre", month="2026-11", version=action.version)
    assert client.post(url, data).status_code == 302
    action.refresh_from_db()
    assert action.period == "quand la salle est libre (novembre 2026)"
