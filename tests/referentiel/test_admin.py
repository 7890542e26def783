import pytest
from django.urls import reverse

from ppo.comptes.enums import Role
from tests.factories import EtablissementFactory, UserFactory, user_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_admin_is_in_french_and_searches_schools_by_uai_and_name(admin_client):
    school = EtablissementFactory(college=True, name="Collège Quintefeuille")
    other = EtablissementFactory(lp=True, name="Lycée professionnel Marland")
    url = reverse("admin:referentiel_etablissement_changelist")
    by_uai = admin_client.get(url, {"q": school.uai})
    assert list(by_uai.context["cl"].queryset) == [school]
    assert "Administration de la plateforme PPO" in by_uai.content.decode()
    assert (
        "Sélectionnez l’objet établissement à changer" in by_uai.content.decode()
        or "établissement" in by_uai.content.decode()
    )
    by_name = admin_client.get(url, {"q": "marland"})
    assert list(by_name.context["cl"].queryset) == [other]


def test_admin_memberships_searchable_by_uai(admin_client):
    school = EtablissementFactory()
    user = user_with(Role.DIRECTION, etablissement=school)
    response = admin_client.get(reverse("admin:comptes_membership_changelist"), {"q": school.uai})
    assert [m.user for m in response.context["cl"].queryset] == [user]
