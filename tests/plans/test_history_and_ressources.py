import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.core.locking import StaleVersionError
from ppo.plans.lifecycle import take
from ppo.plans.models import ProgrammeAnnuel, RessourceItem
from ppo.plans.services import (
    action_delete,
    action_update,
    programme_update_resources,
)
from tests.factories import EtablissementFactory, user_with
from tests.plans.factories import add_action, programme_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def school():
    return EtablissementFactory(lp=True)


def test_history_shows_who_when_and_what_changed_with_french_labels(client, school):
    direction = user_with(Role.DIRECTION, etablissement=school)
    redacteur = user_with(Role.REDACTEUR, etablissement=school)
    programme = programme_for(school, user=direction)
    action = add_action(programme, user=redacteur, title="Forum", hours=Decimal(2))
    action_update(
        action=action,
        user=redacteur,
        expected_version=1,
        niveaux=list(school.niveaux.filter(code__in=["2nde-pro", "1re-pro"])),
        title="Forum des métiers",
        hours=Decimal(3),
    )
    gone = add_action(programme, user=direction, title="Action abandonnée")
    action_delete(action=gone, user=direction, expected_version=1)
    client.force_login(direction)
    response = client.get(reverse("plans:history", kwargs={"pk": programme.pk}))
    html = response.content.decode()
    entries = list(response.context["page"])
    modified = next(e for e in entries if e.kind == "Modification" and e.subject == "Action « Forum des métiers »")
    assert modified.user == redacteur
    labels = {c.label: (c.old, c.new) for c in modified.changes}
    assert labels["intitulé"] == ("Forum", "Forum des métiers")
    assert labels["heures"] == ("2", "3")
    assert labels["niveaux"] == ("3e PM", "1re pro, 2nde pro")
    assert [e.kind for e in entries if "Forum" in e.subject] == ["Modification", "Création"]
    assert any(e.kind == "Suppression" and "Action abandonnée" in e.subject for e in entries)
    assert "Intitulé" in html and redacteur.get_full_name() in html


def test_history_is_for_the_direction(client, school):
    programme = programme_for(school)
    client.force_login(user_with(Role.REDACTEUR, etablissement=school))
    assert client.get(reverse("plans:history", kwargs={"pk": programme.pk})).status_code == 403


def test_ressources_checklists_other_and_training(client, school):
    programme = programme_for(school)
    client.force_login(user_with(Role.REDACTEUR, etablissement=school))
    url = reverse("plans:ressources", kwargs={"pk": programme.pk})
    cpe = RessourceItem.objects.get(label="CPE")
    clee = RessourceItem.objects.get(label="Comité Local École Entreprise (CLEE)")
    response = client.post(
        url,
        {
            "version": programme.version,
            "items_acteurs": [cpe.pk],
            "items_partenariats": [clee.pk],
            "autre_acteurs": "RIPREE",
            "autre_ressources": " ",
            "training": "Formation des PP à l’entretien d’orientation",
        },
    )
    assert response.status_code == 302
    programme.refresh_from_db()
    assert set(programme.ressources.all()) == {cpe, clee}
    assert programme.ressources_autres == {"acteurs": "RIPREE"}
    assert programme.training.startswith("Formation des PP")
    html = client.get(url).content.decode()
    assert 'value="RIPREE"' in html


def test_ressources_stale_version_is_refused(client, school):
    programme = programme_for(school)
    user = user_with(Role.REDACTEUR, etablissement=school)
    programme_update_resources(
        programme=programme, user=user, expected_version=1, ressources=[], ressources_autres={}, training="Première"
    )
    with pytest.raises(StaleVersionError):
        programme_update_resources(
            programme=programme, user=user, expected_version=1, ressources=[], ressources_autres={}, training="X"
        )
    client.force_login(user)
    response = client.post(reverse("plans:ressources", kwargs={"pk": programme.pk}), {"version": 1, "training": "Moi"})
    assert "Enregistrement refusé" in response.content.decode()
    programme.refresh_from_db()
    assert programme.training == "Première"


def test_history_query_count_does_not_grow_with_changes(client, school):
    direction = user_with(Role.DIRECTION, etablissement=school)
    programme = programme_for(school, user=direction)
    client.force_login(direction)
    url = reverse("plans:history", kwargs={"pk": programme.pk})
    counts = []
    for size in (5, 60):
        while programme.actions.count() < size:
            add_action(programme, user=direction, title=f"Action {programme.actions.count()}")
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]


def test_a_change_of_status_makes_an_open_form_stale(school):
    programme = programme_for(school)
    user = user_with(Role.DIRECTION, etablissement=school)
    opened_at = programme.version
    take(
        ProgrammeAnnuel.objects.get(pk=programme.pk),
        "avis_cp",
        user,
        date_of_decision=datetime.date(2026, 1, 12),
    )
    with pytest.raises(StaleVersionError):
        programme_update_resources(
            programme=programme,
            user=user,
            expected_version=opened_at,
            ressources=[],
            ressources_autres={},
            training="",
        )


def test_history_records_ticked_resources_actors_and_partner_categories(client, school):
    direction = user_with(Role.DIRECTION, etablissement=school)
    programme = programme_for(school, user=direction)
    cpe = RessourceItem.objects.get(label="CPE")
    psyen = RessourceItem.objects.get(label="PsyEN")
    clee = RessourceItem.objects.get(label="Comité Local École Entreprise (CLEE)")
    programme_update_resources(
        programme=programme, user=direction, expected_version=1, ressources=[cpe], ressources_autres={}, training=""
    )
    action = add_action(programme, user=direction, title="Forum")
    action_update(
        action=action,
        user=direction,
        expected_version=1,
        niveaux=list(action.niveaux.all()),
        actors=[cpe, psyen],
        partner_items=[clee],
    )
    client.force_login(direction)
    entries = list(client.get(reverse("plans:history", kwargs={"pk": programme.pk})).context["page"])

    ticked = next(e for e in entries if e.subject.startswith("Programme") and e.changes)
    assert {c.label: (c.old, c.new) for c in ticked.changes}["ressources à mobiliser"] == ("—", "CPE")
    # Saved seconds after its creation by the same person, the change is shown with the creation.
    labels = {c.label: (c.old, c.new) for e in entries if e.subject == "Action « Forum »" for c in e.changes}
    assert labels["qui (acteurs)"] == ("—", "CPE, PsyEN")
    assert labels["catégories de partenaires"] == ("—", "Comité Local École Entreprise (CLEE)")
