"""Changes that alter a programme's documents schedule the preparation of its PDF (`services.pdf_schedule`).

Whatever is missed here (a temps fort of the académie, the name of an axis) is still never served stale: a download
compares the hash of the current content with the stored file's, and asks for a new one when they differ."""

import threading

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from ppo.diagnostic.models import AxeAmelioration, ObjectifCible
from ppo.documents import services
from ppo.plans.models import Action, ProgrammeAnnuel
from ppo.suivi.models import Bilan, SuiviAction


def _programme_id(instance) -> int | None:
    if isinstance(instance, ProgrammeAnnuel):
        return instance.pk
    if isinstance(instance, SuiviAction):
        return Action.objects.filter(pk=instance.action_id).values_list("programme_id", flat=True).first()
    return instance.programme_id


# Programmes changed in this thread and not scheduled yet. Scheduling waits for the commit: a rolled-back change
# schedules nothing, and a programme deleted with its actions is gone by then. Every change registers a callback;
# the first one run schedules each programme once and empties the set, the others find it empty.
_pending = threading.local()


def _pending_ids() -> set[int]:
    if not hasattr(_pending, "ids"):
        _pending.ids = set()
    return _pending.ids


def _flush():
    ids = sorted(_pending_ids())
    _pending.ids = set()
    for programme_id in ids:
        services.pdf_schedule(programme_id=programme_id)


def _changed(sender, instance, **kwargs):
    if kwargs.get("raw") or services.tasks_run_inline():  # loaddata; or no worker: nothing is prepared ahead
        return
    programme_id = _programme_id(instance)
    if programme_id is not None:
        _pending_ids().add(programme_id)
        transaction.on_commit(_flush)


def _m2m_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, (Action, ProgrammeAnnuel)):
        _changed(sender, instance)


def connect():
    for model in (ProgrammeAnnuel, Action, ObjectifCible, AxeAmelioration, SuiviAction, Bilan):
        post_save.connect(_changed, sender=model, dispatch_uid=f"documents-pdf-save-{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"documents-pdf-delete-{model.__name__}")
    m2m_changed.connect(_m2m_changed, dispatch_uid="documents-pdf-m2m")
