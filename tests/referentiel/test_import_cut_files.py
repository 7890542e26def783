"""Issue 12: a file cut mid-row (an interrupted download) is refused by every importer, with its line, and
nothing is written; skipped rows are reported with their line; the commands show progress only on a terminal."""

import csv
import io
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ppo.partenaires.models import Metier
from ppo.partenaires.onisep import OnisepFileError, parse_metiers
from ppo.referentiel.csvfile import ImportFileError, parse_csv
from ppo.referentiel.models import Departement, Etablissement
from ppo.referentiel.uai import uai_check_letter
from tests.referentiel.shared import ANNUAIRE, IPS, shared_file
from tests.referentiel.test_import_errors import HEADER, IPS_HEADER, row

pytestmark = pytest.mark.django_db


def uai(number):
    return number + uai_check_letter(number)


def ips_line(number, effectif="350.0", ips="101.4"):
    return f"2022-2023;NORMANDIE;014;CALVADOS;{uai(number)};LYCEE;14118;CAEN;public;LP;{effectif};{ips}"


def assert_nothing_written():
    assert Etablissement.objects.count() == 0
    assert Departement.objects.count() == 0


def test_annuaire_cut_in_the_last_row_is_refused_with_its_line(tmp_path):
    """Before: the first rows were imported, exit 0, the cut row counted « hors périmètre »."""
    lines = [HEADER, row("0141111"), row("0142222"), row("0143333")[:30]]
    path = tmp_path / "annuaire.csv"
    path.write_text("\n".join(lines), encoding="utf-8-sig")
    with pytest.raises(CommandError) as error:
        call_command("import_etablissements", str(path), stdout=StringIO())
    message = str(error.value)
    assert "semble incomplet" in message
    assert "Ligne 4" in message and "colonnes au lieu de 14" in message
    assert "rien n’a été enregistré" in message
    assert_nothing_written()


def test_ips_cut_inside_a_duplicated_row_is_refused(tmp_path):
    """Before: the cut copy of a duplicated row was reported as « UAI en double » and the rest imported."""
    full = ips_line("0141111")
    path = tmp_path / "ips.csv"
    path.write_text("\n".join([IPS_HEADER, ips_line("0142222"), full, full[: full.index(";LP;")]]), encoding="utf-8")
    with pytest.raises(CommandError, match=r"semble incomplet.*Ligne 4 : 9 colonnes au lieu de 12"):
        call_command("import_ips_lycees", str(path), stdout=StringIO())
    assert_nothing_written()


def test_an_unterminated_quote_is_a_cut_file(tmp_path):
    path = tmp_path / "annuaire.csv"
    path.write_text(HEADER + "\n" + row("0141111") + '\n0142222X;"Collège Jean', encoding="utf-8")
    with pytest.raises(CommandError, match=r"semble incomplet.*Ligne 3 : un champ entre guillemets"):
        call_command("import_etablissements", str(path), stdout=StringIO())
    assert_nothing_written()


def test_a_short_row_in_the_middle_refuses_the_file_too(tmp_path):
    path = tmp_path / "annuaire.csv"
    path.write_text("\n".join([HEADER, row("0141111")[:20], row("0142222")]) + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"incomplet ou mal formé.*Ligne 2 : 2 colonnes au lieu de 14"):
        call_command("import_etablissements", str(path), stdout=StringIO())
    assert_nothing_written()


def test_departements_cut_file_is_refused(tmp_path):
    path = tmp_path / "dep.csv"
    text = "libelleRegion;codeAcademie;codeRegion;codeDepartement;libelleAcademie;libelleDepartement\n"
    text += "Normandie;70;28;014;Normandie;Calvados\nNormandie;70;28;0"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError, match="semble incomplet.*Ligne 3"):
        call_command("import_departements", str(path), stdout=StringIO())
    assert Departement.objects.count() == 0


def test_the_real_annuaire_cut_at_any_byte_is_refused_or_complete(tmp_path):
    """The published file cut in the middle of a row, the way an interrupted download leaves it."""
    data = shared_file(ANNUAIRE).read_bytes()
    cut = data[: len(data) // 2]
    assert not cut.endswith(b"\n")
    path = tmp_path / "annuaire.csv"
    path.write_bytes(cut)
    with pytest.raises(CommandError, match="semble incomplet"):
        call_command("import_etablissements", str(path), stdout=StringIO())
    assert_nothing_written()


def test_the_real_files_still_import_whole():
    out = StringIO()
    call_command("import_ips_lycees", str(shared_file(IPS)), stdout=out)
    assert Etablissement.objects.count() > 500


def test_report_lists_skipped_rows_with_line_identifier_and_reason(tmp_path):
    lines = [
        HEADER,
        row("0141111"),
        row("0142222", etat="FERME"),
        "0143333A;Mauvais UAI;Public;340;COLLEGE;OUVERT;Caen;14118;014;Calvados;70;Normandie;;",
        row("9755555", academie="44", departement="975"),
    ]
    path = tmp_path / "annuaire.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    report = tmp_path / "rapport.csv"
    out = StringIO()
    call_command("import_etablissements", str(path), "--report", str(report), stdout=out)
    assert "Rapport des lignes ignorées" in out.getvalue()
    rows = list(csv.reader(io.StringIO(report.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[0] == ["ligne", "identifiant", "motif"]
    assert [(r[0], r[1]) for r in rows[1:]] == [("3", uai("0142222")), ("4", "0143333A"), ("5", uai("9755555"))]
    assert rows[1][2] == "établissement fermé, absent de la plateforme"
    assert rows[3][2].startswith("hors périmètre")


def test_report_keeps_a_formula_like_identifier_as_text(tmp_path):
    lines = [HEADER, "=HYPERLINK(1);X;Public;340;COLLEGE;OUVERT;Caen;14118;014;Calvados;70;Normandie;;"]
    path = tmp_path / "annuaire.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    report = tmp_path / "rapport.csv"
    call_command("import_etablissements", str(path), "--report", str(report), stdout=StringIO())
    assert "'=HYPERLINK(1)" in report.read_text(encoding="utf-8-sig")


class FakeTerminal(StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_on_a_terminal_and_not_with_verbosity_0(tmp_path, monkeypatch):
    path = tmp_path / "annuaire.csv"
    path.write_text("\n".join([HEADER, row("0141111"), row("0142222")]), encoding="utf-8")
    terminal = FakeTerminal()
    monkeypatch.setattr("sys.stderr", terminal)
    call_command("import_etablissements", str(path), "--dry-run", "-v", "0", stdout=StringIO())
    assert terminal.getvalue() == ""
    call_command("import_etablissements", str(path), "--dry-run", stdout=StringIO())
    assert "annuaire.csv" in terminal.getvalue() and "2/2" in terminal.getvalue()
    plain = StringIO()
    monkeypatch.setattr("sys.stderr", plain)
    call_command("import_etablissements", str(path), stdout=StringIO())
    assert plain.getvalue() == ""


def test_onisep_cut_file_is_refused_and_nothing_imported():
    data = shared_file("onisep/ideo-metiers_onisep.csv").read_bytes()
    with pytest.raises(OnisepFileError) as error:
        parse_metiers(data[: len(data) // 3])
    assert "semble incomplet" in error.value.errors[0]
    assert error.value.errors[1].startswith("Ligne ")
    assert Metier.objects.count() == 0


def test_shared_reader_keeps_line_numbers_of_multiline_fields():
    table = parse_csv(b'a;b\n1;"deux\nlignes"\n3;4\n', name="x.csv")
    assert table.rows == [(2, ["1", "deux\nlignes"]), (4, ["3", "4"])]
    with pytest.raises(ImportFileError, match="semble incomplet"):
        parse_csv(b"a;b;c\n1;2;3\n4;5", name="x.csv")
    # A complete last row without a final newline is a complete file.
    assert parse_csv(b"a;b\n1;2", name="x.csv").rows == [(2, ["1", "2"])]
