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
from ppo.diagnostic.models import ImportIndicateurs, Indicateur, ValeurIndicateur
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


def test_a_published_file_cut_mid_row_says_it_looks_incomplete(school):
    """Issue 12: the DEPP file of an interrupted download, through the CSV reader shared by every importer."""
    from tests.referentiel.shared import shared_file

    data = shared_file("indicateurs/fr-en-effectifs-specialites-doublettes-terminale-generale.csv").read_bytes()
    cut = data[: len(data) // 2]
    line = cut.count(b"\n") + 1
    with pytest.raises(ImportRefused) as refused:
        valeurs_import(name="specialites.csv", data=cut, etablissement=school)
    assert "semble incomplet" in refused.value.message
    assert refused.value.details[0].startswith(f"Ligne {line} :")
    with pytest.raises(ImportRefused, match="semble incomplet"):
        _school_import(school, "guillemet.csv", 'indicateur;annee;valeur;precision\nips;2023;101;"Voie')
    assert ValeurIndicateur.objects.count() == 0


def test_skipped_rows_of_other_schools_are_listed_with_their_line(school):
    other = EtablissementFactory()
    report = _school_import(
        school,
        "national.csv",
        f"uai;indicateur;annee;valeur\n{school.uai};ips;2023;101\n{other.uai};ips;2023;99\n0000000A;ips;2023;98\n",
    )
    assert [(s.line, s.key, s.reason) for s in report.skipped_rows] == [
        (3, other.uai, "ligne d’un autre établissement"),
        (4, "0000000A", "ligne d’un autre établissement"),
    ]


def test_national_command_writes_the_report_of_unknown_uais(school, tmp_path):
    from django.core.management import call_command

    path = tmp_path / "national.csv"
    path.write_text(f"uai;indicateur;annee;valeur\n{school.uai};ips;2023;101\n0000000A;ips;2023;98\n")
    report = tmp_path / "rapport.csv"
    out = io.StringIO()
    call_command("import_indicateurs", str(path), "--report", str(report), stdout=out)
    assert report.read_text(encoding="utf-8-sig").splitlines() == [
        "ligne;identifiant;motif",
        "3;0000000A;UAI inconnu de la plateforme",
    ]


# --- Issue 12: the DEPP formats as published ------------------------------------------------------------------

LGT_HEADER = (
    "rentree_scolaire;region_academique;academie;departement;commune;numero_lycee;denomination_principale;patronyme;"
    "secteur;nombre_d_eleves;2ndes_gt;2ndes_gt_filles;2ndes_gt_garcons;2ndes_gt_lv1_anglais;2ndes_gt_lv2_espagnol;"
    "1eres_g;1eres_g_filles;1eres_g_garcons;1eres_sti2d;1eres_sti2d_filles;1eres_sti2d_garcons;1eres_stmg;"
    "1eres_stmg_filles;1eres_stmg_garcons;terminales_g;terminales_g_filles;terminales_g_garcons;"
    "terminales_g_lv1_anglais"
)
LP_HEADER = (
    "rentree_scolaire;region_academique;academie;departement;commune;numero_lycee;denomination_principale;patronyme;"
    "secteur;nombre_d_eleves;2ndes_pro;2ndes_pro_filles;2ndes_pro_garcons;2ndes_pro_lv1_anglais;1eres_pro;"
    "1eres_pro_filles;1eres_pro_garcons;terminales_pro;terminales_pro_filles;terminales_pro_garcons"
)
IVAC_HEADER = (
    "session;uai;nom_de_l_etablissement;commune;departement;academie;secteur;nb_candidats_g;taux_de_reussite_g;"
    "va_du_taux_de_reussite_g;nb_candidats_p;taux_de_reussite_p;note_a_l_ecrit_g;va_de_la_note_g;note_a_l_ecrit_p;"
    "taux_d_acces_6eme_3eme;part_presents_3eme_ordinaire_total;part_presents_3eme_ordinaire_g;"
    "part_presents_3eme_ordinaire_p;part_presents_3eme_segpa_total;nb_mentions_ab_g;nb_mentions_b_g;"
    "nb_mentions_tb_g;nb_mentions_global_g"
)
IPS_COLLEGES_HEADER = (
    "rentree_scolaire;academie;code_du_departement;departement;uai;nom_de_l_etablissment;code_insee_de_la_commune;"
    "nom_de_la_commune;secteur;effectifs;ips;ecart_type_de_l_ips"
)


def _values(school):
    return {
        (v.indicateur.code, v.year, v.scope): (v.value, v.source)
        for v in ValeurIndicateur.objects.filter(etablissement=school).select_related("indicateur")
    }


def test_first_year_triplets_file_as_published_gives_the_mixity_of_every_speciality_and_triplet(db):
    from tests.referentiel.shared import shared_file

    data = shared_file(
        "indicateurs/fr-en-effectifs-specialites-triplettes-1ere-generale.normandie-lille-amiens.csv"
    ).read_bytes()
    school = EtablissementFactory(uai="0022022M")
    report = valeurs_import(name="triplettes.csv", data=data, etablissement=school)
    assert report.format_label.startswith("Effectifs par spécialité et triplette en première générale")
    values = _values(school)
    # 2021, row 2 of the file: 18 pupils, 11 girls and 7 boys; SES 9 girls and 5 boys; mathématiques 2 and 1.
    assert values[("part_filles_premiere_generale", 2021, "")] == (Decimal("61.1"), "specialites_1ere")
    assert values[("part_filles_specialite_premiere", 2021, "Sciences économiques et sociales")][0] == Decimal("64.3")
    assert values[("part_filles_specialite_premiere", 2021, "Mathématiques")][0] == Decimal("66.7")
    triplets = {scope for code, year, scope in values if code == "part_filles_triplette_premiere"}
    assert "Mathématiques, Physique-chimie, SVT" in triplets and "HGGSP, LLCER, SES" in triplets
    assert report.other_rows_ignored > 500


def test_first_year_triplets_built_like_the_publisher_with_names_cut_at_100_characters(school):
    cut_girls = "02_hist_geo_geopolitique_sc_politiques_langues_litt_et_cultures_etra_et_r_sciences_economiques_et_so"
    cut_boys = cut_girls[:-1] + "0"
    header = (
        "rentree_scolaire;numero_etablissement;effectif_total_en_premiere_generale;effectif_total_filles;"
        f"effectif_total_garcons;0613_mathematiques_filles;0613_mathematiques_garcons;{cut_girls};{cut_boys}"
    )
    _school_import(school, "premiere.csv", f"\ufeff{header}\r\n2022;{school.uai};40;30;10;6;4;3;1\r\n")
    values = _values(school)
    assert values[("part_filles_premiere_generale", 2022, "")][0] == Decimal("75.0")
    assert values[("part_filles_specialite_premiere", 2022, "Mathématiques")][0] == Decimal("60.0")
    assert values[("part_filles_triplette_premiere", 2022, "HGGSP, LLCER, SES")][0] == Decimal("75.0")


def test_lgt_pupils_by_level_and_sex(school):
    row = f"2023;NORMANDIE;CAEN;CALVADOS;CAEN;{school.uai};LYCEE GENERAL;MALHERBE;PUBLIC;1000;"
    row += "400;220;180;390;200;" + "300;180;120;50;5;45;" + "0;0;0;" + "250;150;100;240"
    report = _school_import(school, "fr-en-lycee_gt-effectifs-niveau-sexe-lv.csv", f"{LGT_HEADER}\n{row}\n")
    assert report.format_label.startswith("Effectifs par niveau et sexe des lycées généraux")
    values = _values(school)
    assert values[("effectif_eleves", 2023, "")] == (Decimal("1000"), "effectifs_lycee")
    assert values[("part_filles_niveau", 2023, "2de générale et technologique")][0] == Decimal("55.0")
    assert values[("part_filles_niveau", 2023, "1re STI2D")][0] == Decimal("10.0")
    assert values[("part_filles_niveau", 2023, "Terminale générale")][0] == Decimal("60.0")
    assert ("part_filles_niveau", 2023, "1re STMG") not in values  # no pupil: no share
    assert values[("effectif_filles", 2023, "lycée")][0] == Decimal("555")
    assert values[("effectif_garcons", 2023, "lycée")][0] == Decimal("445")


def test_lp_pupils_by_level_and_sex(school):
    row = f"2022;NORMANDIE;CAEN;CALVADOS;CAEN;{school.uai};LYCEE PROFESSIONNEL;JULES VERNE;PUBLIC;300;"
    row += "110;11;99;100;100;10;90;90;9;81"
    _school_import(school, "fr-en-lycee_pro-effectifs-niveau-sexe-lv.csv", f"{LP_HEADER}\n{row}\n")
    values = _values(school)
    assert values[("part_filles_niveau", 2022, "2de professionnelle")][0] == Decimal("10.0")
    assert values[("part_filles_niveau", 2022, "Terminale professionnelle")][0] == Decimal("10.0")
    assert values[("effectif_eleves", 2022, "")][0] == Decimal("300")


def test_ivac_of_collèges(db):
    college = EtablissementFactory()
    row = f"2023;{college.uai};COLLEGE ROGER POULNARD;BAGE DOMMARTIN;AIN;LYON;PU;127;93,0;-2,0;;;12,4;0,3;;95;98;;;;20;31;50;101"
    report = valeurs_import(name="ivac.csv", data=f"{IVAC_HEADER}\n{row}\n".encode(), etablissement=college)
    assert report.format_label.startswith("Indicateurs de valeur ajoutée des collèges")
    values = _values(college)
    assert values[("taux_reussite_dnb", 2022, "")] == (Decimal("93.0"), "ivac")
    assert values[("valeur_ajoutee_dnb", 2022, "")][0] == Decimal("-2.0")
    assert values[("note_ecrit_dnb", 2022, "")][0] == Decimal("12.4")
    assert values[("taux_acces_6e_3e", 2022, "")][0] == Decimal("95")


def test_ips_of_collèges(db):
    college = EtablissementFactory()
    row = f"2022-2023;CAEN;014;CALVADOS;{college.uai};COLLEGE PASTEUR;14118;CAEN;public;512;98.7;29.4"
    valeurs_import(name="ips.csv", data=f"{IPS_COLLEGES_HEADER}\n{row}\n".encode(), etablissement=college)
    values = _values(college)
    assert values[("ips", 2022, "")] == (Decimal("98.7"), "ips_colleges")
    assert values[("ecart_type_ips", 2022, "")][0] == Decimal("29.4")
    assert values[("effectif_eleves", 2022, "")][0] == Decimal("512")


def test_a_file_of_no_known_format_names_the_closest_and_its_missing_columns(school):
    header = IVAC_HEADER.replace(";va_du_taux_de_reussite_g", "").replace(";note_a_l_ecrit_g", "")
    with pytest.raises(ImportRefused) as refused:
        _school_import(school, "ivac.csv", f"{header}\n" + ";".join(["1"] * header.count(";")) + ";1\n")
    message = refused.value.message
    assert "rien n’a été enregistré" in message
    assert "« Indicateurs de valeur ajoutée des collèges (DEPP, IVAC) »" in message
    assert "va_du_taux_de_reussite_g, note_a_l_ecrit_g" in message
    assert ValeurIndicateur.objects.count() == 0


# --- Issue 12: web imports, their report and the background worker ---------------------------------------------

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def _director_and_programme(client, school):
    director = user_with(Role.DIRECTION, etablissement=school)
    programme = programme_of(school, director)
    client.force_login(director)
    return director, programme


def _national_text(school, others=3):
    lines = [f"{school.uai};ips;2023;101"] + [f"000000{i}X;ips;2023;9{i}" for i in range(others)]
    return "uai;indicateur;annee;valeur\n" + "\n".join(lines) + "\n"


def test_a_web_import_shows_its_result_and_offers_the_report_of_skipped_rows(client, school):
    _, programme = _director_and_programme(client, school)
    response = _post(client, programme, "national.csv", _national_text(school, others=2).encode())
    job = ImportIndicateurs.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("diagnostic:import_job", kwargs={"pk": programme.pk, "job_pk": job.pk})
    page = client.get(response["Location"]).content.decode()
    assert "Import terminé" in page and "1 valeur(s) enregistrée(s)" in page
    assert "Télécharger le rapport des lignes ignorées" in page
    assert "hx-get" not in page  # finished: nothing to poll
    report = client.get(reverse("diagnostic:import_job_report", kwargs={"pk": programme.pk, "job_pk": job.pk}))
    assert report["Content-Type"].startswith("text/csv")
    assert report.content.decode("utf-8-sig").splitlines() == [
        "ligne;identifiant;motif",
        "3;0000000X;ligne d’un autre établissement",
        "4;0000001X;ligne d’un autre établissement",
    ]
    assert job.data == b""  # the file is not kept once imported


def test_a_cut_file_sent_from_the_web_is_refused_with_its_line(client, school):
    _, programme = _director_and_programme(client, school)
    response = _post(client, programme, "coupe.csv", b"indicateur;annee;valeur\nips;2022;101\nips;20")
    text = response.content.decode()
    assert response.status_code == 200
    assert "Import refusé" in text and "semble incomplet" in text and "Ligne 3" in text
    assert ValeurIndicateur.objects.count() == 0


def test_a_large_file_is_imported_by_the_worker_and_its_page_shows_the_progress(client, school, settings, monkeypatch):
    from django_tasks import task_backends

    from ppo.diagnostic import services

    settings.TASKS = DUMMY_TASKS
    backend = task_backends["default"]
    backend.clear()
    monkeypatch.setattr(services, "BACKGROUND_FROM_BYTES", 50)
    _, programme = _director_and_programme(client, school)
    response = _post(client, programme, "national.csv", _national_text(school, others=5).encode())
    job = ImportIndicateurs.objects.get()
    assert [(r.task.func.__name__, r.args) for r in backend.results] == [("run_indicateurs_import", [job.pk])]
    assert ValeurIndicateur.objects.count() == 0  # not yet: the worker has not run
    page = client.get(response["Location"])
    text = page.content.decode()
    assert page.status_code == 200 and "en attente d’import" in text
    assert 'hx-trigger="every 2s"' in text and "Actualiser" in text  # htmx polls; without JS, the button
    polled = client.get(response["Location"], headers={"HX-Request": "true"})
    assert polled.status_code == 200 and "<html" not in polled.content.decode()

    services.import_job_run(job_id=job.pk)  # what the worker does

    polled = client.get(response["Location"], headers={"HX-Request": "true"})
    assert polled.status_code == 286  # htmx stops polling
    assert "Import terminé" in polled.content.decode()
    job.refresh_from_db()
    assert (job.status, job.done, job.total, len(job.skipped)) == ("termine", 6, 6, 5)
    assert ValeurIndicateur.objects.filter(etablissement=school).count() == 1


def test_a_large_cut_file_is_refused_by_the_worker_and_nothing_is_written(client, school, settings, monkeypatch):
    from ppo.diagnostic import services

    settings.TASKS = DUMMY_TASKS
    monkeypatch.setattr(services, "BACKGROUND_FROM_BYTES", 50)
    _, programme = _director_and_programme(client, school)
    cut = _national_text(school, others=5).encode()[:-9]
    response = _post(client, programme, "national.csv", cut)
    services.import_job_run(job_id=ImportIndicateurs.objects.get().pk)  # what the worker does
    page = client.get(response["Location"]).content.decode()
    assert "Import refusé" in page and "semble incomplet" in page and "Ligne 7" in page
    assert ValeurIndicateur.objects.count() == 0


def test_the_progress_is_kept_on_the_job_while_the_worker_reads(school, monkeypatch):
    from ppo.diagnostic import services

    director = user_with(Role.DIRECTION, etablissement=school)
    programme = programme_of(school, director)
    monkeypatch.setattr(services, "BACKGROUND_FROM_BYTES", 10**9)
    monkeypatch.setattr(services, "PROGRESS_EVERY", 2)
    seen = []
    real_import = services.valeurs_import

    def spy(**kwargs):
        progress = kwargs["progress"]

        def record(done, total):
            progress(done, total)
            seen.append((done, total, ImportIndicateurs.objects.get().done))

        return real_import(**{**kwargs, "progress": record})

    monkeypatch.setattr(services, "valeurs_import", spy)
    services.import_job_start(
        programme=programme, user=director, name="n.csv", data=_national_text(school, 6).encode()
    )
    assert seen[0] == (1, 7, 1) and seen[-1] == (7, 7, 7)


def test_another_school_cannot_see_an_import_nor_its_report(client, school):
    director, programme = _director_and_programme(client, school)
    from ppo.diagnostic.services import import_job_start

    job = import_job_start(programme=programme, user=director, name="n.csv", data=_national_text(school).encode())
    other = EtablissementFactory()
    other_director = user_with(Role.DIRECTION, etablissement=other)
    other_programme = programme_of(other, other_director)
    client.force_login(other_director)
    for name in ("diagnostic:import_job", "diagnostic:import_job_report"):
        assert client.get(reverse(name, kwargs={"pk": programme.pk, "job_pk": job.pk})).status_code == 404
        assert client.get(reverse(name, kwargs={"pk": other_programme.pk, "job_pk": job.pk})).status_code == 404


def test_an_unexpected_failure_in_the_worker_is_said_and_writes_nothing(client, school, settings, monkeypatch):
    from ppo.diagnostic import services

    settings.TASKS = DUMMY_TASKS
    monkeypatch.setattr(services, "BACKGROUND_FROM_BYTES", 50)
    _, programme = _director_and_programme(client, school)
    response = _post(client, programme, "national.csv", _national_text(school, others=5).encode())

    def boom(**kwargs):
        raise RuntimeError("panne")

    monkeypatch.setattr(services, "valeurs_import", boom)
    services.import_job_run(job_id=ImportIndicateurs.objects.get().pk)
    page = client.get(response["Location"]).content.decode()
    assert "L’import a échoué" in page and "hx-get" not in page
    job = ImportIndicateurs.objects.get()
    assert (job.status, job.data) == ("echec", b"")
    assert ValeurIndicateur.objects.count() == 0
    assert (
        client.get(reverse("diagnostic:import_job_report", kwargs={"pk": programme.pk, "job_pk": job.pk})).status_code
        == 404
    )
