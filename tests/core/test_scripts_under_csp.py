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
        # A file of the site is allowed by 'self'; a script written in the page needs the nonce.
        assert 'src="/static/' in tag or f'nonce="{nonce}"' in tag, tag
    ours = [tag for tag in scripts if "ppo/ppo.js" in tag or "htmx" in tag]
    assert len(ours) == 2 and all(f'nonce="{nonce}"' in tag for tag in ours)
    assert not re.search(r"<script\b(?![^>]*\bsrc=)[^>]*>", html), "script écrit dans la page"
    assert '<meta name="htmx-config" content=\'{"allowEval": false, "allowScriptTags": false}\'>' in html
