"""Optimistic locking shared by the apps whose rows carry a `version` counter (plans, suivi).

A form carries the version the user opened; the save claims the row with one conditional UPDATE
(`… SET version = N + 1 WHERE pk = … AND version = N`). If the row moved on, nothing is written and the caller
gets `StaleVersionError` with the row as it is now. See docs/adr/010-verrou-optimiste-commun.md.
"""

from django.core.exceptions import ValidationError


class StaleVersionError(ValidationError):
    """Somebody saved the object after the user opened it: nothing is written.

    `current` is the object as saved now (plans shows both versions from it); the French message is what suivi
    shows. It is a `ValidationError`, so views that show refusals as form errors need nothing more.
    """

    default_message = "Une version plus récente a été enregistrée entre-temps."

    def __init__(self, current, message: str | None = None):
        super().__init__(message or self.default_message, code="stale")
        self.current = current


def claim_version(model, *, pk, expected_version: int, message: str | None = None) -> int:
    """Moves the row from `expected_version` to the next one in one UPDATE and returns the new version.

    Raises `StaleVersionError` (with `message`, if given) when the row is at another version, and
    `model.DoesNotExist` when there is no row with that pk (deleted meanwhile). Call it inside the transaction that
    then writes the row: on PostgreSQL a concurrent claim waits on the row lock this UPDATE takes, then sees the
    new version and is refused; SQLite serialises writers. No `select_for_update` is needed.
    """
    manager = model._default_manager
    claimed = manager.filter(pk=pk, version=expected_version).update(version=expected_version + 1)
    if not claimed:
        raise StaleVersionError(manager.get(pk=pk), message)
    return expected_version + 1
