"""Tests that guard the house (ADR 031): unknown template variables fail, every POST form carries its CSRF token."""

from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.core.cache import cache
from django.template import Context, Template
from django.template.base import Origin

from tests.strict_templates import UnknownTemplateVariable
from tests.test_urls_by_role import APPS, _cases
from tests.world import ROLES


def _template(source: str, *, ours: bool) -> Template:
    folder = settings.BASE_DIR / "ppo" / "templates" if ours else settings.BASE_DIR / ".venv"
    return Template(source, origin=Origin(name=str(folder / "essai.html"), template_name="essai.html"))


def test_an_unknown_variable_of_our_templates_fails():
    with pytest.raises(UnknownTemplateVariable, match="programme.titre"):
        _template("{{ programme.titre }}", ours=True).render(Context({"programme": object()}))


def test_what_stays_silent():
    context = Context({})
    assert _template("{{ nothing|default:'—' }}", ours=True).render(context) == "—"
    assert (
        _template("{% if nothing %}oui{% endif %}{% for x in nothing %}{% endfor %}", ours=True).render(context) == ""
    )
    assert _template("{{ nothing }}", ours=False).render(context) == ""  # django-dsfr, the admin: Django's way


def test_strict_templates_can_be_turned_off(settings):
    settings.STRICT_TEMPLATES = False
    assert _template("{{ nothing }}", ours=True).render(Context({})) == ""


class _Forms(HTMLParser):
    """The POST forms of a page, and whether each holds a csrfmiddlewaretoken input."""

    def __init__(self):
        super().__init__()
        self.forms = []  # [action, has_token]
        self._open = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "get").lower() == "post":
            self._open = [attrs.get("action") or "", False]
            self.forms.append(self._open)
        elif tag == "input" and self._open is not None and attrs.get("name") == "csrfmiddlewaretoken":
            self._open[1] = True

    def handle_endtag(self, tag):
        if tag == "form":
            self._open = None


def test_every_post_form_of_every_page_has_a_csrf_token(world, client):
    """Every page of the url-role walk (tests/urlcases.py), as every role that may open it."""
    failures, pages = [], 0
    for app in APPS:
        for case in _cases(app, world):
            if case.method != "get":
                continue
            cache.clear()  # the API's throttle
            for role in ROLES:
                if case.expected[role] != 200:
                    continue
                client.logout()
                if world.users[role] is not None:
                    client.force_login(world.users[role])
                response = client.get(case.url, data=case.data)
                if "text/html" not in response.get("Content-Type", ""):
                    continue
                pages += 1
                parser = _Forms()
                parser.feed(response.content.decode())
                failures += [
                    f"{case.name} {case.url} as {role}: <form method=post action={action!r}> sans jeton CSRF"
                    for action, has_token in parser.forms
                    if not has_token
                ]
    assert pages > 100
    assert not failures, "\n".join(failures)
