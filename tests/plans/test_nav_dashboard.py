import pytest
from django.urls import reverse

from ppo.comptes.enums import Role
from tests.factories import EtablissementFactory, user_with
from tests.plans.factories import programme_for

pytestmark = pytest.mark.django_db


def test_school_staff_get_mon_ppo_in_the_menu_and_on_the_dashboard(client):
    school = EtablissementFactory(lp=True)
    client.force_login(user_with(Role.LECTEUR, etablissement=school))
    html = client.get(reverse("portail:tableau_de_bord")).content.decode()
    assert reverse("plans:etablissement", kwargs={"uai": school.uai}) in html
    programme = programme_for(school)
    html = client.get(reverse("portail:tableau_de_bord")).content.decode()
    assert reverse("plans:programme", kwargs={"pk": programme.pk}) in html
    assert "Programme 2025-2026 : Brouillon" in html


def test_no_mon_ppo_for_the_academie(client):
    client.force_login(user_with(Role.ACADEMIE, academie=EtablissementFactory().academie))
    assert "Mon PPO" not in client.get(reverse("portail:tableau_de_bord")).content.decode()
