"""Walks every URL of the project as every role and checks the status each role gets."""

from importlib import import_module

import pytest
from django.core.cache import cache
from django.urls import URLPattern, URLResolver, get_resolver

from tests.world import ROLES

APPS = [
    "core",
    "comptes",
    "referentiel",
    "plans",
    "diagnostic",
    "suivi",
    "documents",
    "campagnes",
    "partenaires",
    "api",
]
IGNORED_NAMESPACES = {"admin", "djdt"}
IGNORED_NAMES = {"oidc_authentication_init", "oidc_authentication_callback", "oidc_logout"}


def _named_patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace
            if ns in IGNORED_NAMESPACES:
                continue
            child_ns = f"{namespace}{ns}:" if ns else namespace
            yield from _named_patterns(pattern, child_ns)
        elif isinstance(pattern, URLPattern) and pattern.name and pattern.name not in IGNORED_NAMES:
            yield f"{namespace}{pattern.name}"


def _cases(app, world):
    try:
        module = import_module(f"tests.{app}.url_cases")
    except ModuleNotFoundError as exc:
        if exc.name != f"tests.{app}.url_cases":
            raise
        return []
    return module.url_cases(world)


def test_every_url_has_a_case(world):
    covered = {case.name for app in APPS for case in _cases(app, world)}
    missing = sorted(set(_named_patterns()) - covered)
    assert not missing, f"URL sans cas dans tests/<app>/url_cases.py : {missing}"


@pytest.mark.parametrize("app", APPS)
def test_urls_by_role(app, world, client):
    failures = []
    for case in _cases(app, world):
        cache.clear()  # the API's throttle counts every role's requests from the same address: not what is walked
        for role in ROLES:
            client.logout()
            user = world.users[role]
            if user is not None:
                client.force_login(user)
            response = getattr(client, case.method)(case.url, data=case.data)
            expected = case.expected[role]
            if response.status_code != expected:
                failures.append(
                    f"{case.name} {case.method.upper()} {case.url} as {role}: {response.status_code} ≠ {expected}"
                )
            elif expected == 302 and user is None and "/compte/connexion/" not in response["Location"]:
                failures.append(f"{case.name} as anonyme: redirected to {response['Location']}, not to the login page")
    assert not failures, "\n".join(failures)
