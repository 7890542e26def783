"""The action forms outside the grid (direct address, new tab, no JavaScript) and the announcement of their errors."""

import re

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
    return programme_for(school)


@pytest.fixture
def redacteur(client, school):
    user = user_with(Role.REDACTEUR, etablissement=school)
    client.force_login(user)
    return user


def _form_tag(html):
    return re.search(r'<form method="post" action="[^"]*action[^"]*"[^>]*>', html).group(0)


@pytest.mark.parametrize("page", ["create", "update", "delete"])
def test_the_stand_alone_pages_post_to_themselves_without_an_htmx_target_they_lack(client, redacteur, programme, page):
    action = add_action(programme)
    url = {
        "create": reverse("plans:action_create", kwargs={"pk": programme.pk}),
        "update": reverse("plans:action_update", kwargs={"pk": action.pk}),
        "delete": reverse("plans:action_delete", kwargs={"pk": action.pk}),
    }[page]
    html = client.get(url).content.decode()
    assert 'id="action-panel"' not in html  # the grid's panel is not on this page…
    form = _form_tag(html)
    assert f'action="{url}"' in form
    assert "hx-" not in form  # …so nothing aims at it: the browser posts the form itself
    assert "data-plans-close" not in html
    panel = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert 'hx-target="#action-panel"' in _form_tag(panel)  # in the grid's panel, htmx keeps the page


def test_an_invalid_stand_alone_save_announces_its_errors(client, redacteur, school, programme):
    url = reverse("plans:action_create", kwargs={"pk": programme.pk})
    response = client.post(url, _data(school, title="", niveaux=[]))
    html = response.content.decode()
    assert re.search(r"<title>\s*Erreur : Ajouter une action", html)
    summary = re.search(r'<div class="fr-alert fr-alert--error[^"]*"[^>]*data-ppo-error-summary>.*?</div>', html, re.S)
    assert 'role="alert"' in summary.group(0) and 'tabindex="-1"' in summary.group(0)
    assert "Le formulaire contient 2 erreurs" in summary.group(0)
    assert '<a href="#id_title">Intitulé : Ce champ est obligatoire.</a>' in summary.group(0)
    assert '<a href="#id_niveaux_0">' in summary.group(0)  # a group of boxes: its first box
    title_input = re.search(r'<input[^>]*id="id_title"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in title_input
    assert 'aria-describedby="id_title-desc-error"' in title_input
    assert 'id="id_title-desc-error"' in html
    assert not Action.objects.exists()


def test_the_hint_stays_in_the_description_of_a_field_in_error(client, redacteur, school, programme):
    html = client.post(
        reverse("plans:action_create", kwargs={"pk": programme.pk}), _data(school, hours="-2")
    ).content.decode()
    hours = re.search(r'<input[^>]*id="id_hours"[^>]*>', html).group(0)
    assert 'aria-describedby="id_hours_helptext id_hours-desc-error"' in hours
    assert 'id="id_hours_helptext"' in html


def test_a_valid_page_has_no_summary_and_a_plain_title(client, redacteur, programme):
    html = client.get(reverse("plans:action_create", kwargs={"pk": programme.pk})).content.decode()
    assert "data-ppo-error-summary" not in html
    assert "Erreur :" not in html
    assert "aria-invalid" not in html


def test_an_invalid_save_in_the_panel_brings_its_own_summary(client, redacteur, school, programme):
    response = client.post(
        reverse("plans:action_create", kwargs={"pk": programme.pk}),
        _data(school, title=""),
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert "<html" not in html
    assert html.count("data-ppo-error-summary") == 1
    assert '<a href="#id_title">Intitulé : Ce champ est obligatoire.</a>' in html


def test_optional_fields_are_marked_and_required_ones_are_not(client, redacteur, programme):
    html = client.get(reverse("plans:action_create", kwargs={"pk": programme.pk})).content.decode()
    assert re.search(r'for="id_title" class="fr-label">\s*Intitulé\s*<', html)  # required: no mark (DSFR)
    assert re.search(r'for="id_hours" class="fr-label">\s*Heures\s\(Optionnel\)', html)
    assert "Sauf mention contraire, tous les champs sont obligatoires." in html
