"""Browser tests: Playwright drives the system Chromium (never a downloaded browser) against a live server.

Skipped where Chromium is absent, unless PPO_REQUIRE_BROWSER=1 (set by .ci/run), where they fail instead.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("PPO_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
]


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _browser_serialized_rollback(django_db_serialized_rollback):
    """Every browser test runs with `serialized_rollback`: a transactional test flushes the database, and one
    without it would leave the next ones without the migrations' data (académies, niveaux, axes…) — or, worse,
    with content types that clash with the serialized copy."""


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("PPO_REQUIRE_BROWSER") == "1":
            pytest.fail(f"Chromium est introuvable ({CHROMIUM}) alors que PPO_REQUIRE_BROWSER=1.")
        pytest.skip(f"Chromium est introuvable ({CHROMIUM}).")
    # Playwright runs its own event loop; Django must allow sync ORM calls from the test thread meanwhile.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Starting Playwright switches the context in which Django keeps its connections: the tests that follow get new
    # connection objects, without the copy of the migrations' data that `serialized_rollback` restores. Carry it over.
    saved = {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}
    with sync_playwright() as playwright:
        for alias, contents in saved.items():
            if contents is not None and not hasattr(connections[alias], "_test_serialized_contents"):
                connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    page = context.new_page()
    yield page
    context.close()


def login(page, email, password):
    page.goto("/compte/connexion/")
    page.get_by_role("textbox", name="Adresse électronique").fill(email)
    page.get_by_label("Mot de passe", exact=True).fill(password)
    page.get_by_role("button", name="Se connecter").click()


def assert_no_serious_axe_violations(page):
    """axe-core (shipped by axe-playwright-python): no serious or critical violation on the page as it is."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    details = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in bad
    )
    assert not bad, f"Violations axe sur {page.url} :\n{details}"
