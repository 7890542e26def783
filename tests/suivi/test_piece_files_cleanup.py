"""Deleting an attachment's row, directly or by cascade, removes its stored file once the deletion is committed."""

import pytest
from django.core.files.storage import storages
from django.db import transaction
from django.urls import reverse

from ppo.plans.services import action_delete
from ppo.suivi.models import PieceJointe, SuiviAction
from ppo.suivi.services import piece_jointe_add
from tests.suivi.helpers import make_action, make_programme, pdf


class Abort(Exception):
    pass


@pytest.fixture
def action(programme, direction):
    return make_action(programme, direction, title="Mini-stage")


def _stored(action, direction, count=2):
    """`count` attachments of the action with real files under the test's MEDIA_ROOT; their storage and names."""
    pieces = [piece_jointe_add(action=action, user=direction, uploaded=pdf(f"piece-{i}.pdf")) for i in range(count)]
    storage = pieces[0].file.storage
    names = [p.file.name for p in pieces]
    assert all(storage.exists(name) for name in names)
    return storage, names


def test_deleting_the_action_with_the_plans_service_removes_the_files(
    action, direction, django_capture_on_commit_callbacks
):
    storage, names = _stored(action, direction)
    with django_capture_on_commit_callbacks(execute=True):
        action_delete(action=action, user=direction, expected_version=action.version)
        assert all(storage.exists(name) for name in names)  # still there until the commit
    assert not PieceJointe.objects.exists()
    assert not any(storage.exists(name) for name in names)


def test_deleting_the_action_from_its_page_removes_the_files(
    client, world, direction, django_capture_on_commit_callbacks
):
    draft = make_programme(world.school, direction, year=2030)
    action = make_action(draft, direction, title="Forum des métiers")
    storage, names = _stored(action, direction, count=1)
    client.force_login(direction)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("plans:action_delete", kwargs={"pk": action.pk}), {"version": action.version})
    assert response.status_code == 302
    assert not SuiviAction.objects.filter(action_id=action.pk).exists()
    assert not storage.exists(names[0])


def test_deleting_the_follow_up_removes_the_files(action, direction, django_capture_on_commit_callbacks):
    storage, names = _stored(action, direction)
    with django_capture_on_commit_callbacks(execute=True):
        SuiviAction.objects.filter(action=action).delete()
    assert not any(storage.exists(name) for name in names)


def test_deleting_one_row_removes_only_its_file(action, direction, django_capture_on_commit_callbacks):
    storage, (gone, kept) = _stored(action, direction)
    with django_capture_on_commit_callbacks(execute=True):
        PieceJointe.objects.get(file=gone).delete()
    assert not storage.exists(gone)
    assert storage.exists(kept)


def test_a_rolled_back_deletion_keeps_the_files(action, direction, django_capture_on_commit_callbacks):
    storage, names = _stored(action, direction)
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(Abort), transaction.atomic():
        action_delete(action=action, user=direction, expected_version=action.version)
        raise Abort
    assert not callbacks
    assert PieceJointe.objects.count() == 2
    assert all(storage.exists(name) for name in names)


def test_a_storage_error_does_not_stop_the_other_deletions(
    action, direction, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    storage, (first, second) = _stored(action, direction)
    storage_class = type(storages["default"])
    real_delete = storage_class.delete

    def flaky_delete(self, name):
        if name == first:
            raise OSError("disque indisponible")
        real_delete(self, name)

    monkeypatch.setattr(storage_class, "delete", flaky_delete)
    with django_capture_on_commit_callbacks(execute=True):
        SuiviAction.objects.filter(action=action).delete()
    assert storage.exists(first) and not storage.exists(second)
    assert "disque indisponible" in caplog.text
