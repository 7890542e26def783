"""RGAA by a person's keyboard at 320 CSS px: Tab, Enter, Space, arrows and Escape only, never the mouse.

Each flow checks where the focus is after each step and that refusals are announced (error summary with
role="alert" taking the focus, « Erreur : » in the title, links to the fields), and that the page never scrolls
sideways at 320 px, also with the WCAG text spacing (1.4.12).
"""

import re

import pytest
from playwright.sync_api import expect

from ppo.core.dates import current_school_year
from ppo.core.demo import DEMO_PASSWORD, demo_load
from ppo.examen.models import Transmission
from ppo.plans.enums import StatutProgramme
from ppo.plans.models import Action, ProgrammeAnnuel
from ppo.suivi.models import SuiviAction

NARROW = {"width": 320, "height": 720}
MAX_TABS = 250
TEXT_SPACING = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }"
    " p { margin-bottom: 2em !important; }"
)


@pytest.fixture
def narrow(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport=NARROW)
    page = context.new_page()
    yield page
    page.wait_for_load_state("networkidle")  # no request left running when the database is flushed
    context.close()


def focused(page, locator):
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page, locator, *, backwards=False):
    """Press Tab (or Shift+Tab) until `locator` has the focus, as a keyboard user goes through the page."""
    for _ in range(MAX_TABS):
        if focused(page, locator):
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    raise AssertionError(f"{locator} n’est jamais atteint au clavier.")


def tab_into_group(page, name):
    """Tab into a group of radio buttons: the focus lands on its checked button, or its first one."""
    for _ in range(MAX_TABS):
        if page.evaluate("document.activeElement.name") == name:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Le groupe {name} n’est jamais atteint au clavier.")


def assert_focus_on(page, locator):
    expect(locator).to_be_focused()


def assert_reflows(page):
    """No horizontal scrolling of the page at 320 px, then neither with the WCAG text spacing."""
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"], page.url
    style = page.add_style_tag(content=TEXT_SPACING)
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"], f"{page.url} (espacements)"
    style.evaluate("element => element.remove()")


def assert_error_announced(page, *, first_link):
    """The error summary: role="alert", the focus on it, the title, and a first link that leads to its field."""
    summary = page.locator("[data-ppo-error-summary]:visible")
    expect(summary).to_have_attribute("role", "alert")
    assert_focus_on(page, summary)
    page.keyboard.press("Tab")
    link = summary.get_by_role("link").first
    assert_focus_on(page, link)
    expect(link).to_have_text(first_link)
    page.keyboard.press("Enter")
    return summary


def keyboard_login(page, email, password):
    page.goto("/compte/connexion/")
    email_field = page.get_by_role("textbox", name="Adresse électronique")
    assert_focus_on(page, email_field)  # the page opens on its first field
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    assert_focus_on(page, page.get_by_label("Mot de passe", exact=True))
    page.keyboard.type(password)
    page.keyboard.press("Enter")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_wrong_password_is_announced_and_leads_back_to_the_form(narrow):
    demo_load()
    keyboard_login(narrow, "direction.lp@demo.ppo.fr", "pas-le-bon")
    expect(narrow).to_have_title(re.compile(r"^Erreur : Se connecter"))
    assert_reflows(narrow)
    assert_error_announced(narrow, first_link="Adresse électronique ou mot de passe incorrect.")
    assert_focus_on(narrow, narrow.get_by_role("textbox", name="Adresse électronique"))
    expect(narrow.get_by_role("group", name=re.compile("Avec votre adresse électronique"))).to_be_visible()

    narrow.keyboard.press("Tab")
    narrow.keyboard.type(DEMO_PASSWORD)
    narrow.keyboard.press("Enter")
    narrow.wait_for_url("**/tableau-de-bord/")


def _programme(uai_prefix, year):
    return ProgrammeAnnuel.objects.get(ppo__etablissement__uai__startswith=uai_prefix, year=year)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_adding_an_action_from_the_grid_with_the_keyboard(narrow):
    demo_load()
    programme = _programme("0509903", current_school_year())
    keyboard_login(narrow, "redacteur.lp@demo.ppo.fr", DEMO_PASSWORD)
    narrow.wait_for_url("**/tableau-de-bord/")
    narrow.goto(f"/ppo/programme/{programme.pk}/")
    assert_reflows(narrow)  # the grid is a list per level here
    expect(narrow.locator(".ppo-cell-axe").first).to_be_visible()

    panel = narrow.locator("#action-panel")
    opener = narrow.get_by_role("link", name="Ajouter une action — CAP 2, axe 3")
    tab_to(narrow, opener)
    narrow.keyboard.press("Enter")
    heading = panel.get_by_role("heading", name="Ajouter une action")
    assert_focus_on(narrow, heading)
    narrow.keyboard.press("Escape")  # closes the panel and gives the focus back to where it was opened
    expect(heading).to_have_count(0)
    assert_focus_on(narrow, opener)

    narrow.keyboard.press("Enter")
    assert_focus_on(narrow, heading)
    submit = panel.get_by_role("button", name="Enregistrer l’action")
    tab_to(narrow, submit)
    narrow.keyboard.press("Enter")  # the title is missing
    assert_error_announced(narrow, first_link="Intitulé : Ce champ est obligatoire.")
    title = panel.get_by_label("Intitulé")
    assert_focus_on(narrow, title)
    expect(title).to_have_attribute("aria-invalid", "true")
    assert_reflows(narrow)
    narrow.keyboard.type("Découvrir les bacs pro en un an")
    tab_to(narrow, submit)
    narrow.keyboard.press("Enter")
    saved = panel.get_by_role("status")
    expect(saved).to_have_text("L’action « Découvrir les bacs pro en un an » est ajoutée.")
    assert_focus_on(narrow, saved)
    expect(narrow.get_by_role("link", name="Découvrir les bacs pro en un an")).to_be_visible()
    assert Action.objects.filter(programme=programme, title="Découvrir les bacs pro en un an").exists()

    # "Annuler" after opening an action of the grid: back to that action's link.
    action_link = narrow.get_by_role("link", name="Découvrir les bacs pro en un an")
    tab_to(narrow, action_link)
    narrow.keyboard.press("Enter")
    assert_focus_on(narrow, panel.get_by_role("heading", name=re.compile("Découvrir les bacs pro")))
    cancel = panel.get_by_role("link", name="Annuler")
    tab_to(narrow, cancel)
    narrow.keyboard.press("Enter")
    assert_focus_on(narrow, action_link)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_stand_alone_action_page_saves_without_the_grid(narrow):
    """Opened directly (a new tab): the page posts itself, its refusal is announced, its save goes to the grid."""
    demo_load()
    programme = _programme("0509903", current_school_year())
    keyboard_login(narrow, "redacteur.lp@demo.ppo.fr", DEMO_PASSWORD)
    narrow.wait_for_url("**/tableau-de-bord/")
    narrow.goto(f"/ppo/programme/{programme.pk}/actions/ajouter/")
    assert_reflows(narrow)
    submit = narrow.get_by_role("button", name="Enregistrer l’action")
    tab_to(narrow, submit)
    narrow.keyboard.press("Enter")
    expect(narrow).to_have_title(re.compile(r"^Erreur : Ajouter une action"))
    assert_error_announced(narrow, first_link="Intitulé : Ce champ est obligatoire.")
    narrow.keyboard.type("Visite du salon de l’apprentissage")
    # No cell chose the level here: the second error of the summary is the group of levels; Space ticks one.
    expect(narrow.locator("[data-ppo-error-summary] a").nth(1)).to_have_text(
        "Niveaux : Choisissez au moins un niveau."
    )
    first_level = narrow.locator("input[name=niveaux]").first
    tab_to(narrow, first_level)
    narrow.keyboard.press("Space")
    expect(first_level).to_be_checked()
    tab_to(narrow, submit)
    narrow.keyboard.press("Enter")
    narrow.wait_for_url(re.compile(rf".*/ppo/programme/{programme.pk}/(#.*)?$"))
    expect(narrow.get_by_text("L’action « Visite du salon de l’apprentissage » est ajoutée.")).to_be_visible()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_recording_a_follow_up_with_the_keyboard(narrow):
    demo_load()
    programme = _programme("0509903", current_school_year())
    action = programme.actions.filter(suivi__isnull=True).order_by("pk").first()
    keyboard_login(narrow, "redacteur.lp@demo.ppo.fr", DEMO_PASSWORD)
    narrow.wait_for_url("**/tableau-de-bord/")
    narrow.goto("/suivi/")
    link = narrow.get_by_role("link", name=action.title)
    tab_to(narrow, link)
    narrow.keyboard.press("Enter")
    narrow.wait_for_url(re.compile(rf".*/suivi/action/{action.pk}/.*"))
    assert_reflows(narrow)

    # The radio group: Tab enters it, the arrows choose.
    realisee = narrow.get_by_label("Réalisée")
    tab_into_group(narrow, "status")
    for _ in range(4):
        if realisee.is_checked():
            break
        narrow.keyboard.press("ArrowDown")
    expect(realisee).to_be_checked()
    girls = narrow.get_by_label("Filles touchées")
    tab_to(narrow, girls)
    narrow.keyboard.type("-2")
    narrow.keyboard.press("Enter")
    expect(narrow).to_have_title(re.compile(r"^Erreur : "))
    assert_error_announced(narrow, first_link="Filles touchées : Le nombre de filles ne peut pas être négatif.")
    assert_focus_on(narrow, girls)
    expect(girls).to_have_attribute("aria-invalid", "true")
    assert not SuiviAction.objects.filter(action=action).exists()
    narrow.keyboard.press("Control+a")
    narrow.keyboard.type("12")
    narrow.keyboard.press("Enter")
    narrow.wait_for_url("**/suivi/")
    expect(narrow.get_by_text(f"Le suivi de « {action.title} » est enregistré.")).to_be_visible()
    suivi = SuiviAction.objects.get(action=action)
    assert (suivi.status, suivi.girls) == ("realisee", 12)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_academie_reviews_a_programme_with_the_keyboard(narrow):
    demo = demo_load()
    sent = Transmission.objects.get(
        programme__ppo__etablissement=demo.schools["lgt"], programme__year=current_school_year()
    )
    keyboard_login(narrow, "academie@demo.ppo.fr", DEMO_PASSWORD)
    narrow.wait_for_url("**/tableau-de-bord/")
    narrow.goto(f"/examen/transmission/{sent.pk}/")
    assert_reflows(narrow)

    record = narrow.get_by_role("button", name="Enregistrer la décision")
    tab_to(narrow, record)
    narrow.keyboard.press("Enter")  # no decision chosen
    expect(narrow).to_have_title(re.compile(r"^Erreur : "))
    assert_error_announced(narrow, first_link="Décision : Ce champ est obligatoire.")
    first_choice = narrow.locator("input[name=decision]").first
    assert_focus_on(narrow, first_choice)
    valider = narrow.get_by_label("Valider", exact=True)
    for _ in range(4):
        if valider.is_checked():
            break
        narrow.keyboard.press("ArrowDown")
    expect(valider).to_be_checked()
    message = narrow.get_by_label("Message à l’établissement")
    tab_to(narrow, message)
    narrow.keyboard.type("Programme validé.")
    tab_to(narrow, record)
    narrow.keyboard.press("Enter")
    expect(narrow.get_by_text("Décision enregistrée")).to_be_visible()
    assert_reflows(narrow)
    sent.programme.refresh_from_db()
    assert sent.programme.status == StatutProgramme.VALIDE
