import pytest
from django.urls import reverse

from ppo.comptes.enums import Role
from tests.diagnostic.factories import programme_of
from tests.factories import EtablissementFactory, user_with


@pytest.mark.django_db
def test_school_staff_find_the_diagnostic_of_their_latest_programme_on_the_dashboard(client):
    school = EtablissementFactory(lp=True)
    director = user_with(Role.DIRECTION, etablissement=school)
    programme = programme_of(school, director)
    client.force_login(user_with(Role.LECTEUR, etablissement=school))
    text = client.get(reverse("portail:tableau_de_bord")).content.decode()
    assert "Diagnostic et objectifs" in text
    assert reverse("diagnostic:programme", kwargs={"pk": programme.pk}) in text
    client.force_login(user_with(Role.LECTEUR, etablissement=EtablissementFactory()))
    assert "Diagnostic et objectifs" not in client.get(reverse("portail:tableau_de_bord")).content.decode()
