"""Benchmark of the national annuaire import (issue 12): about 11,000 schools in the official layout.

Writes (once, in /tmp) a synthetic file with the 35 columns of the official export « adresse et géolocalisation
des établissements premier et second degré » (collèges, lycées, EREA of every académie of the platform, a few
closed schools and a few rows out of scope), then, for each run, in a fresh child process:

- « création » : the bench's schools are deleted, the tables analysed (VACUUM ANALYZE on PostgreSQL), then the file
  is imported into an empty annuaire;
- « réimport » : the same file imported again over the loaded, analysed data (every row compared, nothing changes).

Prints the wall time, the CPU time of the Python process and its peak memory (resource.getrusage, ru_maxrss) of
every run, their median and p95, and the load average before and after (the wall time depends on what else the
machine runs; the CPU time much less). Target: under 15 s and under 300 MB.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ppo_csv .venv/bin/python bench/annuaire_import.py
    DATABASE_URL=sqlite:////tmp/ppo_bench_annuaire.sqlite3 .venv/bin/python bench/annuaire_import.py

Options: --schools 11000 --runs 5. The database is migrated first; never point DATABASE_URL at a database whose
data you want to keep (the bench deletes the schools it created, named « Banc d’essai annuaire … »).
"""

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from ppo.core.spreadsheet import write_csv  # noqa: E402
from ppo.referentiel.importers import etablissements_import  # noqa: E402
from ppo.referentiel.models import Academie, Departement, Etablissement  # noqa: E402
from ppo.referentiel.uai import uai_check_letter  # noqa: E402

PREFIX = "Banc d’essai annuaire"
TARGET_SECONDS, TARGET_MB = 15, 300
COLUMNS = [
    "numero_uai",
    "appellation_officielle",
    "denomination_principale",
    "patronyme_uai",
    "secteur_public_prive_libe",
    "adresse_uai",
    "lieu_dit_uai",
    "boite_postale_uai",
    "code_postal_uai",
    "localite_acheminement_uai",
    "libelle_commune",
    "coordonnee_x",
    "coordonnee_y",
    "EPSG",
    "latitude",
    "longitude",
    "appariement",
    "localisation",
    "nature_uai",
    "nature_uai_libe",
    "etat_etablissement",
    "etat_etablissement_libe",
    "code_departement",
    "code_region",
    "code_academie",
    "code_commune",
    "libelle_departement",
    "libelle_region",
    "libelle_academie",
    "position",
    "secteur_prive_code_type_contrat",
    "secteur_prive_libelle_type_contrat",
    "code_ministere",
    "libelle_ministere",
    "date_ouverture",
]
NATURES = [
    ("340", "COLLEGE", "COLLEGE", 62),
    ("300", "LYCEE ENSEIGNT GENERAL ET TECHNOLOGIQUE", "LYCEE GENERAL ET TECHNOLOGIQUE", 10),
    ("306", "LYCEE POLYVALENT", "LYCEE POLYVALENT", 12),
    ("320", "LYCEE PROFESSIONNEL", "LYCEE PROFESSIONNEL", 14),
    ("370", "ETABLISSEMENT REGIONAL D'ENSEIGNEMENT ADAPTE", "EREA", 2),
]


def generate(path: Path, *, n_schools: int, seed: int = 12) -> None:
    rng = random.Random(seed)
    academies = list(Academie.objects.select_related("region").order_by("code"))
    rows = [COLUMNS]
    for i in range(n_schools):
        academie = academies[i % len(academies)]
        departement = f"{(i % 95) + 1:03d}"
        number = f"{departement}{i // 95:04d}"
        nature, nature_label, denomination = rng.choices(NATURES, weights=[n[3] for n in NATURES])[0][:3]
        prive = rng.random() < 0.2
        closed = rng.random() < 0.01
        code_academie = academie.code if rng.random() > 0.005 else "43"  # a few rows of the COM (out of scope)
        lat, lon = 42.5 + rng.random() * 8, -4.5 + rng.random() * 12
        rows.append(
            [
                number + uai_check_letter(number),
                f"{PREFIX} {i + 1}",
                denomination,
                f"PATRONYME {i + 1}",
                "Privé" if prive else "Public",
                f"{rng.randint(1, 200)} rue de l’École",
                "",
                "",
                f"{departement[1:]}{rng.randint(100, 999)}",
                f"COMMUNE {i % 3000}",
                f"Commune {i % 3000}",
                f"{rng.uniform(100000, 1200000):.1f}",
                f"{rng.uniform(6000000, 7100000):.1f}",
                "EPSG:2154",
                lat,  # numbers, not text: the CSV writer keeps a text « -0.4 » from being a formula
                lon,
                "Parfaite",
                "Numéro de rue",
                nature,
                nature_label,
                "2" if closed else "1",
                "FERME" if closed else "OUVERT",
                departement,
                academie.region.code,
                code_academie,
                f"{departement[1:]}{i % 900:03d}",
                f"Département {departement}",
                academie.region.name,
                academie.name,
                f"{lat}, {lon}",
                "30" if prive else "99",
                "CONTRAT D'ASSOCIATION TOUTES CLASSES" if prive else "SANS OBJET",
                "06",
                "MINISTERE DE L'EDUCATION NATIONALE",
                "1970-09-01",
            ]
        )
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        write_csv(out, rows)


def reset() -> None:
    Etablissement.objects.filter(name__startswith=PREFIX).delete()
    Departement.objects.filter(name__startswith="Département ", etablissements__isnull=True).delete()


def analyse() -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            through = Etablissement.niveaux.through._meta.db_table
            for table in (Etablissement._meta.db_table, Departement._meta.db_table, through):
                cursor.execute(f"VACUUM ANALYZE {table}")
        else:
            cursor.execute("ANALYZE")


def child(path: str) -> None:
    """One import in this process: prints its wall time and the process's peak memory as JSON."""
    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    summary = etablissements_import(path=path)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak_mb = after.ru_maxrss / 1024
    print(json.dumps({"wall": wall, "cpu": cpu, "peak_mb": peak_mb, "created": summary.created, "rows": summary.rows}))


def run_child(path: Path) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--child", str(path)], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--schools", type=int, default=11_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    call_command("migrate", verbosity=0)
    path = Path(f"/tmp/ppo_bench_annuaire_{args.schools}.csv")
    if not path.exists():
        generate(path, n_schools=args.schools)
    size_mb = path.stat().st_size / 1e6
    print(f"Base : {connection.vendor} ; fichier : {path} ({args.schools} lignes, {size_mb:.1f} Mo)")
    print(f"Charge moyenne avant (1, 5, 15 min) : {', '.join(f'{v:.2f}' for v in os.getloadavg())}")
    results = {"création": [], "réimport": []}
    for run in range(args.runs):
        reset()
        analyse()
        first = run_child(path)
        analyse()
        again = run_child(path)
        results["création"].append(first)
        results["réimport"].append(again)
        print(
            f"  essai {run + 1} : création {first['wall']:.2f} s (CPU Python {first['cpu']:.2f} s), "
            f"{first['peak_mb']:.0f} Mo ({first['created']} créés) ; "
            f"réimport {again['wall']:.2f} s (CPU {again['cpu']:.2f} s), {again['peak_mb']:.0f} Mo"
        )
    print(f"Charge moyenne après (1, 5, 15 min) : {', '.join(f'{v:.2f}' for v in os.getloadavg())}")
    ok = True
    for label, runs in results.items():
        walls, peaks = [r["wall"] for r in runs], [r["peak_mb"] for r in runs]
        cpus = [r["cpu"] for r in runs]
        print(
            f"{label:9} : durée médiane {statistics.median(walls):.2f} s, p95 {p95(walls):.2f} s "
            f"(CPU Python médian {statistics.median(cpus):.2f} s) ; "
            f"mémoire de pointe médiane {statistics.median(peaks):.0f} Mo, p95 {p95(peaks):.0f} Mo"
        )
        ok = ok and p95(walls) < TARGET_SECONDS and p95(peaks) < TARGET_MB
    print(f"Objectif (< {TARGET_SECONDS} s et < {TARGET_MB} Mo) : {'atteint' if ok else 'NON ATTEINT'}")
    reset()


if __name__ == "__main__":
    main()
