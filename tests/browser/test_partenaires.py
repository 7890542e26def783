import pytest

from ppo.core.demo import DEMO_PASSWORD, demo_load
from ppo.partenaires.models import ActionOffre
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
