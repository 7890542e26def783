"""Two people follow up the same action or write the same bilan: the later save over an older version is refused.

The two-thread test needs real row locks and two connections: it runs on PostgreSQL and is skipped on SQLite (see
tests/plans/test_concurrent_editing.py for why).
"""

import threading
import time

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.urls import reverse

from ppo.suivi.models import Bilan, SuiviAction
from ppo.suivi.services import bilan_update, suivi_record
from tests.factories import UserFactory
from tests.plans.factories import add_action, programme_for
from tests.suivi.helpers import make_action

STALE_SUIVI = "Quelqu’un d’autre a modifié ce suivi pendant votre saisie. Rechargez la page pour voir sa version, puis recommencez."


def test_stale_follow_up_form_shows_the_message_and_changes_nothing(client, world, programme, direction):
    action = make_action(programme, direction, title="Forum des métiers")
    first = suivi_record(action=action, user=direction, status="realisee", girls=10, boys=10)
    suivi_record(action=action, user=direction, version=first.version, status="realisee", girls=12)
    client.force_login(world.users["redacteur"])
    response = client.post(
        reverse("suivi:action", kwargs={"pk": action.pk}), {"status": "realisee", "girls": "1", "version": "1"}
    )
    assert response.status_code == 200
    assert STALE_SUIVI in response.content.decode()
    suivi = SuiviAction.objects.get(action=action)
    assert (suivi.girls, suivi.version, suivi.history.count()) == (12, 2, 2)


def test_stale_bilan_form_shows_the_message_and_changes_nothing(client, world, programme, direction):
    bilan_update(programme=programme, user=direction, version=1, synthesis="Version de la direction")
    client.force_login(world.users["redacteur"])
    response = client.post(
        reverse("suivi:bilan_modifier", kwargs={"pk": programme.pk}), {"version": 1, "synthesis": "Version ancienne"}
    )
    assert response.status_code == 200
    assert "Quelqu’un d’autre a modifié ce bilan pendant votre saisie." in response.content.decode()
    bilan = Bilan.objects.get()
    assert (bilan.synthesis, bilan.version) == ("Version de la direction", 2)


def test_without_a_version_the_saved_one_is_expected_and_bumped(programme, direction):
    """Callers with no form (imports, the partenaires app) give no version: each save still moves it on by one."""
    action = make_action(programme, direction, title="Forum des métiers")
    assert suivi_record(action=action, user=direction, status="prevue").version == 1
    assert suivi_record(action=action, user=direction, status="realisee", girls=3).version == 2
    assert suivi_record(action=action, user=direction, status="realisee", girls=4).version == 3
    assert SuiviAction.objects.get(action=action).version == 3
    assert bilan_update(programme=programme, user=direction, synthesis="Un").version == 2
    assert bilan_update(programme=programme, user=direction, synthesis="Deux").version == 3
    assert Bilan.objects.values_list("synthesis", "version").get() == ("Deux", 3)


def test_a_bilan_save_keeps_what_the_validation_wrote(programme, direction):
    bilan = bilan_update(programme=programme, user=direction, version=1, synthesis="Un")
    Bilan.objects.filter(pk=bilan.pk).update(figures={"totals": {"done": 4}})  # as if frozen by another writer
    bilan_update(programme=programme, user=direction, version=2, next_steps="Plus de visites")
    assert Bilan.objects.values_list("synthesis", "next_steps", "figures", "version").get() == (
        "Un",
        "Plus de visites",
        {"totals": {"done": 4}},
        3,
    )


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="Deux transactions d’écriture simultanées demandent PostgreSQL.",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_follow_ups_one_wins_one_is_refused():
    action = add_action(programme_for(), title="Forum")
    user = UserFactory()
    suivi_record(action=action, user=user, status="prevue")
    first_saved = threading.Event()
    results = {}

    def save(name, girls, hold):
        try:
            with transaction.atomic():
                try:
                    suivi_record(action=action, user=user, version=1, status="realisee", girls=girls)
                    results[name] = "saved"
                except ValidationError as exc:
                    results[name] = exc.messages[0]
                if hold:
                    first_saved.set()
                    time.sleep(0.5)  # the other transaction waits on the row lock meanwhile
        finally:
            connection.close()

    first = threading.Thread(target=save, args=("first", 12, True))
    first.start()
    assert first_saved.wait(10)
    second = threading.Thread(target=save, args=("second", 30, False))
    second.start()
    first.join(10)
    second.join(10)
    assert results == {"first": "saved", "second": STALE_SUIVI}
    suivi = SuiviAction.objects.get(action=action)
    assert (suivi.girls, suivi.version) == (12, 2)
