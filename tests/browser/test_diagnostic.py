import pytest

from ppo.core.dates import current_school_year, school_year_label
from ppo.demo.base import DEMO_PASSWORD, demo_load
from ppo.plans.models import ProgrammeAnnuel
from tests.browser.conftest import assert_no_serious_axe_violations, login


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_direction_analyses_and_synthesises_with_accessible_pages(page):
    demo = demo_load()
    programme = ProgrammeAnnuel.objects.get(ppo__etablissement=demo.schools["lp"], year=current_school_year())
    login(page, "direction.lp@demo.ppo.fr", DEMO_PASSWORD)
    page.wait_for_url("**/tableau-de-bord/")

    page.goto(f"/diagnostic/programme/{programme.pk}/")
    assert page.get_by_role(
        "table", name="Indicateurs de Lycée professionnel Maurice Marland par année scolaire"
    ).is_visible()
    assert page.get_by_role("rowheader", name="Taux d’emploi à 6 mois").first.is_visible()
    assert_no_serious_axe_violations(page)

    page.get_by_role("link", name="Lire les réponses côte à côte : Questionnaire inventaire des actions").click()
    assert page.get_by_role("heading", name="Qui a répondu").is_visible()
    assert "Amélie Roussel" in page.content() and "Karim Benali" in page.content()
    assert_no_serious_axe_violations(page)

    page.goto(f"/diagnostic/programme/{programme.pk}/questionnaire/etat-des-lieux/")
    assert page.get_by_role("heading", name="Contexte, stratégie, sens, objectifs").is_visible()
    assert_no_serious_axe_violations(page)

    page.goto(f"/diagnostic/programme/{programme.pk}/inventaire/")
    page.get_by_role("link", name="Reprendre dans le plan : Accompagnement Parcoursup").click()
    assert page.get_by_label("Intitulé").input_value() == "Accompagnement Parcoursup"
    assert_no_serious_axe_violations(page)
    page.get_by_role("button", name="Ajouter au plan").click()
    assert "Action ajoutée au plan : Accompagnement Parcoursup." in page.content()

    page.goto(f"/diagnostic/programme/{programme.pk}/synthese/")
    assert page.get_by_role(
        "table", name=f"Objectifs cibles du programme {school_year_label(programme.year)}"
    ).is_visible()
    assert page.get_by_role("heading", name="Progression sur les années du PPO").is_visible()
    assert_no_serious_axe_violations(page)
