"""The real DEPP files of shared/data/indicateurs, imported for the schools known to the platform.

The expected counts are computed here from the files themselves, independently of the importers.
"""

import csv
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.diagnostic.models import ValeurIndicateur
from ppo.diagnostic.services import valeurs_import
from tests.diagnostic.factories import programme_of
from tests.factories import EtablissementFactory, user_with

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "indicateurs"
INSERJEUNES = DATA / "depp-2022-etablissements-2021_2022-pro.csv"
DNB = DATA / "donnees-dnb.csv"
SPECIALITES = DATA / "fr-en-effectifs-specialites-doublettes-terminale-generale.csv"

pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason="shared/data/indicateurs absent")


def _rows(path, delimiter, encoding="utf-8"):
    with path.open(encoding=encoding, newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        header = next(reader)
        return header, list(reader)


def _known_schools(uais):
    for uai in uais:
        EtablissementFactory(uai=uai)
    return set(uais)


def _run(path, *args):
    out = StringIO()
    call_command("import_indicateurs", str(path), *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_inserjeunes_national_import_matches_the_file():
    header, rows = _rows(INSERJEUNES, ";")
    all_uais = sorted({r[0] for r in rows})
    # Some schools with every value published, and some with « nd ».
    with_nd = sorted({r[0] for r in rows if "nd" in r[4:]})[:3]
    known = _known_schools(all_uais[:5] + with_nd)
    value_columns = [4, 5, 6, 7, 9, 10]  # the « part en poursuite » column repeats the « taux de poursuite »
    ours = [r for r in rows if r[0] in known]
    published = sum(1 for r in ours for i in value_columns if r[i] != "nd")
    not_published = sum(1 for r in ours for i in value_columns if r[i] == "nd")

    summary = _run(INSERJEUNES)

    assert ValeurIndicateur.objects.count() == published
    assert f"{len(known)} établissement(s) reconnu(s)" in summary
    assert f"{published} valeur(s) enregistrée(s)" in summary
    assert f"{not_published} valeur(s) non publiée(s)" in summary
    assert f"{len(set(all_uais) - known)} UAI inconnu(s)" in summary
    first = next(r for r in ours if r[3] == "ensemble" and r[4] != "nd")
    value = ValeurIndicateur.objects.get(
        etablissement__uai=first[0], indicateur__code="taux_poursuite_etudes", scope="", year=2021
    )
    assert value.value == Decimal(first[4])


@pytest.mark.django_db
def test_dnb_national_import_matches_the_file():
    header, rows = _rows(DNB, ",")
    col = {name: i for i, name in enumerate(header)}
    known = _known_schools([r[col["numero_college"]] for r in rows[100:104]])
    ours = [r for r in rows if r[col["numero_college"]] in known]

    summary = _run(DNB)

    # Five indicators per collège: réussite, effectif, IPS, girls and boys.
    assert ValeurIndicateur.objects.count() == 5 * len(ours)
    assert f"{len(known)} établissement(s) reconnu(s)" in summary
    row = ours[0]
    uai, session = row[col["numero_college"]], int(row[col["session"]])
    reussite = ValeurIndicateur.objects.get(etablissement__uai=uai, indicateur__code="taux_reussite_dnb")
    assert reussite.year == session - 1
    assert reussite.value == Decimal(row[col["taux_de_reussite"]].replace(",", "."))
    girls = sum(int(row[col[f"{level}_filles"]]) for level in ("6eme", "5eme", "4eme", "3eme"))
    assert ValeurIndicateur.objects.get(etablissement__uai=uai, indicateur__code="effectif_filles").value == girls


@pytest.mark.django_db
def test_specialites_import_gives_the_share_of_girls_per_specialite():
    header, rows = _rows(SPECIALITES, ";", encoding="utf-8-sig")
    uai_i = header.index("numero_etablissement")
    known = _known_schools(sorted({r[uai_i] for r in rows})[:3])
    ours = [r for r in rows if r[uai_i] in known]
    singles = [
        (i, header.index(name[: -len("_filles")] + "_garcons"))
        for i, name in enumerate(header)
        if name.endswith("_filles") and name[:4].isdigit() and not name.startswith("00")
    ]

    def count(v):
        return int(v) if v.isdigit() else 0

    expected = 0
    for r in ours:
        expected += (
            1
            if count(r[header.index("effectif_total_filles")]) + count(r[header.index("effectif_total_garcons")])
            else 0
        )
        expected += sum(1 for g, b in singles if count(r[g]) + count(r[b]) > 0)

    _run(SPECIALITES)

    assert ValeurIndicateur.objects.count() == expected
    assert ValeurIndicateur.objects.values("year").distinct().count() == len({r[0] for r in ours})
    nsi = header.index("0747_numerique_et_sciences_informatiques_filles")
    row = next((r for r in ours if count(r[nsi]) + count(r[nsi + 1]) > 0), None)
    if row is not None:
        share = ValeurIndicateur.objects.get(
            etablissement__uai=row[uai_i],
            year=int(row[0]),
            indicateur__code="part_filles_specialite",
            scope="Numérique et sciences informatiques",
        ).value
        assert share == round(Decimal(count(row[nsi]) * 100) / (count(row[nsi]) + count(row[nsi + 1])), 1)


@pytest.mark.django_db
def test_dry_run_writes_nothing():
    header, rows = _rows(INSERJEUNES, ";")
    _known_schools([rows[0][0]])
    summary = _run(INSERJEUNES, "--dry-run")
    assert "1 établissement(s) reconnu(s)" in summary
    assert ValeurIndicateur.objects.count() == 0


@pytest.mark.django_db
def test_a_school_imports_its_own_rows_of_the_national_file(client):
    header, rows = _rows(INSERJEUNES, ";")
    uai = next(r[0] for r in rows if r[3] == "dont apprentis" and "nd" not in r)
    school = EtablissementFactory(uai=uai)
    other = EtablissementFactory(uai=next(r[0] for r in rows if r[0] != uai))
    director = user_with(Role.DIRECTION, etablissement=school)
    programme = programme_of(school, director)
    client.force_login(director)
    with INSERJEUNES.open("rb") as handle:
        response = client.post(
            reverse("diagnostic:import", kwargs={"pk": programme.pk}), {"fichier": handle, "year": ""}, follow=True
        )
    ours = [r for r in rows if r[0] == uai]
    assert ValeurIndicateur.objects.filter(etablissement=school).count() == 6 * len(ours)
    assert not ValeurIndicateur.objects.filter(etablissement=other).exists()
    text = response.content.decode()
    assert f"{len(rows) - len(ours)} ligne(s) d’autres établissements ignorée(s)" in text
    assert ValeurIndicateur.objects.filter(etablissement=school, scope="Apprentis").exists()


@pytest.mark.django_db
def test_a_college_imports_its_row_of_the_dnb_file():
    header, rows = _rows(DNB, ",")
    uai = rows[10][header.index("numero_college")]
    college = EtablissementFactory(college=True, uai=uai)
    report = valeurs_import(name=DNB.name, data=DNB.read_bytes(), etablissement=college)
    assert report.values_written == 5
    assert report.other_rows_ignored == len(rows) - 1
    assert ValeurIndicateur.objects.filter(etablissement=college, indicateur__code="taux_reussite_dnb").exists()
