"""/sante/: "ok" or "not ok" for everyone, the details for operators or with the token."""

import datetime
import json
from collections import namedtuple

import pytest
from django.db import OperationalError
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from ppo.core import health
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
URL = "/sante/"


def _waiting_task(minutes_ago):
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="ppo.documents.tasks.pdf_prepare",
        backend_name="default",
        run_after=get_date_max(),
        exception_class_path="",
        traceback="",
    )
    DBTaskResult.objects.filter(pk=task.pk).update(
        enqueued_at=timezone.now() - datetime.timedelta(minutes=minutes_ago)
    )
    return task


def test_url_name():
    assert reverse("portail:sante") == URL


def test_public_answer_says_ok_and_nothing_else(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")
    assert "no-cache" in response["Cache-Control"]


def test_public_answer_says_not_ok_without_saying_why(client):
    _waiting_task(minutes_ago=60)
    response = client.get(URL)
    assert response.status_code == 503
    assert response.content == b"not ok"


def test_operator_sees_every_check(client):
    client.force_login(UserFactory(is_staff=True))
    _waiting_task(minutes_ago=60)
    _waiting_task(minutes_ago=1)
    response = client.get(URL)
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["status"] == "not ok"
    assert set(body["checks"]) == {"database", "cache", "tasks", "disk"}
    assert body["checks"]["database"]["ok"] and body["checks"]["cache"]["ok"] and body["checks"]["disk"]["ok"]
    tasks = body["checks"]["tasks"]
    assert tasks["ok"] is False and tasks["waiting"] == 2
    assert 3590 <= tasks["oldest_wait_seconds"] <= 3700


def test_a_logged_in_user_who_is_not_an_operator_gets_the_public_answer(client, world):
    client.force_login(world.users["academie"])
    assert client.get(URL).content == b"ok"


def test_token_from_the_environment_opens_the_details(client, settings):
    settings.HEALTH_TOKEN = "jeton-de-supervision"
    assert client.get(URL, headers={"X-Health-Token": "mauvais"}).content == b"ok"
    response = client.get(URL, headers={"X-Health-Token": "jeton-de-supervision"})
    assert json.loads(response.content)["checks"]["database"]["ok"] is True


def test_no_token_configured_means_no_token_accepted(client, settings):
    settings.HEALTH_TOKEN = ""
    assert client.get(URL, headers={"X-Health-Token": ""}).content == b"ok"


def test_a_task_planned_for_later_is_not_late(client, settings):
    settings.HEALTH_TOKEN = "t"
    task = _waiting_task(minutes_ago=60)
    DBTaskResult.objects.filter(pk=task.pk).update(run_after=timezone.now() + datetime.timedelta(hours=1))
    assert client.get(URL).status_code == 200


def test_low_disk_space_is_not_ok(client, settings, monkeypatch):
    settings.HEALTH_TOKEN = "t"
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(health.shutil, "disk_usage", lambda path: usage(10**9, 10**9 - 10 * 2**20, 10 * 2**20))
    response = client.get(URL, headers={"X-Health-Token": "t"})
    assert response.status_code == 503
    assert json.loads(response.content)["checks"]["disk"] == {"ok": False, "free_mb": 10, "minimum_mb": 1024}


def test_media_root_not_created_yet_is_measured_on_its_parent(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "pas" / "encore")
    check = health._disk()
    assert check.ok and check.detail["free_mb"] > 0


def test_database_down_gives_503_not_500(client, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(health.connection, "cursor", broken)
    response = client.get(URL)
    assert response.status_code == 503
    assert response.content == b"not ok"


def test_cache_down_gives_503(client, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("cache unreachable")

    monkeypatch.setattr(health.cache, "set", broken)
    assert client.get(URL).status_code == 503


def test_reachable_behind_login_required_middleware(client, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "django.contrib.auth.middleware.LoginRequiredMiddleware"]
    assert client.get(URL).status_code == 200
    assert client.get(reverse("portail:tableau_de_bord")).status_code == 302  # the middleware is really on


def test_plain_http_is_not_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get(URL).status_code == 200
    assert client.get(reverse("portail:accueil")).status_code == 301
