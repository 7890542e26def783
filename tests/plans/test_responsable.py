"""The person responsible for an action: chosen among the school's team, shown on the grid and the detail."""

import datetime

import pytest
from django.db.models import F
from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.plans.history import programme_history
from ppo.plans.models import Action
from ppo.plans.services import action_update
from tests.factories import EtablissementFactory, UserFactory, user_with
from tests.plans.factories import add_action, programme_for
from tests.plans.test_actions import _data

pytestmark = pytest.mark.django_db


@pytest.fixture
def school():
    return EtablissementFactory(lp=True)


@pytest.fixture
def programme(school):
    return programme_for(school)


@pytest.fixture
def redacteur(client, school):
    user = user_with(Role.REDACTEUR, etablissement=school, user__first_name="Inès", user__last_name="Martin")
    client.force_login(user)
    return user


def test_the_choices_are_the_schools_team(client, redacteur, school, programme):
    colleague = user_with(Role.REDACTEUR, etablissement=school, user__last_name="Durand")
    # A lecteur cannot record the follow-up: not offered.
    reader = user_with(Role.LECTEUR, etablissement=school)
    outsider = user_with(Role.REDACTEUR, etablissement=EtablissementFactory(lp=True))
    form = client.get(reverse("plans:action_create", kwargs={"pk": programme.pk})).context["form"]
    choices = set(form.fields["responsable"].queryset)
    assert {redacteur, colleague, programme.ppo.created_by} == choices
    assert reader not in choices and outsider not in choices


def test_a_team_member_is_saved_and_shown_on_the_grid_and_detail(client, redacteur, school, programme):
    url = reverse("plans:action_create", kwargs={"pk": programme.pk})
    response = client.post(url, _data(school, responsable=redacteur.pk))
    assert response.status_code == 302
    action = Action.objects.get()
    assert action.responsable == redacteur
    grid = client.get(reverse("plans:programme", kwargs={"pk": programme.pk})).content.decode()
    assert "Responsable : </span>Inès Martin" in grid
    # A reader sees the action's detail, with its responsable.
    reader = user_with(Role.LECTEUR, etablissement=school)
    client.force_login(reader)
    detail = client.get(reverse("plans:action_update", kwargs={"pk": action.pk})).content.decode()
    assert "<dt>Responsable</dt><dd>Inès Martin</dd>" in detail


def test_someone_outside_the_team_is_refused(client, redacteur, school, programme):
    outsider = user_with(Role.DIRECTION, etablissement=EtablissementFactory(lp=True))
    stranger = UserFactory()
    reader = user_with(Role.LECTEUR, etablissement=school)
    for person in (outsider, stranger, reader):
        response = client.post(
            reverse("plans:action_create", kwargs={"pk": programme.pk}), _data(school, responsable=person.pk)
        )
        assert response.status_code == 200
        assert "Choisissez une personne de l’équipe de l’établissement." in response.content.decode()
    assert not Action.objects.exists()


def test_a_responsable_who_left_stays_on_their_action(client, redacteur, school, programme):
    former = user_with(Role.REDACTEUR, etablissement=school)
    action = add_action(programme, responsable=former)
    former.memberships.update(is_active=False)
    url = reverse("plans:action_update", kwargs={"pk": action.pk})
    form = client.get(url).context["form"]
    assert former in form.fields["responsable"].queryset
    data = _data(school, responsable=former.pk, version=action.version)
    assert client.post(url, data).status_code == 302
    action.refresh_from_db()
    assert action.responsable == former


def test_deleting_the_user_leaves_the_action_without_responsable(school, programme):
    person = user_with(Role.REDACTEUR, etablissement=school)
    action = add_action(programme, responsable=person)
    person.delete()
    action.refresh_from_db()
    assert action.responsable is None


def test_the_history_names_the_responsable(school, programme):
    first = user_with(Role.REDACTEUR, etablissement=school, user__first_name="Léa", user__last_name="Petit")
    second = user_with(Role.REDACTEUR, etablissement=school, user__first_name="Marc", user__last_name="Roux")
    action = add_action(programme, responsable=first)
    # Saved apart from the creation (the history merges saves of the same person a few seconds apart).
    action.history.update(history_date=F("history_date") - datetime.timedelta(minutes=5))
    action_update(action=action, user=second, expected_version=action.version, niveaux=list(action.niveaux.all()),
                  responsable=second)  # fmt: skip
    entries = programme_history(programme=programme)
    modified = next(e for e in entries if e.kind == "Modification")
    assert {c.label: (c.old, c.new) for c in modified.changes}["responsable"] == ("Léa Petit", "Marc Roux")
