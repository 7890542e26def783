"""The small scripts of the platform (focus after htmx, error summary) are files served with the CSP nonce."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_every_script_is_a_file_with_the_nonce_and_htmx_evaluates_nothing(client):
    response = client.get(reverse("comptes:login"))
    html = response.content.decode()
    policy = response["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    assert "'unsafe-inline'" not in re.search(r"script-src[^;]*", policy).group(0)
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert any('src="/static/ppo/ppo.js"' in tag for tag in scripts)
    for tag in scripts:
        assert f'nonce="{nonce}"' in tag, tag
        assert "src=" in tag, f"script en ligne : {tag}"
    assert '<meta name="htmx-config" content=\'{"allowEval": false, "allowScriptTags": false}\'>' in html
