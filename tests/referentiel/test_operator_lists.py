"""Platform operators (`is_staff`) read the académie lists of every académie, without creating bassins there."""

import pytest
from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.referentiel.models import Academie, Bassin
from tests.factories import (
    BassinFactory,
    DepartementFactory,
    EtablissementFactory,
    StructureFactory,
    UserFactory,
    academie,
    user_with,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator_client(client):
    client.force_login(UserFactory(is_staff=True))
    return client


@pytest.fixture
def schools():
    caen = EtablissementFactory(college=True, name="Collège de Caen", departement=DepartementFactory(code="014"))
    lille = EtablissementFactory(
        lgt=True,
        name="Lycée de Lille",
        departement=DepartementFactory(code="059", name="Nord", academie=academie("09")),
    )
    return caen, lille


def _uais(response):
    return {e.uai for e in response.context["page_obj"].object_list}


def test_an_operator_reads_the_schools_of_the_chosen_academie(operator_client, schools):
    caen, lille = schools
    url = reverse("referentiel:etablissement_list")
    normandie = operator_client.get(url, {"academie": "70"})
    assert normandie.status_code == 200 and normandie.context["academie"] == academie("70")
    assert _uais(normandie) == {caen.uai}
    nord = operator_client.get(url, {"academie": "09", "q": "lille"})
    assert _uais(nord) == {lille.uai}
    page = nord.content.decode()
    assert "Établissements de l’académie de Lille" in page
    assert 'name="academie" value="09"' in page  # the search keeps the académie chosen
    assert '<option value="09" selected>' in page


def test_without_a_known_choice_the_first_academie_is_shown(operator_client, schools):
    first = Academie.objects.order_by("name", "code").first()
    for params in ({}, {"academie": "ZZZ"}):
        response = operator_client.get(reverse("referentiel:etablissement_list"), params)
        assert response.status_code == 200 and response.context["academie"] == first


def test_an_operator_reads_the_bassins_but_does_not_create_one(operator_client):
    BassinFactory(academie=academie("09"), name="Bassin de Lille")
    url = reverse("referentiel:bassin_list")
    response = operator_client.get(url, {"academie": "09"})
    page = response.content.decode()
    assert response.status_code == 200
    assert [b.name for b in response.context["bassins"]] == ["Bassin de Lille"]
    assert "Créer le bassin" not in page and "sans pouvoir en ajouter" in page
    before = Bassin.objects.count()
    assert operator_client.post(url, {"name": "Bassin pirate"}).status_code == 403
    assert Bassin.objects.count() == before


def test_an_operator_who_is_also_academie_user_creates_in_their_own_academie(client):
    operator = user_with(Role.ACADEMIE, academie=academie("70"))
    operator.is_staff = True
    operator.save()
    client.force_login(operator)
    url = reverse("referentiel:bassin_list")
    assert client.get(url).context["academie"] == academie("70")
    assert "Créer le bassin" in client.get(url).content.decode()
    assert "Créer le bassin" not in client.get(url, {"academie": "09"}).content.decode()
    assert client.post(url, {"name": "Bassin du Bessin"}).status_code == 302
    assert Bassin.objects.get(name="Bassin du Bessin").academie == academie("70")


def test_operators_find_the_lists_in_the_menu_and_go_back_to_the_right_academie(operator_client, schools):
    _, lille = schools
    bassin = BassinFactory(academie=academie("09"), name="Bassin de Lille")
    page = operator_client.get(reverse("referentiel:etablissement_detail", args=[lille.uai])).content.decode()
    assert f"{reverse('referentiel:etablissement_list')}?academie=09" in page
    page = operator_client.get(reverse("referentiel:bassin_detail", args=[bassin.pk])).content.decode()
    assert f"{reverse('referentiel:bassin_list')}?academie=09" in page
    menu = operator_client.get(reverse("portail:tableau_de_bord")).content.decode()
    assert reverse("referentiel:etablissement_list") in menu and reverse("referentiel:bassin_list") in menu


@pytest.mark.parametrize("role", [Role.BASSIN, Role.DIRECTION, Role.PARTENAIRE])
def test_other_roles_still_get_403(client, role):
    scope = {
        Role.BASSIN: {"bassin": BassinFactory()},
        Role.DIRECTION: {"etablissement": EtablissementFactory()},
        Role.PARTENAIRE: {"structure": StructureFactory()},  # a membership has the scope of its role (ADR 029)
    }[role]
    client.force_login(user_with(role, **scope))
    for name in ("referentiel:etablissement_list", "referentiel:bassin_list"):
        assert client.get(reverse(name), {"academie": "70"}).status_code == 403
