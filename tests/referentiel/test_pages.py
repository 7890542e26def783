import pytest
from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.referentiel.models import Bassin, Niveau
from tests.factories import BassinFactory, DepartementFactory, EtablissementFactory, academie, user_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def academie_client(client):
    client.force_login(user_with(Role.ACADEMIE, academie=academie("70")))
    return client


def test_list_searches_by_uai_and_name_and_filters(academie_client):
    calvados = DepartementFactory(code="014", name="Calvados")
    manche = DepartementFactory(code="050", name="Manche")
    bassin = BassinFactory(name="Caen")
    college = EtablissementFactory(college=True, name="Collège Quintefeuille", departement=calvados, bassin=bassin)
    lycee = EtablissementFactory(lgt=True, name="Lycée Malherbe", departement=manche, secteur="prive")
    lille = EtablissementFactory(
        college=True, departement=DepartementFactory(code="059", name="Nord", academie=academie("09"))
    )
    url = reverse("referentiel:etablissement_list")

    def found(**params):
        return {e.uai for e in academie_client.get(url, params).context["page_obj"].object_list}

    assert found() == {college.uai, lycee.uai}  # never another académie's schools
    assert found(q=college.uai) == {college.uai}
    assert found(q=college.uai.lower()) == {college.uai}
    assert found(q="malherbe") == {lycee.uai}
    assert found(kind="college") == {college.uai}
    assert found(departement=manche.pk) == {lycee.uai}
    assert found(bassin=bassin.pk) == {college.uai}
    assert found(secteur="prive") == {lycee.uai}
    assert found(q=lille.uai) == set()


def test_list_query_count_does_not_grow_with_data(
    academie_client, django_assert_max_num_queries, django_assert_num_queries
):
    """Session, user, membership, count, page, the choices of the filters (9 today, plus what other apps' menus
    ask): the same at 3 or 120 schools."""
    url = reverse("referentiel:etablissement_list")
    departement = DepartementFactory()
    bassins = BassinFactory.create_batch(2)
    EtablissementFactory.create_batch(3, departement=departement, bassin=bassins[0])
    academie_client.get(url)  # warms the session and the membership cache
    with django_assert_max_num_queries(15) as small:
        academie_client.get(url, {"kind": "lp"})
    EtablissementFactory.create_batch(120, departement=departement, bassin=bassins[1])
    with django_assert_num_queries(len(small.captured_queries)):
        response = academie_client.get(url, {"kind": "lp", "page": 2})
    assert response.context["page_obj"].number == 2
    assert len(response.context["page_obj"].object_list) == 50


def test_create_and_rename_a_bassin(academie_client):
    DepartementFactory()
    response = academie_client.post(reverse("referentiel:bassin_list"), {"name": "  Pays   d’Auge "})
    bassin = Bassin.objects.get(name="Pays d’Auge")
    assert response.url == reverse("referentiel:bassin_detail", args=[bassin.pk])
    assert bassin.academie.code == "70"
    duplicate = academie_client.post(reverse("referentiel:bassin_list"), {"name": "pays d’auge"})
    assert duplicate.status_code == 400
    assert "existe déjà" in duplicate.content.decode()
    assert Bassin.objects.count() == 1
    academie_client.post(reverse("referentiel:bassin_update", args=[bassin.pk]), {"name": "Lisieux"})
    bassin.refresh_from_db()
    assert bassin.name == "Lisieux"


def test_assign_schools_of_one_departement(academie_client):
    calvados = DepartementFactory(code="014", name="Calvados")
    manche = DepartementFactory(code="050", name="Manche")
    bassin, other = BassinFactory(name="Caen", departement=calvados), BassinFactory(name="Bayeux")
    a = EtablissementFactory(departement=calvados)
    b = EtablissementFactory(departement=calvados, bassin=other)
    c = EtablissementFactory(departement=calvados, bassin=bassin)
    elsewhere = EtablissementFactory(departement=manche, bassin=bassin)
    page = academie_client.get(reverse("referentiel:bassin_detail", args=[bassin.pk]))
    content = page.content.decode()
    assert a.uai in content and b.uai in content and "bassin actuel : Bayeux" in content
    response = academie_client.post(
        reverse("referentiel:bassin_etablissements", args=[bassin.pk]),
        {"departement": calvados.pk, "etablissements": [a.pk, b.pk]},
    )
    assert response.status_code == 302
    for school in (a, b, c, elsewhere):
        school.refresh_from_db()
    assert (a.bassin, b.bassin, c.bassin, elsewhere.bassin) == (bassin, bassin, None, bassin)


def test_assigning_a_school_of_another_departement_or_academie_changes_nothing(academie_client):
    calvados = DepartementFactory(code="014", name="Calvados")
    bassin = BassinFactory(departement=calvados)
    lille = EtablissementFactory(departement=DepartementFactory(code="059", name="Nord", academie=academie("09")))
    mine = EtablissementFactory(departement=calvados)
    response = academie_client.post(
        reverse("referentiel:bassin_etablissements", args=[bassin.pk]),
        {"departement": calvados.pk, "etablissements": [mine.pk, lille.pk]},
        follow=True,
    )
    assert "rien n’a été modifié" in response.content.decode()
    mine.refresh_from_db()
    lille.refresh_from_db()
    assert mine.bassin is None and lille.bassin is None


def test_another_academie_cannot_see_the_bassin(client):
    bassin = BassinFactory()
    client.force_login(user_with(Role.ACADEMIE, academie=academie("09")))
    assert client.get(reverse("referentiel:bassin_detail", args=[bassin.pk])).status_code == 404
    assert client.post(reverse("referentiel:bassin_update", args=[bassin.pk]), {"name": "X"}).status_code == 404


def test_detail_shows_levels_and_the_academie_edits_them(academie_client, client):
    school = EtablissementFactory(lp=True)
    url = reverse("referentiel:etablissement_detail", args=[school.uai])
    content = academie_client.get(url).content.decode()
    assert "Seconde professionnelle" in content and "Corriger les niveaux enseignés" in content
    keep = Niveau.objects.filter(code__in=["cap-1", "cap-2"])
    academie_client.post(
        reverse("referentiel:etablissement_niveaux", args=[school.uai]), {"niveaux": [n.pk for n in keep]}
    )
    assert sorted(n.code for n in school.niveaux.all()) == ["cap-1", "cap-2"]
    client.force_login(user_with(Role.DIRECTION, etablissement=school))
    direction_page = client.get(url).content.decode()
    assert "CAP première année" in direction_page and "Corriger les niveaux" not in direction_page
    response = client.post(reverse("referentiel:etablissement_niveaux", args=[school.uai]), {"niveaux": []})
    assert response.status_code == 403
    assert school.niveaux.count() == 2


def test_bassin_page_query_count_does_not_grow_with_data(
    academie_client, django_assert_max_num_queries, django_assert_num_queries
):
    departement = DepartementFactory()
    bassin = BassinFactory(departement=departement)
    EtablissementFactory.create_batch(3, departement=departement, bassin=bassin)
    url = reverse("referentiel:bassin_detail", args=[bassin.pk])
    academie_client.get(url)
    with django_assert_max_num_queries(20) as small:
        academie_client.get(url)
    EtablissementFactory.create_batch(40, departement=departement, bassin=bassin)
    EtablissementFactory.create_batch(40, departement=departement)
    with django_assert_num_queries(len(small.captured_queries)):
        response = academie_client.get(url)
    assert response.content.decode().count('type="checkbox"') == 83


def test_bassin_user_sees_its_bassin_in_the_menu_but_cannot_change_it(client):
    bassin = BassinFactory(name="Cotentin")
    school = EtablissementFactory(bassin=bassin)
    client.force_login(user_with(Role.BASSIN, bassin=bassin))
    page = client.get(reverse("portail:tableau_de_bord")).content.decode()
    assert "Mon bassin" in page
    content = client.get(reverse("referentiel:bassin_detail", args=[bassin.pk])).content.decode()
    assert school.uai in content and "Rattacher des établissements" not in content
