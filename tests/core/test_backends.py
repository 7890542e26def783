"""Every backend the docs offer, really used: the Redis cache (documents exports, join-code counters, sessions in
`cached_db`), the media storage on disk, and e-mail sent over SMTP to a local server.

The Redis tests use `CACHE_URL` when it points at Redis, else `redis://127.0.0.1:6379/15`. Without a Redis that
answers they are skipped, except with `PPO_REQUIRE_REDIS=1` (set by `.ci/run`), where they fail.
"""

import os
import socketserver
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.mail.backends.smtp import EmailBackend
from django.urls import reverse
from icalendar import Calendar

from ppo.comptes.enums import Role
from ppo.documents import services as documents_services
from ppo.documents.selectors import programme_document
from tests.documents.factories import rich_programme
from tests.factories import PASSWORD, EtablissementFactory, UserFactory, user_with

ROOT = Path(__file__).resolve().parent.parent.parent
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/15"


def redis_url() -> str:
    url = os.environ.get("CACHE_URL", "")
    return url if url.startswith(("redis://", "rediss://")) else DEFAULT_REDIS_URL


@pytest.fixture
def redis_cache(settings):
    import redis

    url = redis_url()
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        message = f"Redis injoignable à {url} ({error})"
        if os.environ.get("PPO_REQUIRE_REDIS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    # A prefix per test: other runs may share this Redis database.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"ppo-test-{uuid.uuid4().hex}",
        }
    }
    return cache


@pytest.fixture
def lp(db):
    return EtablissementFactory(lp=True)


@pytest.fixture
def direction(lp):
    return user_with(Role.DIRECTION, etablissement=lp)


@pytest.fixture
def programme(lp, direction):
    return rich_programme(etablissement=lp, user=direction)


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["docx", "xlsx", "ics"])
def test_exports_answer_200_with_the_redis_cache(client, redis_cache, programme, direction, fmt):
    client.force_login(direction)
    url = reverse("documents:download", args=[programme.pk, fmt])
    first = client.get(url)
    assert first.status_code == 200
    assert first["Content-Type"] == documents_services.FORMATS[fmt].content_type
    key = documents_services._cache_key(programme_document(programme=programme), fmt)
    assert redis_cache.get(key) == first.content  # really kept in Redis…
    second = client.get(url)
    assert second.status_code == 200 and second.content == first.content  # …and served from it


@pytest.mark.django_db
def test_calendar_feed_answers_with_the_redis_cache(client, redis_cache, programme, lp, direction):
    token = documents_services.calendar_token_renew(etablissement=lp, user=direction)
    response = client.get(reverse("documents:calendar_feed", args=[token.token]))
    assert response.status_code == 200
    assert Calendar.from_ical(response.content).walk("VEVENT")


@pytest.mark.django_db
def test_programme_page_with_sizes_of_exports_with_the_redis_cache(client, redis_cache, programme, direction):
    client.force_login(direction)
    assert client.get(reverse("documents:programme", args=[programme.pk])).status_code == 200


@pytest.mark.django_db
def test_cached_db_sessions_in_redis(client, redis_cache, settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    user = UserFactory(email="session@example.fr")
    response = client.post(reverse("comptes:login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert redis_cache.get(f"django.contrib.sessions.cached_db{session_key}") is not None
    assert client.get(reverse("portail:tableau_de_bord")).status_code == 200


@pytest.mark.django_db
def test_health_reports_the_redis_cache(client, redis_cache, settings):
    settings.HEALTH_TOKEN = "t"
    response = client.get(reverse("portail:sante"), headers={"X-Health-Token": "t"})
    assert response.status_code == 200
    assert response.json()["checks"]["cache"] == {"ok": True, "backend": "RedisCache"}


def test_test_settings_honour_the_backend_variables():
    """`config.settings.test` takes CACHE_URL and SESSION_ENGINE from the environment, as production does."""
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.CACHES['default']['BACKEND'], s.CACHES['default']['LOCATION'], s.SESSION_ENGINE)"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "CACHE_URL": "redis://127.0.0.1:6379/7",
        "SESSION_ENGINE": "django.contrib.sessions.backends.cached_db",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.split() == [
        "django.core.cache.backends.redis.RedisCache",
        "redis://127.0.0.1:6379/7",
        "django.contrib.sessions.backends.cached_db",
    ]


def test_media_storage_writes_reads_and_deletes(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    name = default_storage.save("pieces-jointes/essai.txt", ContentFile(b"contenu"))
    assert (tmp_path / "media" / name).read_bytes() == b"contenu"
    with default_storage.open(name) as handle:
        assert handle.read() == b"contenu"
    default_storage.delete(name)
    assert not default_storage.exists(name)


class _SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP to accept one message (what `EMAIL_URL=smtp://…` talks to)."""

    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 test ESMTP")
        while line := self.rfile.readline():
            command = line.decode().strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self.reply("250 test")
            elif command.startswith(("MAIL", "RCPT", "RSET", "NOOP")):
                self.reply("250 OK")
            elif command == "DATA":
                self.reply("354 end with .")
                data = b""
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data += chunk
                self.server.messages.append(data.decode())
                self.reply("250 OK")
            elif command == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 unknown")


@pytest.fixture
def smtp_server():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SMTPHandler)
    server.daemon_threads = True
    server.messages = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_email_url_smtp_sends_through_smtp(smtp_server, settings):
    import environ

    host, port = smtp_server.server_address
    config = environ.Env.email_url_config(f"smtp://{host}:{port}")
    assert config["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    backend = EmailBackend(host=config["EMAIL_HOST"], port=config["EMAIL_PORT"], use_tls=False, timeout=5)
    sent = mail.send_mail("Essai", "Bonjour", "ppo@example.fr", ["operateur@example.fr"], connection=backend)
    assert sent == 1
    assert "Subject: Essai" in smtp_server.messages[0]
    assert "operateur@example.fr" in smtp_server.messages[0]


def test_sendtestemail_is_the_documented_smtp_check(smtp_server, tmp_path):
    """The command of docs/deploiement.md, with the production settings and EMAIL_URL at a local SMTP server."""
    host, port = smtp_server.server_address
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "SECRET_KEY": "x" * 60,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "EMAIL_URL": f"smtp://{host}:{port}",
    }
    env.pop("CACHE_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "sendtestemail", "operateur@example.fr"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert len(smtp_server.messages) == 1
    assert "To: operateur@example.fr" in smtp_server.messages[0]
