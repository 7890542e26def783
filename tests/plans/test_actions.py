from decimal import Decimal

import pytest
from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.plans.enums import StatutProgramme
from ppo.plans.lifecycle import force_status
from ppo.plans.models import Action, Axe, RessourceItem
from ppo.plans.services import action_update
from ppo.referentiel.models import Niveau
from tests.factories import EtablissementFactory, user_with
from tests.plans.factories import add_action, programme_for

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


def _data(school, **overrides):
    data = {
        "title": "Forum des métiers",
        "axe": Axe.objects.get(number=2).pk,
        "niveaux": [school.niveaux.get(code="2nde-pro").pk],
        "kind": "evenement",
        "actors": [RessourceItem.objects.get(label="CPE").pk],
        "period": "février",
        "partner_items": [RessourceItem.objects.get(label="Mission locale").pk],
        "hours": "3",
        "expected_effects": "Rencontrer des professionnels.",
    }
    data.update(overrides)
    return data


def test_create_form_preselects_the_cell_and_offers_only_the_levels_taught(client, redacteur, school, programme):
    niveau = school.niveaux.get(code="1re-pro")
    url = reverse("plans:action_create", kwargs={"pk": programme.pk})
    form = client.get(f"{url}?axe={Axe.objects.get(number=3).pk}&niveau={niveau.pk}").context["form"]
    assert form.initial == {"axe": Axe.objects.get(number=3).pk, "niveaux": [niveau.pk]}
    assert set(form.fields["niveaux"].queryset) == set(school.niveaux.all())
    assert not form.fields["niveaux"].queryset.filter(code="6e").exists()


def test_create_without_js_redirects_to_the_grid(client, redacteur, school, programme):
    response = client.post(reverse("plans:action_create", kwargs={"pk": programme.pk}), _data(school))
    action = Action.objects.get()
    assert response.status_code == 302
    niveau = school.niveaux.get(code="2nde-pro")
    assert response["Location"] == reverse("plans:programme", kwargs={"pk": programme.pk}) + f"#niveau-{niveau.pk}"
    assert action.created_by == redacteur
    assert [a.label for a in action.actors.all()] == ["CPE"]
    assert action.hours == Decimal(3)
    assert {h.history_user for h in action.history.all()} == {redacteur}


def test_create_with_htmx_returns_the_message_and_the_refreshed_grid(client, redacteur, school, programme):
    response = client.post(
        reverse("plans:action_create", kwargs={"pk": programme.pk}), _data(school), headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "L’action « Forum des métiers » est ajoutée." in html
    assert 'id="plan-grille" hx-swap-oob="true"' in html
    assert '>Forum des métiers<span class="fr-sr-only"> — action n° ' in html


def test_htmx_get_returns_the_panel_only(client, redacteur, programme):
    response = client.get(reverse("plans:action_create", kwargs={"pk": programme.pk}), headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html
    assert 'hx-post="' in html


def test_a_level_the_school_does_not_teach_is_refused(client, redacteur, school, programme):
    sixieme = Niveau.objects.get(code="6e")
    response = client.post(
        reverse("plans:action_create", kwargs={"pk": programme.pk}), _data(school, niveaux=[sixieme.pk])
    )
    assert response.status_code == 200
    assert "niveaux" in response.context["form"].errors
    assert not Action.objects.exists()


def test_bad_input_gets_french_messages_and_changes_nothing(client, redacteur, school, programme):
    response = client.post(
        reverse("plans:action_create", kwargs={"pk": programme.pk}),
        _data(school, title="", niveaux=[], start_date="2026-03-01", end_date="2026-02-01", hours="-2"),
    )
    errors = response.context["form"].errors
    assert errors["title"] == ["Ce champ est obligatoire."]
    assert errors["niveaux"] == ["Choisissez au moins un niveau."]
    assert errors["end_date"] == ["La date de fin doit suivre la date de début."]
    assert "hours" in errors
    assert not Action.objects.exists()


def test_update_saves_and_bumps_the_version(client, redacteur, school, programme):
    action = add_action(programme, niveaux=[school.niveaux.get(code="2nde-pro")])
    response = client.post(
        reverse("plans:action_update", kwargs={"pk": action.pk}), _data(school, title="Forum", version=action.version)
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.title, action.version) == ("Forum", 2)


def test_a_save_over_a_newer_version_is_refused_and_shows_both_versions(client, redacteur, school, programme):
    action = add_action(programme, niveaux=[school.niveaux.get(code="2nde-pro")], title="Forum")
    other = user_with(Role.DIRECTION, etablissement=school)
    # Someone else saved first (version 1 → 2).
    action_update(
        action=Action.objects.get(pk=action.pk),
        user=other,
        expected_version=1,
        niveaux=list(action.niveaux.all()),
        title="Forum de l’autre",
    )
    response = client.post(
        reverse("plans:action_update", kwargs={"pk": action.pk}), _data(school, title="Mon forum", version=1)
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Enregistrement refusé" in html
    assert "Mon forum" in html and "Forum de l’autre" in html
    assert other.get_full_name() in html
    assert response.context["form"]["version"].value() == "2"
    action.refresh_from_db()
    assert (action.title, action.version) == ("Forum de l’autre", 2)


def test_reader_reads_an_action_but_cannot_change_it(client, school, programme):
    action = add_action(programme, internal_comment="À revoir")
    client.force_login(user_with(Role.LECTEUR, etablissement=school))
    response = client.get(reverse("plans:action_update", kwargs={"pk": action.pk}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enregistrer l’action" not in html
    assert "À revoir" in html
    assert client.post(reverse("plans:action_update", kwargs={"pk": action.pk}), _data(school)).status_code == 403


def test_delete_with_and_without_a_stale_version(client, redacteur, programme):
    action = add_action(programme)
    url = reverse("plans:action_delete", kwargs={"pk": action.pk})
    response = client.post(url, {"version": 7})
    assert "modifiée entre-temps" in response.content.decode()
    assert Action.objects.filter(pk=action.pk).exists()
    assert client.post(url, {"version": 1}).status_code == 302
    assert not Action.objects.filter(pk=action.pk).exists()


@pytest.mark.parametrize("htmx", [False, True])
def test_an_action_deleted_by_someone_else_during_the_save_gives_a_message_not_an_error(
    client, redacteur, school, programme, monkeypatch, htmx
):
    """The other person's deletion lands between the page's permission check and the save (the narrowest race)."""
    from ppo.plans.views import actions as views

    action = add_action(programme, niveaux=[school.niveaux.get(code="2nde-pro")], title="Forum")
    real_update = views.action_update

    def deleted_meanwhile(**kwargs):
        Action.objects.filter(pk=action.pk).delete()
        return real_update(**kwargs)

    monkeypatch.setattr(views, "action_update", deleted_meanwhile)
    headers = {"HX-Request": "true"} if htmx else {}
    response = client.post(
        reverse("plans:action_update", kwargs={"pk": action.pk}),
        _data(school, title="Mon forum", version=1),
        headers=headers,
    )
    grid = reverse("plans:programme", kwargs={"pk": programme.pk})
    if htmx:
        assert response.status_code == 200 and response["HX-Redirect"] == grid
    else:
        assert response.status_code == 302 and response["Location"] == grid
    page = client.get(grid).content.decode()
    assert "L’action « Forum » a été supprimée entre-temps" in page
    assert not Action.objects.filter(pk=action.pk).exists()


def test_deleting_an_action_already_deleted_meanwhile_says_so(client, redacteur, programme, monkeypatch):
    from ppo.plans.views import actions as views

    action = add_action(programme, title="Salon")
    real_delete = views.action_delete

    def deleted_meanwhile(**kwargs):
        Action.objects.filter(pk=action.pk).delete()
        return real_delete(**kwargs)

    monkeypatch.setattr(views, "action_delete", deleted_meanwhile)
    response = client.post(reverse("plans:action_delete", kwargs={"pk": action.pk}), {"version": 1}, follow=True)
    assert "L’action « Salon » a été supprimée entre-temps" in response.content.decode()


def test_a_transmitted_programme_is_frozen(client, redacteur, school, programme):
    force_status(programme=programme, status=StatutProgramme.TRANSMIS, user=None)
    response = client.get(reverse("plans:action_create", kwargs={"pk": programme.pk}))
    # Refused, with the reason and the way on: the programme's page.
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:programme", kwargs={"pk": programme.pk})
    assert "pendant l’examen" in client.get(response["Location"]).content.decode()


def test_htmx_conflict_stays_in_the_panel(client, redacteur, school, programme):
    action = add_action(programme, niveaux=[school.niveaux.get(code="2nde-pro")], title="Forum")
    action_update(action=action, user=None, expected_version=1, niveaux=list(action.niveaux.all()), title="Autre")
    response = client.post(
        reverse("plans:action_update", kwargs={"pk": action.pk}),
        _data(school, title="Le mien", version=1),
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert "<html" not in html
    assert "Enregistrement refusé" in html and "Le mien" in html and "Autre" in html


def test_htmx_delete_refreshes_the_grid(client, redacteur, programme):
    action = add_action(programme, title="À supprimer")
    response = client.post(
        reverse("plans:action_delete", kwargs={"pk": action.pk}), {"version": 1}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert "L’action « À supprimer » est supprimée." in html
    assert 'id="plan-grille" hx-swap-oob="true"' in html
    assert "À supprimer</a>" not in html
