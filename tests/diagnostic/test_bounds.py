"""Units and valid ranges as data: every entry path (typing, import, target objectives, the admin) refuses a value
out of range with one French message; values recorded before are listed for the school and the académie."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.diagnostic.enums import UNIT_BOUNDS, Unite
from ppo.diagnostic.importers.base import ImportRefused
from ppo.diagnostic.models import Indicateur, ObjectifCible, ValeurIndicateur
from ppo.diagnostic.services import objectif_save, valeur_save, valeurs_import
from ppo.diagnostic.validation import check_value, range_label, value_error
from ppo.referentiel.models import Academie
from tests.diagnostic.factories import programme_of
from tests.factories import DepartementFactory, EtablissementFactory, user_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    school = EtablissementFactory(lp=True)
    director = user_with(Role.DIRECTION, etablissement=school)
    return school, director, programme_of(school, director)


def _taux():
    return Indicateur.objects.get(code="taux_poursuite_etudes")


def test_the_migration_gave_every_indicator_the_range_of_its_unit():
    for indicateur in Indicateur.objects.exclude(code="ips"):
        low, high = UNIT_BOUNDS[indicateur.unit]
        assert (indicateur.min_value, indicateur.max_value) == (
            None if low is None else Decimal(low),
            None if high is None else Decimal(high),
        ), indicateur.code
    ips = Indicateur.objects.get(code="ips")
    assert (ips.min_value, ips.max_value, ips.unit) == (Decimal(40), Decimal(180), Unite.INDICE)
    assert range_label(_taux()) == "de 0 à 100\u00a0%"
    assert range_label(Indicateur.objects.get(code="effectif_eleves")) == "0\u00a0élèves ou plus"


def test_one_message_names_the_indicator_the_value_and_the_range():
    assert value_error(indicateur=_taux(), value=Decimal("149")) == (
        "Taux de poursuite d’études : la valeur 149\u00a0% est hors de l’intervalle admis (de 0 à 100\u00a0%)."
    )
    assert value_error(indicateur=_taux(), value=Decimal("100")) is None
    assert value_error(indicateur=_taux(), value=Decimal("-0.5")).startswith(
        "Taux de poursuite d’études : la valeur -0,5"
    )
    with pytest.raises(ValidationError) as error:
        check_value(indicateur=Indicateur.objects.get(code="ips"), value=Decimal(1032), field="value")
    assert error.value.message_dict["value"] == [
        "Indice de position sociale : la valeur 1032 est hors de l’intervalle admis (de 40 à 180)."
    ]


def test_typing_149_percent_is_refused_by_the_form_and_the_service(client, setting):
    school, director, programme = setting
    client.force_login(director)
    url = reverse("diagnostic:valeur_create", kwargs={"pk": programme.pk})
    response = client.post(url, {"indicateur": _taux().pk, "year": "2023", "value": "149", "scope": ""})
    assert response.status_code == 200
    assert "la valeur 149\u00a0% est hors de l’intervalle admis (de 0 à 100\u00a0%)" in response.content.decode()
    assert not ValeurIndicateur.objects.exists()
    with pytest.raises(ValidationError):
        valeur_save(etablissement=school, indicateur=_taux(), year=2023, value=Decimal(149), user=director)
    assert not ValeurIndicateur.objects.exists()
    assert client.post(url, {"indicateur": _taux().pk, "year": "2023", "value": "49", "scope": ""}).status_code == 302
    assert ValeurIndicateur.objects.get().value == 49


def test_importing_140_percent_refuses_the_whole_file(setting):
    school, _director, _programme = setting
    text = "indicateur;annee;valeur\ntaux_poursuite_etudes;2022;40\ntaux_poursuite_etudes;2023;140\nips;2023;99\n"
    with pytest.raises(ImportRefused) as refused:
        valeurs_import(name="fiche.csv", data=text.encode(), etablissement=school)
    assert "hors de l’intervalle admis" in refused.value.message
    assert refused.value.details == [
        "Ligne 3 : Taux de poursuite d’études : la valeur 140\u00a0% est hors de l’intervalle admis (de 0 à 100\u00a0%)."
    ]
    assert not ValeurIndicateur.objects.exists()


def test_a_national_import_is_refused_too_but_not_for_rows_of_other_schools_in_a_school_import(setting):
    school, _director, _programme = setting
    other = EtablissementFactory(lp=True)
    text = f"uai;indicateur;annee;valeur\n{school.uai};ips;2023;101\n{other.uai};ips;2023;1010\n"
    with pytest.raises(ImportRefused):
        valeurs_import(name="national.csv", data=text.encode())
    assert not ValeurIndicateur.objects.exists()
    # The school imports its own rows only: the other school's wrong value is ignored, not written.
    report = valeurs_import(name="national.csv", data=text.encode(), etablissement=school)
    assert report.values_written == 1
    assert list(ValeurIndicateur.objects.values_list("etablissement", "value")) == [(school.pk, Decimal(101))]


def test_a_target_objective_of_160_percent_is_refused_by_the_form_and_the_service(client, setting):
    _school, director, programme = setting
    client.force_login(director)
    url = reverse("diagnostic:objectif_create", kwargs={"pk": programme.pk})
    data = {"indicateur": _taux().pk, "scope": "", "target": "160", "horizon_year": "2027", "baseline": "120"}
    response = client.post(url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["target"] == [
        "Taux de poursuite d’études : la valeur 160\u00a0% est hors de l’intervalle admis (de 0 à 100\u00a0%)."
    ]
    assert "la valeur 120\u00a0% est hors" in errors["baseline"][0]
    assert "la valeur 160" in response.content.decode()
    assert not ObjectifCible.objects.exists()
    objectif = ObjectifCible(programme=programme, indicateur=_taux(), target=Decimal(160), horizon_year=2027)
    with pytest.raises(ValidationError) as error:
        objectif_save(objectif=objectif)
    assert "target" in error.value.message_dict
    assert not ObjectifCible.objects.exists()


def test_a_range_edited_in_the_admin_applies_at_once(setting):
    school, director, _programme = setting
    indicateur = Indicateur.objects.get(code="nombre_partenaires")
    valeur_save(etablissement=school, indicateur=indicateur, year=2023, value=Decimal(500), user=director)
    indicateur.max_value = Decimal(200)
    indicateur.save()
    with pytest.raises(ValidationError):
        valeur_save(etablissement=school, indicateur=indicateur, year=2024, value=Decimal(500), user=director)
    assert ValeurIndicateur.objects.count() == 1
    indicateur.min_value = Decimal(300)
    with pytest.raises(ValidationError):  # the database keeps min ≤ max
        indicateur.full_clean()


def _legacy(school, code, year, value):
    """A value recorded before the ranges existed (the services now refuse it)."""
    return ValeurIndicateur.objects.create(
        etablissement=school, indicateur=Indicateur.objects.get(code=code), year=year, value=value
    )


def test_values_out_of_range_are_listed_on_the_school_diagnostic_page(client, setting):
    school, director, programme = setting
    _legacy(school, "taux_poursuite_etudes", 2022, 149)
    _legacy(school, "taux_poursuite_etudes", 2023, 49)
    ObjectifCible.objects.create(programme=programme, indicateur=_taux(), target=160, horizon_year=2027)
    client.force_login(director)
    page = client.get(reverse("diagnostic:programme", kwargs={"pk": programme.pk})).content.decode()
    assert "Valeurs à corriger" in page
    assert "149&nbsp;%" in page and "de 0 à 100\u00a0%" in page
    assert "Saisir la bonne valeur" in page
    assert "?indicateur=taux_poursuite_etudes&amp;annee=2022&amp;precision=" in page
    assert "Objectifs cibles de ce programme hors intervalle" in page
    # The correction link prefills the form; the value typed replaces the wrong one.
    form = client.get(
        reverse("diagnostic:valeur_create", kwargs={"pk": programme.pk})
        + "?indicateur=taux_poursuite_etudes&annee=2022"
    ).context["form"]
    assert (form.initial["indicateur"], form.initial["year"]) == (_taux().pk, 2022)

    lecteur = user_with(Role.LECTEUR, etablissement=school)
    client.force_login(lecteur)
    page = client.get(reverse("diagnostic:programme", kwargs={"pk": programme.pk})).content.decode()
    assert "Valeurs à corriger" in page and "Saisir la bonne valeur" not in page


def test_the_academie_lists_the_values_to_fix_of_its_schools_in_a_fixed_number_of_queries(
    client, setting, django_assert_num_queries
):
    school, _director, _programme = setting
    academie = user_with(Role.ACADEMIE, academie=school.academie)
    _legacy(school, "ips", 2023, 1032)
    _legacy(school, "ips", 2022, 103)  # in range: not listed
    other_academie = Academie.objects.exclude(pk=school.academie_id).first()
    elsewhere = EtablissementFactory(lp=True, departement=DepartementFactory(code="075", academie=other_academie))
    _legacy(elsewhere, "ips", 2023, 999)
    client.force_login(academie)
    url = reverse("diagnostic:valeurs_a_corriger")
    client.get(url)
    with django_assert_num_queries(len_queries := _count(client, url)):
        response = client.get(url)
    values = response.context["values"]
    assert [(v.etablissement_id, v.value) for v in values] == [(school.pk, Decimal(1032))]
    assert "1 valeur, 1 établissement" in response.content.decode()
    for i in range(3):
        _legacy(EtablissementFactory(lp=True, academie=school.academie), "taux_poursuite_etudes", 2023, 150 + i)
    with django_assert_num_queries(len_queries):
        response = client.get(url)
    assert len(response.context["values"]) == 4
    dashboard = client.get(reverse("pilotage:tableau_de_bord")).content.decode()
    assert reverse("diagnostic:valeurs_a_corriger") in dashboard


def _count(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries.captured_queries)


def test_the_import_page_shows_the_refusal_with_the_line_and_writes_nothing(client, setting):
    from django.core.files.uploadedfile import SimpleUploadedFile

    _school, director, programme = setting
    client.force_login(director)
    upload = SimpleUploadedFile("fiche.csv", b"indicateur;annee;valeur\ntaux_poursuite_etudes;2023;140\n")
    response = client.post(reverse("diagnostic:import", kwargs={"pk": programme.pk}), {"fichier": upload})
    assert response.status_code == 200
    page = response.content.decode()
    assert "rien n’a été enregistré" in page
    assert "Ligne 2 : Taux de poursuite d’études : la valeur 140\u00a0% est hors de l’intervalle admis" in page
    assert not ValeurIndicateur.objects.exists()


def test_the_admin_path_uses_the_same_check(setting):
    school, _director, _programme = setting
    valeur = ValeurIndicateur(etablissement=school, indicateur=_taux(), year=2023, value=Decimal(149))
    with pytest.raises(ValidationError) as error:
        valeur.full_clean()
    assert error.value.message_dict["value"] == [value_error(indicateur=_taux(), value=Decimal(149))]
