import pytest

from ppo.core.dates import current_school_year, school_year_label
from ppo.core.demo import DEMO_PASSWORD, demo_load
from ppo.examen.models import Transmission
from ppo.plans.enums import StatutProgramme
from tests.browser.conftest import assert_no_serious_axe_violations, login


@pytest.mark.django_db(transaction=True)
def test_academie_reviews_a_transmitted_programme(page):
    demo = demo_load()
    label = school_year_label(current_school_year())
    # The LGT's programme of the current year waits for the review (last year's was validated).
    sent = Transmission.objects.get(
        programme__ppo__etablissement=demo.schools["lgt"], programme__year=current_school_year()
    )
    login(page, "academie@demo.ppo.fr", DEMO_PASSWORD)
    page.wait_for_url("**/tableau-de-bord/")

    page.goto("/pilotage/")
    assert page.get_by_role("heading", name=f"Analyse de la campagne {label}").is_visible()
    assert page.get_by_role("table", name="Établissements par état de la campagne").is_visible()
    assert_no_serious_axe_violations(page)
    priorities = page.get_by_role("table", name="Priorités académiques : indicateurs et cibles")
    priorities.get_by_role("link").first.click()
    assert page.get_by_role("table", name="Établissements : au moins une valeur de").is_visible()

    page.goto(f"/examen/transmission/{sent.pk}/")
    assert page.get_by_role("heading", name=f"Lycée Jean Rostand — programme {label}").is_visible()
    assert page.get_by_role(
        "table", name="Valeurs des indicateurs et médiane des établissements comparables"
    ).is_visible()
    assert_no_serious_axe_violations(page)
    page.get_by_label("Porte sur").select_option("section:axe-2")
    page.get_by_label("Commentaire", exact=True).fill("Belle place donnée aux anciens élèves.")
    page.get_by_role("button", name="Ajouter le commentaire").click()
    assert page.get_by_text("Belle place donnée aux anciens élèves.").is_visible()
    page.get_by_text("Valider", exact=True).click()
    page.get_by_label("Message à l’établissement").fill("Programme validé.")
    page.get_by_role("button", name="Enregistrer la décision").click()
    assert page.get_by_text("Décision enregistrée").is_visible()
    sent.programme.refresh_from_db()
    assert sent.programme.status == StatutProgramme.VALIDE

    page.goto("/pilotage/carte/")
    assert page.get_by_role("table", name="Établissements et état de leur programme").is_visible()
    assert_no_serious_axe_violations(page)
