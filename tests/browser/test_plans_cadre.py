"""The school's grid shows the académie's frame and the catalogue offers; both pages pass axe-core."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ppo.campagnes.models import Priorite, TempsFort, VolumeReference
from ppo.comptes.enums import Role
from ppo.partenaires.models import ActionOffre
from tests.browser.conftest import assert_no_serious_axe_violations, login
from tests.campagnes.factories import campagne as make_campagne
from tests.factories import PASSWORD, EtablissementFactory, user_with
from tests.partenaires.factories import OffreFactory
from tests.plans.factories import add_action, programme_for


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_redacteur_sees_the_frame_on_the_grid_and_opens_it(page):
    college = EtablissementFactory(college=True)
    programme = programme_for(college)
    today = timezone.localdate()
    campagne = make_campagne(deadline=today + datetime.timedelta(days=12))
    Priorite.objects.create(campagne=campagne, text="Mixité des filières")
    TempsFort.objects.create(
        campagne=campagne, label="Semaine de l’orientation", start_date=today + datetime.timedelta(days=5)
    )
    VolumeReference.objects.create(campagne=campagne, niveau=college.niveaux.get(code="3e"), hours=20)
    action = add_action(programme, title="Visite d’entreprise", niveaux=[college.niveaux.get(code="3e")], hours=4)
    ActionOffre.objects.create(action=action, offre=OffreFactory(title="Visite de l’atelier"))
    user = user_with(Role.REDACTEUR, etablissement=college)

    login(page, user.email, PASSWORD)
    page.goto(f"/ppo/programme/{programme.pk}/")
    panel = page.get_by_role("region", name="Cadre de l’académie — campagne 2025-2026")
    assert panel.get_by_text("il reste 12 jours").is_visible()
    assert panel.get_by_text("Semaine de l’orientation").is_visible()
    assert page.get_by_text("Offre du catalogue").is_visible()
    assert page.get_by_text("4 h / 20 h").is_visible()
    assert_no_serious_axe_violations(page)

    page.get_by_role("link", name="Visite d’entreprise").click()
    expect(page.get_by_role("link", name="Visite de l’atelier")).to_be_visible()  # in the htmx panel

    page.goto(f"/ppo/programme/{programme.pk}/")
    page.get_by_role("link", name="Cadre de l’académie", exact=True).click()
    page.wait_for_url(f"**/programme/{programme.pk}/cadre/")
    expect(page.get_by_text("Mixité des filières")).to_be_visible()
