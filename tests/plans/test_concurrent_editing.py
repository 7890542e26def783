"""Two editors save the same action at the same time: one wins, the other is refused, nothing is overwritten.

The concurrent test needs real row locks and two connections: it runs on PostgreSQL and is skipped on SQLite,
which serialises whole-database writes and cannot express two open write transactions (the plain stale-version
tests in test_actions.py and test_history_and_ressources.py cover both databases).
"""

import threading
import time

import pytest
from django.conf import settings
from django.db import connection, transaction

from ppo.core.locking import StaleVersionError
from ppo.plans.models import Action
from ppo.plans.services import action_update
from tests.plans.factories import add_action, programme_for


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="Deux transactions d’écriture simultanées demandent PostgreSQL.",
)
# serialized_rollback: the migrations' reference data comes back, and the flush after the test leaves the content
# types to the next serialized test instead of creating them again (which would clash).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_saves_one_wins_one_is_refused():
    programme = programme_for()
    action = add_action(programme, title="Version 1")
    niveaux = list(action.niveaux.all())
    first_saved = threading.Event()
    results = {}

    def save(name, title, hold):
        try:
            with transaction.atomic():
                try:
                    action_update(
                        action=Action.objects.get(pk=action.pk),
                        user=None,
                        expected_version=1,
                        niveaux=niveaux,
                        title=title,
                    )
                    results[name] = "saved"
                except StaleVersionError as exc:
                    results[name] = f"refused, current version {exc.current.version}"
                if hold:
                    first_saved.set()
                    time.sleep(0.5)  # the other transaction waits on the row lock meanwhile
        finally:
            connection.close()

    first = threading.Thread(target=save, args=("first", "Version de Karim", True))
    first.start()
    assert first_saved.wait(10)
    second = threading.Thread(target=save, args=("second", "Version de Claire", False))
    second.start()
    first.join(10)
    second.join(10)
    assert results == {"first": "saved", "second": "refused, current version 2"}
    action.refresh_from_db()
    assert (action.title, action.version) == ("Version de Karim", 2)
