"""Request id on every response and log line; the JSON lines carry the user id and scope, no personal data."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core import mail
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import path, reverse
from pythonjsonlogger.json import JsonFormatter

from ppo.core.logs import RequestContextFilter
from ppo.core.middleware import RequestIdMiddleware

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent.parent


class _Lines(logging.Handler):
    """A handler configured as the production console handler with LOG_FORMAT=json."""

    def __init__(self):
        super().__init__()
        options = {k: v for k, v in settings.LOGGING["formatters"]["json"].items() if k != "()"}
        self.setFormatter(JsonFormatter(**options))
        self.addFilter(RequestContextFilter())
        self.lines = []

    def emit(self, record):
        self.lines.append(json.loads(self.format(record)))


@pytest.fixture
def json_lines():
    handler = _Lines()
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield handler.lines
    logger.removeHandler(handler)


def test_every_response_carries_a_request_id(client):
    first = client.get(reverse("portail:accueil"))["X-Request-ID"]
    second = client.get(reverse("portail:accueil"))["X-Request-ID"]
    assert len(first) == 32 and first != second


def test_an_incoming_request_id_is_kept(client):
    response = client.get(reverse("portail:accueil"), headers={"X-Request-ID": "lb-1234.abcd"})
    assert response["X-Request-ID"] == "lb-1234.abcd"


@pytest.mark.parametrize("header", ["deux mots", "x" * 129, "<script>", "a\tb"])
def test_an_unsafe_incoming_request_id_is_replaced(client, header):
    response = client.get(reverse("portail:accueil"), headers={"X-Request-ID": header})
    assert response["X-Request-ID"] != header and len(response["X-Request-ID"]) == 32


def test_json_log_line_has_request_id_user_id_and_scope_and_no_personal_data(client, world, json_lines):
    user = world.users["direction"]
    client.force_login(user)
    # A programme that does not exist: the view has checked who asks (user and membership loaded), then 404.
    response = client.get(reverse("documents:programme", args=[999_999]), headers={"X-Request-ID": "essai-42"})
    assert response.status_code == 404
    line = json_lines[-1]
    assert line["level"] == "WARNING" and line["logger"] == "django.request"
    assert line["request_id"] == "essai-42"
    assert line["user_id"] == user.pk
    text = json.dumps(line)
    assert user.email not in text and user.last_name not in text and "127.0.0.1" not in text
    assert "time" in line


def test_scope_of_the_membership_the_page_used(world):
    from django.contrib.auth.middleware import AuthenticationMiddleware
    from django.contrib.sessions.middleware import SessionMiddleware

    from ppo.comptes.middleware import ActiveMembershipMiddleware

    user = world.users["academie"]
    handler = _Lines()
    logger = logging.getLogger("ppo.essai")
    logger.addHandler(handler)

    def view(request):
        assert request.membership.role == "academie"  # the page works under the académie membership
        logger.warning("quelque chose")
        return HttpResponse("ok")

    request = RequestFactory().get("/", headers={"X-Request-ID": "r1"})
    SessionMiddleware(lambda r: None).process_request(request)
    request.session["_auth_user_id"] = str(user.pk)
    request.session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    request.session["_auth_user_hash"] = user.get_session_auth_hash()
    try:
        RequestIdMiddleware(AuthenticationMiddleware(ActiveMembershipMiddleware(view)))(request)
    finally:
        logger.removeHandler(handler)
    membership = user.memberships.get()
    assert handler.lines[0]["request_id"] == "r1"
    assert handler.lines[0]["user_id"] == user.pk
    assert handler.lines[0]["scope"] == f"academie:academie:{membership.academie_id}"


def test_anonymous_lines_have_no_user(client, json_lines):
    client.get("/n-existe-pas/")
    assert json_lines[-1]["user_id"] is None and json_lines[-1]["scope"] is None


def test_the_filter_never_queries_the_database(django_assert_num_queries, world):
    """Outside a page that loaded them, the user and the membership are not fetched just to write a log line."""
    from django.contrib.auth.middleware import AuthenticationMiddleware
    from django.contrib.sessions.middleware import SessionMiddleware

    from ppo.comptes.middleware import ActiveMembershipMiddleware

    records = []

    def view(request):
        record = logging.LogRecord("ppo", logging.WARNING, __file__, 1, "message", None, None)
        RequestContextFilter().filter(record)
        records.append(record)
        return HttpResponse("ok")

    chain = SessionMiddleware(AuthenticationMiddleware(ActiveMembershipMiddleware(view)))
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        RequestIdMiddleware(chain)(request)
    assert records[0].request_id == request.id and records[0].user_id is None


def test_text_format_has_the_request_id():
    assert "%(request_id)s" in settings.LOGGING["formatters"]["text"]["format"]


def _boom(request):
    raise RuntimeError("panne simulée")


urlpatterns = [path("panne/", login_not_required(_boom))]  # no login page in this URLconf


def test_a_server_error_is_mailed_to_admins(client, settings):
    settings.ROOT_URLCONF = __name__
    settings.ADMINS = [("Exploitation", "exploitation@example.fr")]
    client.raise_request_exception = False
    response = client.get("/panne/", headers={"X-Request-ID": "panne-1"})
    assert response.status_code == 500
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["exploitation@example.fr"]
    assert "panne simulée" in mail.outbox[0].body


def test_no_admins_no_mail(client, settings):
    settings.ROOT_URLCONF = __name__
    settings.ADMINS = []
    client.raise_request_exception = False
    assert client.get("/panne/").status_code == 500
    assert mail.outbox == []


def test_admins_are_read_from_the_environment():
    code = "import django; django.setup(); from django.conf import settings as s; print(repr(s.ADMINS))"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "ADMINS": "Équipe exploitation <exploitation@example.fr>, astreinte@example.fr",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert eval(result.stdout) == [("Équipe exploitation", "exploitation@example.fr"), ("", "astreinte@example.fr")]
