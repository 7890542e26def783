"""The importers on the files of ../shared/data as published, and on small broken files."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count

from ppo.referentiel.models import Departement, Etablissement
from ppo.referentiel.uai import is_valid_uai
from tests.referentiel.shared import ANNUAIRE, DEPARTEMENTS, IPS, read_rows, shared_file

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data]

# What the test expects from the official nature codes, written independently of the importer.
COLLEGE_NATURES = {"340", "350", "352"}
IPS_KINDS = {"LEGT": "lgt", "LP": "lp", "LPO": "lpo"}
ACADEMIE_CODES = {"LILLE": "09", "NORMANDIE": "70", "AMIENS": "20"}


def run(command, path, *args):
    out = StringIO()
    call_command(command, str(path), *args, stdout=out)
    return out.getvalue()


def counts_in_db():
    return Counter(
        {
            (row["academie__code"], row["kind"]): row["n"]
            for row in Etablissement.objects.values("academie__code", "kind").annotate(n=Count("id"))
        }
    )


def test_departements_import_maps_legacy_codes_and_skips_pseudo_academies():
    path = shared_file(DEPARTEMENTS)
    rows = read_rows(path)
    out = run("import_departements", path)
    with_departement = [r for r in rows if r["codeDepartement"]]
    out_of_scope = [r for r in with_departement if r["codeAcademie"] in {"40", "41", "42", "44", "99"}]
    assert Departement.objects.count() == len(with_departement) - len(out_of_scope)
    assert Departement.objects.get(code="014").academie.code == "70"
    assert Departement.objects.get(code="976").academie.name == "Mayotte"
    assert not Departement.objects.filter(code__in=["975", "987", "988", "986", "990"]).exists()
    assert (
        f"pseudo-académie sans département (Caen, Rouen, « France entière »…) : {len(rows) - len(with_departement)}"
        in out
    )
    assert f"Créés : {len(with_departement) - len(out_of_scope)}" in out
    second = run("import_departements", path)
    assert "Créés : 0" in second and "Mis à jour : 0" in second


def test_etablissements_import_counts_per_academie_and_kind_match_the_file():
    path = shared_file(ANNUAIRE)
    rows = read_rows(path)
    expected = Counter(
        (r["code_academie"], "college" if r["nature_uai"] in COLLEGE_NATURES else "autre")
        for r in rows
        if r["etat_etablissement_libe"] != "FERME"
    )
    out = run("import_etablissements", path)
    assert counts_in_db() == expected
    assert f"Créés : {sum(expected.values())}" in out
    school = Etablissement.objects.get(uai="0140041U")
    assert (school.name, school.commune, school.departement.code, school.secteur) == (
        "Collège Quintefeuille",
        "Courseulles-sur-Mer",
        "014",
        "public",
    )
    assert school.latitude == pytest.approx(49.32946, abs=1e-5)
    assert [n.code for n in school.niveaux.all()] == ["6e", "5e", "4e", "3e"]
    prives = sum(1 for r in rows if r["secteur_public_prive_libe"] == "Privé")
    assert Etablissement.objects.filter(secteur="prive").count() == prives


def test_etablissements_import_is_idempotent_and_dry_run_writes_nothing():
    path = shared_file(ANNUAIRE)
    dry = run("import_etablissements", path, "--dry-run")
    assert "simulation" in dry
    assert Etablissement.objects.count() == 0
    assert Departement.objects.count() == 0
    run("import_etablissements", path)
    total = Etablissement.objects.count()
    second = run("import_etablissements", path)
    assert "Créés : 0" in second and "Mis à jour : 0" in second and f"Inchangés : {total}" in second


def test_ips_import_counts_duplicates_and_kinds_per_academie():
    path = shared_file(IPS)
    rows = read_rows(path)
    distinct = {tuple(r.values()): r for r in rows}
    expected = Counter((ACADEMIE_CODES[r["academie"]], IPS_KINDS[r["type_de_lycee"]]) for r in distinct.values())
    out = run("import_ips_lycees", path)
    assert counts_in_db() == expected
    assert f"Lignes en double (identiques, comptées une fois) : {len(rows) - len(distinct)}" in out
    lycee = Etablissement.objects.get(uai="0020034B")
    assert (lycee.kind, str(lycee.ips), lycee.effectif, lycee.departement.code) == ("lpo", "102.2", 894, "002")
    assert lycee.academie.code == "20"
    second = run("import_ips_lycees", path)
    assert "Créés : 0" in second and "Mis à jour : 0" in second


def test_ips_then_annuaire_update_the_same_schools():
    """The two files describe different schools (collèges, lycées); together they stay consistent."""
    run("import_departements", shared_file(DEPARTEMENTS))
    run("import_etablissements", shared_file(ANNUAIRE))
    before = Etablissement.objects.count()
    run("import_ips_lycees", shared_file(IPS))
    assert Etablissement.objects.filter(ips__isnull=False).count() == Etablissement.objects.count() - before
    assert Etablissement.objects.get(uai="0140052F").departement.name == "Calvados"


def test_all_uais_of_the_annuaire_validate():
    for name, column in ((ANNUAIRE, "numero_uai"), (IPS, "uai")):
        rows = read_rows(shared_file(name))
        invalid = [r[column] for r in rows if not is_valid_uai(r[column])]
        assert len(rows) > 500 and invalid == []
