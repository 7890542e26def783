"""On a phone-sized screen, a rédacteur records the follow-up of an action without JavaScript being needed."""

import re

import pytest
from playwright.sync_api import expect

from ppo.core.dates import current_school_year
from ppo.demo.base import DEMO_PASSWORD, demo_load
from ppo.plans.models import ProgrammeAnnuel
from ppo.suivi.models import SuiviAction
from tests.browser.conftest import assert_no_serious_axe_violations, login

PHONE = {"width": 375, "height": 667}


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="fr-FR", viewport=PHONE, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    yield page
    # No request may still be running in the live server when the database is flushed for the next test.
    page.wait_for_load_state("networkidle")
    context.close()


# serialized_rollback: the reference data of the migrations survives the flush between browser tests.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_redacteur_records_a_follow_up_on_a_phone(phone):
    demo_load()
    year = current_school_year()  # the programme being written: no follow-up yet
    programme = ProgrammeAnnuel.objects.get(ppo__etablissement__uai__startswith="0509903", year=year)
    action = programme.actions.filter(suivi__isnull=True).order_by("pk").first()
    login(phone, "redacteur.lp@demo.ppo.fr", DEMO_PASSWORD)
    phone.wait_for_url("**/tableau-de-bord/")

    phone.goto("/suivi/")
    assert phone.get_by_role("heading", name="Mes actions à renseigner").is_visible()
    assert_no_serious_axe_violations(phone)
    phone.get_by_role("link", name=action.title).click()
    phone.wait_for_url(re.compile(rf".*/suivi/action/{action.pk}/.*"))
    assert_no_serious_axe_violations(phone)

    # The form fits the screen's width: no horizontal scrolling on a phone.
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.get_by_label("Réalisée").check()
    phone.get_by_label("Date de réalisation").fill(f"{year + 1}-03-12")
    phone.get_by_label("Heures effectivement consacrées").fill("1,5")
    phone.get_by_label("Filles touchées").fill("-2")
    phone.get_by_label("Garçons touchés").fill("15")
    phone.get_by_role("button", name="Enregistrer le suivi").click()
    expect(phone.get_by_text("Le nombre de filles ne peut pas être négatif.", exact=True)).to_be_visible()
    assert not SuiviAction.objects.filter(action=action).exists()

    phone.get_by_label("Filles touchées").fill("12")
    # A DSFR radio is drawn by its label, which takes the tap: tap the label, as a person would.
    phone.locator("label", has_text=re.compile(r"^\s*Oui\s*$")).first.click()
    expect(phone.get_by_label("Oui", exact=True)).to_be_checked()
    phone.get_by_role("button", name="Enregistrer le suivi").click()
    phone.wait_for_url("**/suivi/")
    expect(phone.get_by_text(f"Le suivi de « {action.title} » est enregistré.")).to_be_visible()
    suivi = SuiviAction.objects.get(action=action)
    assert (suivi.status, suivi.girls, suivi.boys, str(suivi.hours_spent)) == ("realisee", 12, 15, "1.5")
    phone.wait_for_load_state("networkidle")


# serialized_rollback: the reference data of the migrations survives the flush between browser tests.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_bilan_and_calendar_are_accessible(page):
    demo_load()
    # Last school year's programme: every action followed up, the bilan validated.
    programme = ProgrammeAnnuel.objects.get(
        ppo__etablissement__uai__startswith="0509903", year=current_school_year() - 1
    )
    login(page, "direction.lp@demo.ppo.fr", DEMO_PASSWORD)
    page.wait_for_url("**/tableau-de-bord/")
    for url in (f"/suivi/programme/{programme.pk}/bilan/", f"/suivi/programme/{programme.pk}/calendrier/"):
        page.goto(url)
        assert_no_serious_axe_violations(page)
    page.goto(f"/suivi/programme/{programme.pk}/bilan/")
    expect(page.get_by_role("img", name=re.compile("Actions prévues et réalisées par axe"))).to_be_visible()
    page.wait_for_load_state("networkidle")
