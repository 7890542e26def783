"""Access: every page asks for a login, unless its view is on the list of public views below (ADR 031).

`LoginRequiredMiddleware` sends anonymous visitors to the login page before any view runs; a view opts out with
`@login_not_required`. The list below is the set of views that opt out: a new public page is a decision written
here, with its reason, or the suite fails.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, converters, get_resolver
from django.urls.resolvers import RoutePattern

# The views anybody may call without an account, and why.
PUBLIC_VIEWS = {
    # The platform's public pages.
    "ppo.portail.views.accueil": "the home page",
    "ppo.portail.views.accessibilite": "legal page (accessibility statement)",
    "ppo.portail.views.mentions_legales": "legal page",
    "ppo.portail.views.donnees_personnelles": "legal page (personal data)",
    "ppo.portail.views.sante": "the load balancer's health check (details behind a token or for operators)",
    # Logging in and out, resetting a password.
    "ppo.comptes.views.LoginView": "the login page",
    "ppo.comptes.views.LogoutView": "logging out with an expired session lands on the home page",
    "ppo.comptes.views.PasswordResetView": "password forgotten",
    "ppo.comptes.views.PasswordResetDoneView": "password forgotten: e-mail sent",
    "ppo.comptes.views.PasswordResetConfirmView": "password forgotten: the link of the e-mail",
    "ppo.comptes.views.PasswordResetCompleteView": "password forgotten: done",
    "django.contrib.admin.sites.AdminSite.login": "Django's admin login page (marked by Django)",
    # Pages for families, by the published programme's public identifier or the school's UAI.
    "ppo.plans.views.public.public_search": "families look their school up",
    "ppo.plans.views.public.public_etablissement": "a school's public page",
    "ppo.plans.views.public.public_programme": "a published programme's public page",
    "ppo.documents.views.public_pdf": "the family version of a published programme, as PDF",
    "ppo.documents.views.public_calendar": "a school's published actions, as an iCalendar file",
    "ppo.documents.views.calendar_feed": "calendar subscription: the secret token in the address is the key",
    # The partners' catalogue.
    "ppo.partenaires.views.catalogue.catalogue": "the public catalogue of offers",
    "ppo.partenaires.views.catalogue.offre_detail": "a published offer (the view checks what anonymous may see)",
    # Open data.
    "ppo.api.opendata_views.page": "open data: the page that explains the file",
    "ppo.api.opendata_views.csv_file": "open data: the file (CSV)",
    "ppo.api.opendata_views.json_file": "open data: the file (JSON)",
    "ppo.api.opendata_views.schema": "open data: the file's schema",
    # The API (/api/v1/): Django REST framework marks its views; each authenticates by API key (no session) and
    # answers 401 itself where a key is needed (ADR 012).
    "drf_spectacular.views.SpectacularAPIView": "API schema",
    "drf_spectacular.views.SpectacularSwaggerSplitView": "API documentation",
    "ppo.api.views.Referentiel": "API, public",
    "ppo.api.views.EtablissementList": "API, public",
    "ppo.api.views.ProgrammeList": "API, public",
    "ppo.api.views.ProgrammeDetail": "API, public",
    "ppo.api.views.ActionList": "API, public",
    "ppo.api.views.TempsFortList": "API, public",
    "ppo.api.views.OffreList": "API, public",
    "ppo.api.views.SuiviProgrammeList": "API, key of an académie or a bassin (401 without)",
    "ppo.api.views.SuiviProgrammeDetail": "API, key of an académie or a bassin (401 without)",
    "ppo.api.views.TableauDeBord": "API, key of an académie or a bassin (401 without)",
    "ppo.api.views.PartnerOffreList": "API, key of a partner body (401 without)",
    "ppo.api.views.PartnerOffreDetail": "API, key of a partner body (401 without)",
    "ppo.api.views.PartnerOffreSubmit": "API, key of a partner body (401 without)",
    "ppo.api.views.NotFound": "API, unknown address: a problem+json 404",
    # Old addresses.
    "config.legacy_urls.moved": "permanent redirects of /academie/… to the new pages, which check who is asking",
}

SAMPLES = {
    converters.IntConverter: "1",
    converters.StringConverter: "x",
    converters.SlugConverter: "x",
    converters.PathConverter: "x",
    converters.UUIDConverter: "00000000-0000-0000-0000-000000000000",
}


def view_name(callback) -> str:
    target = getattr(callback, "view_class", None) or callback
    return f"{target.__module__}.{target.__qualname__}"


def all_patterns(resolver=None, prefix=(), names=""):
    """Every URL pattern of the project, with the patterns of the resolvers above it."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = f"{names}{pattern.namespace}:" if pattern.namespace else names
            yield from all_patterns(pattern, (*prefix, pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            yield (*prefix, pattern.pattern), pattern, f"{names}{pattern.name or ''}"


def sample_url(chain) -> str | None:
    """An address the pattern matches, for path() patterns (the middleware answers before the view runs)."""
    if not all(isinstance(p, RoutePattern) for p in chain):
        return None
    url = "/"
    for p in chain:
        url += re.sub(r"<(?:\w+:)?(\w+)>", lambda m, p=p: SAMPLES[type(p.converters[m[1]])], str(p))
    return url


def test_public_views_are_exactly_the_views_marked_login_not_required():
    marked = {view_name(p.callback) for _, p, _ in all_patterns() if not getattr(p.callback, "login_required", True)}
    assert marked - set(PUBLIC_VIEWS) == set(), "vue publique absente de PUBLIC_VIEWS : une décision à écrire"
    assert set(PUBLIC_VIEWS) - marked == set(), "vue de PUBLIC_VIEWS qui demande une connexion ou n’existe plus"


@pytest.mark.django_db
def test_every_other_page_sends_anonymous_visitors_to_the_login_page():
    client = Client()
    failures, walked = [], 0
    for chain, pattern, name in all_patterns():
        if view_name(pattern.callback) in PUBLIC_VIEWS:
            continue
        url = sample_url(chain)
        if url is None:  # a regular expression: its view's mark is checked above
            continue
        walked += 1
        # Django's admin sends to its own login page (it sets `login_url` on its views).
        login_page = resolve_url(getattr(pattern.callback, "login_url", None) or settings.LOGIN_URL)
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            location = response.get("Location", "")
            if response.status_code != 302 or not location.startswith(f"{login_page}?next="):
                failures.append(f"{name or url} {method.upper()} {url}: {response.status_code} {location}")
    assert walked > 100
    assert not failures, "\n".join(failures)


def test_operators_are_recognised_by_is_operator_only():
    """`is_staff` / `is_superuser` are read in one place, `ppo.comptes.perms.is_operator` (templates: the
    `is_operator` filter of `{% load access %}`); the admin and the migrations may name the fields."""
    root = Path(settings.BASE_DIR) / "ppo"
    allowed = {root / "comptes" / "perms.py"}
    raw = re.compile(r"\.is_(staff|superuser)\b")
    found = [
        f"{path.relative_to(root.parent)}:{number}: {line.strip()}"
        for path in sorted(root.rglob("*"))
        if path.suffix in {".py", ".html", ".txt"}
        and path.name != "admin.py"
        and "migrations" not in path.parts
        and path not in allowed
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if raw.search(line)
    ]
    assert not found, "test brut de is_staff / is_superuser : passer par is_operator\n" + "\n".join(found)
