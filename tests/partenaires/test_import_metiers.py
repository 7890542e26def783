"""The ONISEP importer: against the real shared file (skipped when absent) and against small broken files."""

import os
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from ppo.partenaires.models import Metier, Secteur

SHARED_DATA = Path(os.environ.get("PPO_SHARED_DATA", Path(__file__).resolve().parents[2].parent / "shared" / "data"))
HEADER = (
    '"libellé métier";"lien site onisep.fr";"nom publication";collection;année;gencod;GFE;"code ROME";'
    '"libellé ROME";"lien ROME";domaine/sous-domaine'
)
LINK = "http://www.onisep.fr/http/redirection/metier/slug/"


def shared_metiers_file() -> Path:
    path = SHARED_DATA / "onisep" / "ideo-metiers_onisep.csv"
    if not path.is_file():
        pytest.skip(f"Données partagées absentes : {path}")
    return path


def row(label, met, rome="", rome_label="", domains="mécanique/travail des métaux", publication=""):
    return f'"{label}";{LINK}{met};"{publication}";;;;"GFE E";{rome};"{rome_label}";;"{domains}"'


def write(tmp_path, *lines, encoding="utf-8-sig") -> str:
    path = tmp_path / "metiers.csv"
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding=encoding)
    return str(path)


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("import_metiers_onisep", *args, stdout=out)
    return out.getvalue()


@pytest.mark.shared_data
@pytest.mark.django_db
def test_imports_the_shared_onisep_file_idempotently():
    path = str(shared_metiers_file())
    first = run(path)
    count = Metier.objects.count()
    # The file lists each métier once per publication: 1,099 rows for 792 métiers.
    assert count == 792
    assert "792 métiers : 792 créés" in first
    soudeur = Metier.objects.get(label="soudeur / soudeuse")
    assert soudeur.rome_codes == "H2913"
    assert soudeur.onisep_id == "MET.899"
    assert list(soudeur.secteurs.values_list("label", flat=True)) == ["mécanique"]
    assert Secteur.objects.filter(label="informatique, internet").exists()
    second = run(path)
    assert Metier.objects.count() == count
    assert "0 créés, 0 mis à jour, 792 inchangés" in second


@pytest.mark.shared_data
@pytest.mark.django_db
def test_dry_run_writes_nothing():
    out = run(str(shared_metiers_file()), "--dry-run")
    assert "Simulation" in out and "792 créés" in out
    assert not Metier.objects.exists()
    assert not Secteur.objects.exists()


@pytest.mark.django_db
def test_groups_rows_by_onisep_id_and_merges_codes_and_domains(tmp_path):
    path = write(
        tmp_path,
        row("soudeur / soudeuse", "MET.899", "H2913", "Soudage manuel", publication="A"),
        row("soudeur / soudeuse", "MET.899", "H2914", "Soudage auto", "industrie/métallurgie", publication="B"),
        row("actuaire", "MET.861", "", "", "banque - assurances - immobilier/assurances| sciences/mathématiques"),
    )
    out = run(path)
    assert "3 lignes lues, 2 métiers : 2 créés" in out
    soudeur = Metier.objects.get(onisep_id="MET.899")
    assert soudeur.rome_list == ["H2913", "H2914"]
    assert set(soudeur.secteurs.values_list("label", flat=True)) == {"mécanique", "industrie"}
    actuaire = Metier.objects.get(onisep_id="MET.861")
    assert actuaire.rome_codes == ""
    assert set(actuaire.secteurs.values_list("label", flat=True)) == {"banque - assurances - immobilier", "sciences"}


@pytest.mark.django_db
def test_updates_a_renamed_metier(tmp_path):
    run(write(tmp_path, row("soudeur", "MET.899", "H2913")))
    out = run(write(tmp_path, row("soudeur / soudeuse", "MET.899", "H2913")))
    assert "0 créés, 1 mis à jour" in out
    assert Metier.objects.get().label == "soudeur / soudeuse"


@pytest.mark.django_db
def test_reads_a_windows_1252_file(tmp_path):
    run(write(tmp_path, row("électricien / électricienne", "MET.1", "F1602"), encoding="cp1252"))
    assert Metier.objects.get().label == "électricien / électricienne"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (['"libellé";"lien"', "a;b"], "Colonne absente"),
        ([row("soudeur", "MET.899", "H2913"), row("", "MET.2")], "libellé du métier vide"),
        ([row("soudeur", "MET.899", "H2913"), row("chaudronnier", "MET.3", "XX")], "code ROME invalide"),
        (
            [row("soudeur", "MET.899", "H2913"), '"chaudronnier";http://exemple.fr/sans-id;;;;;;;;;"a/b"'],
            "sans identifiant MET",
        ),
        ([row("soudeur", "MET.899", "H2913"), '"chaudronnier";"trop court"'], "colonnes au lieu de 11"),
        ([], "aucun métier"),
    ],
)
def test_a_broken_file_imports_nothing(tmp_path, lines, message):
    path = tmp_path / "metiers.csv"
    if lines and lines[0].startswith('"libellé";'):
        path.write_text("\n".join(lines), encoding="utf-8")
    else:
        path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        run(str(path))
    assert not Metier.objects.exists()
    assert not Secteur.objects.exists()


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Fichier introuvable"):
        run(str(tmp_path / "absent.csv"))
