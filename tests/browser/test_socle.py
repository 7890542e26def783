import pytest

from ppo.demo.base import DEMO_PASSWORD, demo_load
from tests.browser.conftest import assert_no_serious_axe_violations, login


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_demo_direction_logs_in_and_reaches_its_dashboard(page):
    demo_load()
    page.goto("/")
    assert_no_serious_axe_violations(page)
    login(page, "direction.lp@demo.ppo.fr", DEMO_PASSWORD)
    page.wait_for_url("**/tableau-de-bord/")
    assert page.get_by_role("heading", name="Tableau de bord").is_visible()
    assert "Lycée professionnel Maurice Marland" in page.content()
    assert_no_serious_axe_violations(page)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_academie_manages_a_bassin_without_javascript_errors(page):
    demo = demo_load()
    login(page, "academie@demo.ppo.fr", DEMO_PASSWORD)
    page.wait_for_url("**/tableau-de-bord/")
    page.get_by_role("link", name="Établissements", exact=True).first.click()
    page.get_by_label("UAI, nom ou commune").fill(demo.schools["lp"].uai)
    page.get_by_role("button", name="Rechercher").click()
    assert page.get_by_role("link", name="Lycée professionnel Maurice Marland").is_visible()
    assert_no_serious_axe_violations(page)
    page.goto("/etablissements/bassins/")
    page.get_by_label("Nom du bassin").fill("Pays d’Auge")
    page.get_by_role("button", name="Créer le bassin").click()
    page.wait_for_url("**/etablissements/bassins/*/")
    assert page.get_by_role("heading", name="Bassin Pays d’Auge", level=1).is_visible()
    page.get_by_text("Collège Les Tilleuls").click()
    page.get_by_role("button", name="Enregistrer le bassin").click()
    assert "1 établissement(s) ajouté(s)" in page.content()
    assert_no_serious_axe_violations(page)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_direction_team_page_is_accessible(page):
    demo_load()
    login(page, "direction.college@demo.ppo.fr", DEMO_PASSWORD)
    page.wait_for_url("**/tableau-de-bord/")
    page.get_by_role("link", name="Équipe", exact=True).first.click()
    page.get_by_role("button", name="Créer un code").click()
    assert page.get_by_label("Code de rattachement").is_visible()
    assert_no_serious_axe_violations(page)
