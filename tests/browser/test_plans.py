"""The head of the LP fills a cell of the grid, records the CP advice and the CA adoption, publishes; a family reads."""

import os

import pytest

from ppo.core.dates import current_school_year, school_year_label
from ppo.demo import base as core_demo
from ppo.demo.base import DEMO_PASSWORD
from ppo.plans.models import PPO
from tests.browser.conftest import assert_no_serious_axe_violations, login

SHOTS = os.environ.get("PPO_SCREENSHOTS")


def _current_programme(etablissement):
    """The demo's programme of the current school year, the draft being written (its PPO started a year before)."""
    year = current_school_year()
    return PPO.objects.get(etablissement=etablissement, first_year=year - 1).programmes.get(year=year)


def _shot(page, name):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_head_of_lp_fills_the_grid_adopts_publishes_and_a_family_reads(page, browser, live_server, monkeypatch):
    monkeypatch.setattr(core_demo, "APP_ORDER", ["plans"])
    demo = core_demo.demo_load()
    lp = demo.schools["lp"]
    programme = _current_programme(lp)

    login(page, "direction.lp@demo.ppo.fr", DEMO_PASSWORD)
    page.wait_for_url("**/tableau-de-bord/")
    page.get_by_role("link", name="Mon PPO").first.click()
    page.get_by_role("link", name=f"Programme {school_year_label(current_school_year())}").click()
    page.wait_for_url(f"**/ppo/programme/{programme.pk}/")
    assert page.get_by_text("3 points à compléter").is_visible()
    assert_no_serious_axe_violations(page)
    _shot(page, "grille")

    # The empty cell CAP 2e année × axe 3, through the htmx panel.
    page.get_by_role("link", name="Ajouter une action — CAP 2, axe 3").click()
    panel = page.locator("#action-panel")
    panel.get_by_role("heading", name="Ajouter une action").wait_for()
    assert_no_serious_axe_violations(page)
    _shot(page, "formulaire")
    panel.get_by_label("Intitulé").fill("Découvrir les bacs pro en un an")
    panel.locator("label", has_text="PsyEN").click()
    panel.get_by_label("Quand (période)").fill("mars")
    panel.get_by_label("Suivi et évaluation (effets attendus)").fill("Chaque élève connaît une poursuite d’études.")
    panel.get_by_role("button", name="Enregistrer l’action").click()
    panel.get_by_text("L’action « Découvrir les bacs pro en un an » est ajoutée.").wait_for()
    assert page.url.endswith(f"/ppo/programme/{programme.pk}/")  # the page was not left
    assert page.get_by_role("link", name="Découvrir les bacs pro en un an").is_visible()
    assert page.get_by_text("2 points à compléter").is_visible()

    # The two other points: an action without expected effects, one without a date.
    for title, label, value in (
        ("Simulations d’entretien d’embauche", "Suivi et évaluation (effets attendus)", "Aisance à l’oral."),
        ("Préparer sa recherche d’emploi", "Quand (période)", "avril"),
    ):
        page.get_by_role("link", name=title).click()
        panel.get_by_label(label).fill(value)
        panel.get_by_role("button", name="Enregistrer l’action").click()
        panel.get_by_text(f"L’action « {title} » est enregistrée.").wait_for()
    page.get_by_text("Contrôle de complétude : rien à signaler").wait_for()

    _adopt_and_publish(page)
    _shot(page, "statut")
    _family_reads(browser, live_server, lp, "Découvrir les bacs pro en un an", "Martin")


def _adopt_and_publish(page):
    page.get_by_role("link", name="Adoption et publication").click()
    page.get_by_label("Date de la séance").fill("2026-01-13")
    page.get_by_role("button", name="Enregistrer l’avis du conseil pédagogique").click()
    page.get_by_text("Statut enregistré : Avis du conseil pédagogique rendu.").wait_for()
    page.get_by_label("Date de la séance").fill("2026-02-05")
    page.get_by_role("button", name="Enregistrer l’adoption en conseil d’administration").click()
    page.get_by_text("Statut enregistré : Adopté en conseil d’administration.").wait_for()
    page.get_by_role("button", name="Publier le programme").click()
    page.get_by_text("Statut enregistré : Publié.").wait_for()


def _family_reads(browser, live_server, etablissement, action_title, head_name):
    """A family, on a phone and without an account, finds the school's published programme."""
    family = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport={"width": 375, "height": 800})
    public = family.new_page()
    public.goto(f"/ppo/public/etablissement/{etablissement.uai}/")  # the school's latest published programme
    label = school_year_label(current_school_year())
    public.get_by_role("heading", name=etablissement.name, level=1).wait_for()
    assert f"année scolaire {label}" in public.locator("main").inner_text()
    assert public.get_by_text(action_title).first.is_visible()
    assert head_name not in public.content()
    assert_no_serious_axe_violations(public)
    _shot(public, f"public-{etablissement.kind}")
    family.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize(
    ("key", "email", "head_name", "action_title"),
    [
        ("college", "direction.college@demo.ppo.fr", "Durand", "Découvrir les métiers autour du collège"),
        ("lgt", "direction.lgt@demo.ppo.fr", "Petit", "Préparer Parcoursup : ateliers et entretiens"),
    ],
)
def test_college_and_lgt_complete_adopt_and_publish(
    page, browser, live_server, monkeypatch, key, email, head_name, action_title
):
    monkeypatch.setattr(core_demo, "APP_ORDER", ["plans"])
    demo = core_demo.demo_load()
    etablissement = demo.schools[key]
    programme = _current_programme(etablissement)
    login(page, email, DEMO_PASSWORD)
    page.wait_for_url("**/tableau-de-bord/")
    page.goto(f"/ppo/programme/{programme.pk}/")
    if key == "college":
        # Découverte des métiers starts in 5e: the head adds an action for the 6e on axis 2.
        page.get_by_role("link", name="Ajouter une action — 6e, axe 2").click()
        panel = page.locator("#action-panel")
        panel.get_by_label("Intitulé").fill(action_title)
        panel.locator("label", has_text="Professeurs Principaux").click()
        panel.get_by_label("Quand (période)").fill("mai")
        panel.get_by_label("Suivi et évaluation (effets attendus)").fill("Trois métiers du quartier découverts.")
        panel.get_by_role("button", name="Enregistrer l’action").click()
        panel.get_by_text(f"L’action « {action_title} » est ajoutée.").wait_for()
    page.get_by_text("Contrôle de complétude : rien à signaler").wait_for()
    assert_no_serious_axe_violations(page)
    _adopt_and_publish(page)
    _family_reads(browser, live_server, etablissement, action_title, head_name)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_redacteur_adds_an_action_without_javascript(browser, live_server, monkeypatch):
    monkeypatch.setattr(core_demo, "APP_ORDER", ["plans"])
    demo = core_demo.demo_load()
    programme = _current_programme(demo.schools["lp"])
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    login(page, "redacteur.lp@demo.ppo.fr", DEMO_PASSWORD)
    page.wait_for_url("**/tableau-de-bord/")
    page.goto(f"/ppo/programme/{programme.pk}/")
    page.get_by_role("link", name="Ajouter une action — CAP 2, axe 3").click()
    page.wait_for_url(lambda url: "/actions/ajouter/" in url)
    page.get_by_role("heading", name="Ajouter une action").wait_for()
    page.get_by_label("Intitulé").fill("Salon de l’apprentissage")
    page.get_by_role("button", name="Enregistrer l’action").click()
    page.wait_for_url(lambda url: f"/ppo/programme/{programme.pk}/#niveau-" in url)
    assert page.get_by_text("L’action « Salon de l’apprentissage » est ajoutée.").is_visible()
    assert page.get_by_role("link", name="Salon de l’apprentissage").is_visible()
    context.close()
