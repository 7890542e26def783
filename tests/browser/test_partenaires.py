import datetime

import pytest

from ppo.core.dates import current_school_year
from ppo.demo.base import DEMO_PASSWORD, demo_load
from ppo.partenaires.enums import StatutDemande
from ppo.partenaires.models import ActionOffre, DemandeIntervention
from ppo.plans.enums import OrigineAction
from tests.browser.conftest import assert_no_serious_axe_violations, login


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_school_finds_soudure_and_adds_the_offer_to_its_ppo(page):
    demo_load()
    page.goto("/partenaires/catalogue/")
    assert_no_serious_axe_violations(page)
    login(page, "redacteur.lp@demo.ppo.fr", DEMO_PASSWORD)
    page.wait_for_url("**/tableau-de-bord/")
    page.goto("/partenaires/catalogue/")
    page.get_by_label("Mots-clés").fill("soudure")
    page.get_by_role("button", name="Rechercher").click()
    page.wait_for_url("**/partenaires/catalogue/?**")
    assert page.get_by_role("heading", name="1 offre").is_visible()
    assert "Dans votre bassin" in page.content()
    assert_no_serious_axe_violations(page)
    page.get_by_role("link", name="Visite d’un atelier de soudure et de chaudronnerie").click()
    assert page.get_by_role("heading", level=1, name="Visite d’un atelier de soudure et de chaudronnerie").is_visible()
    assert "contact.catalogue@demo.ppo.fr" in page.content()
    assert_no_serious_axe_violations(page)
    page.get_by_role("link", name="Ajouter à mon PPO").click()
    page.get_by_role("button", name="Ajouter l’action").click()
    page.wait_for_url("**/partenaires/catalogue/offres/*/")
    assert "est ajoutée au programme" in page.content()
    assert "Liée à l’action" in page.content()
    link = ActionOffre.objects.select_related("action").get()
    assert link.action.origin == OrigineAction.CATALOGUE
    assert link.action.programme.ppo.etablissement.uai == "0509903T"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_anonymous_visitors_see_the_catalogue_without_contacts(page):
    demo_load()
    page.goto("/partenaires/catalogue/?q=m%C3%A9tiers+du+num%C3%A9rique")
    page.get_by_role("link", name="Les métiers du numérique racontés en classe").click()
    assert "Connectez-vous" in page.content()
    assert "contact.catalogue@demo.ppo.fr" not in page.content()
    assert_no_serious_axe_violations(page)


def _logout_and_login(page, email):
    page.context.clear_cookies()
    login(page, email, DEMO_PASSWORD)
    page.wait_for_url("**/tableau-de-bord/")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_teacher_books_a_company_visit_and_the_ppo_action_follows(page):
    demo_load()
    _logout_and_login(page, "redacteur.lp@demo.ppo.fr")
    page.goto("/partenaires/ambassadeurs/")
    page.get_by_role("link", name="Technicien de maintenance industrielle").click()
    assert_no_serious_axe_violations(page)
    page.get_by_role("link", name="Demander une intervention").click()
    page.get_by_label("Type d’intervention").select_option(label="Visite d’entreprise")
    page.get_by_label("Niveau").select_option(label="Terminale professionnelle")
    page.get_by_label("Nombre d’élèves").fill("12")
    page.get_by_label("Dates souhaitées").fill("En mars")
    page.get_by_label("Message").fill("Visite de l’atelier pour nos terminales.")
    page.get_by_role("button", name="Envoyer la demande").click()
    page.wait_for_url("**/ambassadeurs/demandes/*/")
    demande = DemandeIntervention.objects.get(niveau__code="tle-pro")
    url = f"/partenaires/ambassadeurs/demandes/{demande.pk}/"

    _logout_and_login(page, "ambassadeur@demo.ppo.fr")
    page.goto(url)
    assert_no_serious_axe_violations(page)
    page.get_by_role("button", name="Accepter la demande").click()
    day = datetime.date(current_school_year() + 1, 3, 16)  # in the school year of the demo's current programme
    page.get_by_label("Date de l’intervention").fill(day.isoformat())
    page.get_by_role("button", name="Planifier").click()
    page.get_by_role("button", name="Indiquer que l’intervention a eu lieu").click()
    page.get_by_text("4 sur 5").click()
    page.get_by_role("button", name="Donner mon retour").click()
    assert "Merci pour votre retour" in page.content()

    demande.refresh_from_db()
    assert demande.status == StatutDemande.REALISEE
    assert demande.action.origin == OrigineAction.AMBASSADEUR
    assert demande.action.start_date == day
    assert demande.retours.get().rating == 4
