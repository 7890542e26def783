"""Imports by a school: the template (CSV and XLSX), unknown formats and broken files, which write nothing."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from ppo.comptes.enums import Role
from ppo.diagnostic.export import import_template_xlsx
from ppo.diagnostic.importers.base import ImportRefused
from ppo.diagnostic.models import Indicateur, ValeurIndicateur
from ppo.diagnostic.services import valeurs_import
from tests.diagnostic.factories import programme_of
from tests.factories import EtablissementFactory, user_with

INSERJEUNES_HEADER = (
    "n°UAI de l'établissement;Libellé de l'établissement;Région;Dont apprentis en EPLE;Taux de poursuite d'études;"
    "Taux;Taux attendu;Valeur ajoutée;Part en poursuite d'études;Part en emploi 6 mois après la sortie;"
    "Part des autres situations"
)


@pytest.fixture
def school(db):
    return EtablissementFactory(lp=True)


def _post(client, programme, name, content, **data):
    return client.post(
        reverse("diagnostic:import", kwargs={"pk": programme.pk}),
        {"fichier": SimpleUploadedFile(name, content), "year": "", **data},
    )


def _school_import(school, name, text, year=None):
    return valeurs_import(name=name, data=text.encode("utf-8"), etablissement=school, year=year)


def test_template_csv_without_uai_is_for_the_importing_school(school):
    report = _school_import(
        school,
        "mes-indicateurs.csv",
        "indicateur;annee;valeur;precision\n"
        "taux_poursuite_etudes;2022-2023;41,5;\n"
        "taux_poursuite_etudes;2023;44;\n"
        "part_filles_specialite;2023;nd;Numérique et sciences informatiques\n",
    )
    assert report.values_written == 2
    assert report.not_published == 1
    values = ValeurIndicateur.objects.filter(etablissement=school).order_by("year")
    assert [(v.year, v.value) for v in values] == [(2022, Decimal("41.5")), (2023, Decimal("44"))]


def test_importing_again_replaces_the_values(school):
    _school_import(school, "a.csv", "indicateur;annee;valeur\ntaux_emploi_6_mois;2023;40\n")
    _school_import(school, "b.csv", "indicateur;annee;valeur\ntaux_emploi_6_mois;2023;42\n")
    assert ValeurIndicateur.objects.get(etablissement=school).value == 42


def test_rows_of_other_schools_are_ignored_and_counted(school):
    other = EtablissementFactory()
    report = _school_import(
        school,
        "national.csv",
        f"uai;indicateur;annee;valeur\n{school.uai};ips;2023;101\n{other.uai};ips;2023;99\n0000000A;ips;2023;98\n",
    )
    assert report.values_written == 1
    assert report.other_rows_ignored == 2
    assert not ValeurIndicateur.objects.filter(etablissement=other).exists()


def test_downloaded_xlsx_template_filled_and_imported(school):
    workbook = load_workbook(io.BytesIO(import_template_xlsx()))
    sheet = workbook["valeurs"]
    assert [c.value for c in sheet[1]] == ["uai", "indicateur", "annee", "valeur", "precision", "source"]
    codes = [row[0].value for row in workbook["indicateurs"].iter_rows(min_row=2)]
    assert "taux_reussite_dnb" in codes and "part_filles_specialite" in codes
    sheet.delete_rows(2, sheet.max_row)
    sheet.append([school.uai, "taux_reussite_dnb", 2023, 88.5, None, "Fiche établissement"])
    sheet.append([school.uai, "taux_reussite_dnb", "2024-2025", 90, None, None])
    out = io.BytesIO()
    workbook.save(out)
    report = valeurs_import(name="rempli.xlsx", data=out.getvalue(), etablissement=school)
    assert report.values_written == 2
    assert ValeurIndicateur.objects.get(year=2023).value == Decimal("88.5")


def test_inserjeunes_year_comes_from_the_file_name_or_the_form(school):
    text = f"{INSERJEUNES_HEADER}\n{school.uai};LP;NORMANDIE;ensemble;50;55;52;3;50;30;20\n"
    with pytest.raises(ImportRefused, match="année scolaire"):
        _school_import(school, "inserjeunes.csv", text)
    _school_import(school, "inserjeunes.csv", text, year=2022)
    _school_import(school, "depp-2024-etablissements-2023_2024-pro.csv", text)
    assert sorted(set(ValeurIndicateur.objects.values_list("year", flat=True))) == [2022, 2023]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("inconnu.csv", b"nom;prenom;age\nA;B;3\n", "Colonnes attendues"),
        ("faux.xlsx", b"PK\x03\x04 pas un classeur", "XLSX"),
        (
            "tronque.csv",
            b"indicateur;annee;valeur\ntaux_emploi_6_mois;2022;40\ntaux_emploi_6_mois;2023\n",
            "Ligne 3",
        ),
        (
            "illisible.csv",
            b"indicateur;annee;valeur\ntaux_emploi_6_mois;2022;40\ntaux_emploi_6_mois;2023;quarante\n",
            "quarante",
        ),
        (
            "annee.csv",
            b"indicateur;annee;valeur\ntaux_emploi_6_mois;2022;40\ntaux_emploi_6_mois;l'an dernier;4\n",
            "année",
        ),
        ("code.csv", b"indicateur;annee;valeur\ntaux_emploi_6_mois;2022;40\ntaux_bonheur;2023;99\n", "taux_bonheur"),
    ],
)
def test_a_broken_or_unknown_file_writes_nothing_and_says_why(client, school, name, content, message):
    director = user_with(Role.DIRECTION, etablissement=school)
    programme = programme_of(school, director)
    client.force_login(director)
    response = _post(client, programme, name, content)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Import refusé" in text and "Aucune valeur n’a été enregistrée" in text
    assert message in text
    assert ValeurIndicateur.objects.count() == 0


def test_an_empty_file_is_refused(school):
    with pytest.raises(ImportRefused, match="vide"):
        _school_import(school, "vide.csv", "\n\n")


def test_unknown_format_lists_the_columns_of_every_format(school):
    with pytest.raises(ImportRefused) as refused:
        _school_import(school, "x.csv", "a;b\n1;2\n")
    details = "\n".join(refused.value.details)
    for column in ("indicateur", "numero_college", "Taux de poursuite d'études", "numero_etablissement"):
        assert column in details


def test_only_csv_or_xlsx_files_are_accepted(client, school):
    director = user_with(Role.DIRECTION, etablissement=school)
    programme = programme_of(school, director)
    client.force_login(director)
    response = _post(client, programme, "notes.pdf", b"%PDF-1.4")
    assert "Choisissez un fichier .csv ou .xlsx." in response.content.decode()


def test_typed_value_with_a_decimal_comma(client, school):
    director = user_with(Role.REDACTEUR, etablissement=school)
    programme = programme_of(school, user_with(Role.DIRECTION, etablissement=school))
    client.force_login(director)
    indicateur = Indicateur.objects.get(code="nombre_partenaires")
    url = reverse("diagnostic:valeur_create", kwargs={"pk": programme.pk})
    client.post(url, {"indicateur": indicateur.pk, "year": "2023", "value": "12,5", "scope": ""})
    response = client.post(url, {"indicateur": indicateur.pk, "year": "2023", "value": "deux", "scope": ""})
    assert response.status_code == 200
    assert ValeurIndicateur.objects.get().value == Decimal("12.5")


def test_history_page_shows_the_source_and_lets_editors_remove_a_wrong_value(client, school):
    director = user_with(Role.DIRECTION, etablissement=school)
    lecteur = user_with(Role.LECTEUR, etablissement=school)
    programme = programme_of(school, director)
    _school_import(school, "fiche-etablissement.csv", "indicateur;annee;valeur\nips;2022;101\n")
    # A wrong value recorded before the ranges existed (an import now refuses it).
    ValeurIndicateur.objects.create(
        etablissement=school, indicateur=Indicateur.objects.get(code="ips"), year=2023, value=1030
    )
    url = reverse("diagnostic:indicateur", kwargs={"pk": programme.pk, "code": "ips"})
    client.force_login(lecteur)
    text = client.get(url).content.decode()
    assert "fiche-etablissement.csv" in text and "Supprimer" not in text
    client.force_login(director)
    wrong = ValeurIndicateur.objects.get(year=2023)
    client.post(reverse("diagnostic:valeur_delete", kwargs={"pk": programme.pk, "valeur_pk": wrong.pk}))
    assert list(ValeurIndicateur.objects.values_list("year", flat=True)) == [2022]
