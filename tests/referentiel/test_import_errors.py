"""Broken files: a clear French error, and nothing written."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ppo.referentiel.models import Departement, Etablissement
from ppo.referentiel.uai import uai_check_letter

pytestmark = pytest.mark.django_db

HEADER = (
    "numero_uai;appellation_officielle;secteur_public_prive_libe;nature_uai;nature_uai_libe;etat_etablissement_libe;"
    "libelle_commune;code_commune;code_departement;libelle_departement;code_academie;libelle_academie;latitude;longitude"
)


def row(number, name="Collège Test", nature="340", etat="OUVERT", academie="05", departement="014"):
    uai = number + uai_check_letter(number)
    return f"{uai};{name};Public;{nature};COLLEGE;{etat};Caen;14118;{departement};Calvados;{academie};Caen;49.1;-0.3"


def write(tmp_path, text, encoding="utf-8-sig"):
    path = tmp_path / "annuaire.csv"
    path.write_bytes(text.encode(encoding))
    return path


def import_(path, *args):
    call_command("import_etablissements", str(path), *args, stdout=StringIO())


def assert_nothing_written():
    assert Etablissement.objects.count() == 0
    assert Departement.objects.count() == 0


def test_a_small_valid_file_maps_legacy_academie_and_skips_with_reasons(tmp_path):
    lines = [
        HEADER,
        row("0141111"),
        row("0142222", etat="FERME"),
        "0143333A;Mauvais UAI;Public;340;COLLEGE;OUVERT;Caen;14118;014;Calvados;70;Normandie;;",
        row("0144444", nature="300"),
        row("0144444", nature="300"),
        row("0144444", name="Autre nom", nature="300"),
        row("9755555", academie="44", departement="975"),
        row("0146666", nature="999"),
    ]
    out = StringIO()
    call_command("import_etablissements", str(write(tmp_path, "\n".join(lines))), stdout=out)
    text = out.getvalue()
    college = Etablissement.objects.get(uai=row("0141111")[:8])
    assert college.academie.code == "70"  # Caen (05) is now Normandie (70)
    assert (college.departement.name, college.latitude, college.longitude) == ("Calvados", 49.1, -0.3)
    assert Etablissement.objects.get(uai=row("0144444")[:8]).kind == "lgt"
    assert Etablissement.objects.get(uai=row("0146666")[:8]).kind == "autre"
    assert Etablissement.objects.count() == 3
    assert "Créés : 3" in text
    assert "Lignes en double (identiques, comptées une fois) : 1" in text
    assert "UAI invalide (format ou lettre de contrôle) : 1" in text
    assert "établissement fermé, absent de la plateforme : 1" in text
    assert "UAI en double avec des valeurs différentes (première ligne gardée) : 1" in text
    assert "hors périmètre" in text
    assert "Départements créés : 1" in text


def test_a_closed_school_already_known_is_deactivated(tmp_path):
    import_(write(tmp_path, "\n".join([HEADER, row("0141111")])))
    import_(write(tmp_path, "\n".join([HEADER, row("0141111", etat="FERME")])))
    assert not Etablissement.objects.get().is_active


def test_missing_column(tmp_path):
    header = HEADER.replace(";code_academie", "")
    path = write(tmp_path, header + "\n" + row("0141111").replace(";05;", ";"))
    with pytest.raises(CommandError, match="Colonnes manquantes dans annuaire.csv : code_academie"):
        import_(path)
    assert_nothing_written()


def test_latin1_encoding(tmp_path):
    path = write(tmp_path, "\n".join([HEADER, row("0141111", name="Collège Éluard")]), encoding="latin-1")
    with pytest.raises(CommandError, match="n’est pas encodé en UTF-8.*Rien n’a été enregistré"):
        import_(path)
    assert_nothing_written()


def test_empty_file(tmp_path):
    with pytest.raises(CommandError, match="est vide"):
        import_(write(tmp_path, ""))
    with pytest.raises(CommandError, match="aucune ligne de données"):
        import_(write(tmp_path, HEADER + "\n"))
    assert_nothing_written()


def test_not_a_csv(tmp_path):
    path = tmp_path / "annuaire.csv"
    path.write_bytes(b"%PDF-1.7\n\x00\x01\x02binaire")
    with pytest.raises(CommandError, match="n’est pas un fichier CSV"):
        import_(path)
    with pytest.raises(CommandError, match="n’est pas un fichier CSV attendu"):
        import_(write(tmp_path, "Bonjour, ceci est une lettre.\nCordialement."))
    with pytest.raises(CommandError, match="Fichier introuvable"):
        import_(tmp_path / "absent.csv")
    assert_nothing_written()


def test_a_failure_midway_rolls_everything_back(tmp_path, monkeypatch):
    """No partial write: if saving fails after the départements were created, they are rolled back too."""
    from ppo.referentiel import importers

    def boom(**kwargs):
        raise RuntimeError("panne")

    monkeypatch.setattr(importers, "etablissements_set_default_niveaux", boom)
    with pytest.raises(RuntimeError):
        import_(write(tmp_path, "\n".join([HEADER, row("0141111")])))
    assert_nothing_written()


def test_other_commands_check_their_header_too(tmp_path):
    path = write(tmp_path, HEADER + "\n" + row("0141111"))
    for command in ("import_departements", "import_ips_lycees"):
        with pytest.raises(CommandError, match="Colonnes manquantes|pas un fichier CSV attendu"):
            call_command(command, str(path))
    assert_nothing_written()


IPS_HEADER = (
    "rentree_scolaire;academie;code_du_departement;departement;uai;nom_de_l_etablissment;code_insee_de_la_commune;"
    "nom_de_la_commune;secteur;type_de_lycee;effectifs_ensemble_gt_pro;ips_ensemble_gt_pro"
)


def test_ips_odd_values_are_left_empty_and_long_names_cut(tmp_path):
    def line(number, ips, effectif, kind="LP", name="LYCEE"):
        uai = number + uai_check_letter(number)
        return f"2022-2023;NORMANDIE;014;CALVADOS;{uai};{name};14118;CAEN;public;{kind};{effectif};{ips}"

    lines = [
        IPS_HEADER,
        line("0141111", "nd", "-3"),
        line("0142222", "99999999", "12.0", name="L" * 300),
        line("0143333", "101,4", "350.0", kind="EREA"),
    ]
    path = tmp_path / "ips.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    out = StringIO()
    call_command("import_ips_lycees", str(path), stdout=out)
    first, second = Etablissement.objects.order_by("uai")
    assert (first.ips, first.effectif) == (None, None)
    assert (second.ips, second.effectif, len(second.name)) == (None, 12, 200)
    assert "type de lycée inconnu : 1" in out.getvalue()
    assert first.departement.name == "Calvados" and first.academie.code == "70"
