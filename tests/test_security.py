"""Security basics: production settings pass `check --deploy`, CSP with a nonce, axes lockout, validated
passwords, CSRF enforced on POST."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from ppo.comptes.forms import PPOSetPasswordForm
from tests.factories import PASSWORD, UserFactory

ROOT = Path(__file__).resolve().parent.parent


def check_deploy(tmp_path, secret_key):
    """`manage.py check --deploy` in a subprocess, with the production settings and only what they need."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "SECRET_KEY": secret_key,
        "ALLOWED_HOSTS": "ppo.example.fr",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    }
    # Not the variables of the test run itself (the browser tests allow sync ORM calls from Playwright's loop).
    for name in ("DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = check_deploy(tmp_path, secrets.token_urlsafe(64))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr


def test_production_settings_fail_without_a_secret_key(tmp_path):
    result = check_deploy(tmp_path, "")
    assert result.returncode != 0


@pytest.mark.django_db
def test_csp_header_with_a_nonce_on_every_script(client):
    response = client.get(reverse("portail:accueil"))
    policy = response["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    assert "script-src 'self' 'nonce-" in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    scripts = re.findall(r"<script\b[^>]*>", response.content.decode())
    inline = [tag for tag in scripts if "src=" not in tag]
    external = [re.search(r'src="([^"]+)"', tag).group(1) for tag in scripts if "src=" in tag]
    # Inline scripts only run with the nonce; files are served by the site itself ('self').
    assert all(f'nonce="{nonce}"' in tag for tag in inline), inline
    assert external and all(src.startswith("/static/") for src in external), external
    assert client.get(reverse("portail:accueil"))["Content-Security-Policy"] != policy  # a new nonce per response


@pytest.mark.django_db
def test_login_is_locked_after_too_many_failures():
    user = UserFactory(email="cible@example.fr")
    client = Client(REMOTE_ADDR="203.0.113.7")
    url = reverse("comptes:login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(url, {"username": user.email, "password": "mauvais"})
        assert response.status_code == 200
        assert "Adresse électronique ou mot de passe incorrect." in response.content.decode()
    locked = client.post(url, {"username": user.email, "password": "mauvais"})
    assert locked.status_code == 429
    assert "Trop de tentatives de connexion" in locked.content.decode()
    # Even the right password is refused while locked.
    again = client.post(url, {"username": user.email, "password": PASSWORD})
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("court", "trop court"),
        ("123456789012345", "entièrement numérique"),
        ("password1234", "trop courant"),
        ("marie.curie@example.fr", "trop semblable"),
    ],
)
def test_passwords_are_validated(password, message):
    user = UserFactory(email="marie.curie@example.fr", first_name="Marie", last_name="Curie")
    form = PPOSetPasswordForm(user, {"new_password1": password, "new_password2": password})
    assert not form.is_valid()
    assert message in " ".join(form.errors["new_password2"])


@pytest.mark.django_db
def test_csrf_is_enforced_on_post():
    user = UserFactory()
    client = Client(enforce_csrf_checks=True)
    assert client.post(reverse("comptes:login"), {"username": user.email, "password": PASSWORD}).status_code == 403
    page = client.get(reverse("comptes:login"))
    token = page.cookies["csrftoken"].value
    ok = client.post(
        reverse("comptes:login"), {"username": user.email, "password": PASSWORD, "csrfmiddlewaretoken": token}
    )
    assert ok.status_code == 302
    assert client.post(reverse("comptes:logout")).status_code == 403  # logged in, still no token: refused
    assert client.post(reverse("comptes:join"), {"code": "ABCDEFGH", "role": "lecteur"}).status_code == 403


@pytest.mark.django_db
def test_secret_key_rotation_keeps_sessions_and_reset_links_signed_with_the_old_key(settings, client):
    from django.contrib.auth.tokens import default_token_generator

    settings.SECRET_KEY = "ancienne-" + "x" * 50
    user = UserFactory()
    token = default_token_generator.make_token(user)
    client.post(reverse("comptes:login"), {"username": user.email, "password": PASSWORD})
    settings.SECRET_KEY = "nouvelle-" + "y" * 50
    settings.SECRET_KEY_FALLBACKS = ["ancienne-" + "x" * 50]
    assert default_token_generator.check_token(user, token)
    assert client.get(reverse("portail:tableau_de_bord")).status_code == 200  # still logged in
    settings.SECRET_KEY_FALLBACKS = []
    assert not default_token_generator.check_token(user, token)
    # The first request under the new key re-signed the session with it: removing the fallback keeps people in.
    assert client.get(reverse("portail:tableau_de_bord")).status_code == 200


def test_secret_key_fallbacks_are_read_from_the_environment(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s; print(','.join(s.SECRET_KEY_FALLBACKS))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "SECRET_KEY_FALLBACKS": "une,deux"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "une,deux"
