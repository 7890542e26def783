"""Benchmark of the académie's dashboard on an académie-sized data set.

Generates (once) 900 schools of the académie de Normandie, a PPO of 4 school years (2022-2025) each, about 100
actions per school-year (bulk_create, no history), then requests the dashboard, the list of schools and the map
as an académie user and prints the median response time of several runs, the median time spent in SQL and the
number of SQL queries.

    DATABASE_URL=sqlite:////tmp/ppo_bench.sqlite3 .venv/bin/python bench/dashboard.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ppo_bench .venv/bin/python bench/dashboard.py

Options: --schools 900 --actions 100 --runs 7 --reset (drop the generated schools and start again).
The database is migrated first; never point DATABASE_URL at a database whose data you want to keep.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from ppo.campagnes.models import Campagne  # noqa: E402
from ppo.comptes.enums import Role  # noqa: E402
from ppo.comptes.models import Membership, User  # noqa: E402
from ppo.plans.enums import CategorieRessource, StatutProgramme, TypeAction  # noqa: E402
from ppo.plans.models import PPO, Action, Axe, ProgrammeAnnuel, RessourceItem  # noqa: E402
from ppo.referentiel.enums import Secteur, TypeEtablissement  # noqa: E402
from ppo.referentiel.models import Academie, Bassin, Departement, Etablissement  # noqa: E402
from ppo.referentiel.services import niveaux_for_kind  # noqa: E402
from ppo.referentiel.uai import uai_check_letter  # noqa: E402

YEARS = [2022, 2023, 2024, 2025]
PREFIX = "Banc d’essai"
KINDS = [
    (TypeEtablissement.COLLEGE, 55),
    (TypeEtablissement.LGT, 15),
    (TypeEtablissement.LP, 15),
    (TypeEtablissement.LPO, 12),
    (TypeEtablissement.EREA, 3),
]
# Status of the last year's programme (None: not started).
LAST_YEAR = [
    (StatutProgramme.VALIDE, 30),
    (StatutProgramme.TRANSMIS, 20),
    (StatutProgramme.A_COMPLETER, 10),
    (StatutProgramme.BROUILLON, 25),
    (None, 15),
]
DEPARTEMENTS = [("014", "Calvados"), ("050", "Manche"), ("076", "Seine-Maritime"), ("027", "Eure"), ("061", "Orne")]


def _pick(rng, weighted):
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


def generate(*, n_schools: int, n_actions: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    academie = Academie.objects.get(code="70")
    deps = [
        Departement.objects.get_or_create(code=c, defaults={"name": n, "academie": academie})[0]
        for c, n in DEPARTEMENTS
    ]
    bassins = [
        Bassin.objects.get_or_create(
            academie=academie, name=f"{PREFIX} bassin {i + 1}", defaults={"departement": deps[i % 5]}
        )[0]
        for i in range(30)
    ]
    niveaux = {kind: niveaux_for_kind(kind=kind) for kind, _ in KINDS}
    axes = list(Axe.objects.all())
    partners = list(RessourceItem.objects.filter(category=CategorieRessource.PARTENARIATS))
    kinds = [k for k, _ in TypeAction.choices]
    Campagne.objects.get_or_create(
        academie=academie, year=YEARS[-1], defaults={"deadline": datetime.date(2026, 3, 27), "kinds": []}
    )
    batch = 50
    for start in range(0, n_schools, batch):
        with transaction.atomic():
            schools = []
            for i in range(start, min(start + batch, n_schools)):
                number = f"{8000000 + i:07d}"
                bassin = bassins[i % len(bassins)]
                schools.append(
                    Etablissement(
                        uai=number + uai_check_letter(number),
                        name=f"{PREFIX} {i + 1}",
                        kind=_pick(rng, KINDS),
                        secteur=Secteur.PRIVE if rng.random() < 0.2 else Secteur.PUBLIC,
                        departement=bassin.departement,
                        academie=academie,
                        bassin=bassin,
                        latitude=48.5 + rng.random() * 1.5,
                        longitude=-1.8 + rng.random() * 3.3,
                    )
                )
            schools = Etablissement.objects.bulk_create(schools)
            Etablissement.niveaux.through.objects.bulk_create(
                Etablissement.niveaux.through(etablissement_id=s.pk, niveau_id=n.pk)
                for s in schools
                for n in niveaux[s.kind]
            )
            ppos = PPO.objects.bulk_create(
                PPO(etablissement=s, first_year=YEARS[0], last_year=YEARS[-1]) for s in schools
            )
            programmes = []
            for ppo, school in zip(ppos, schools, strict=True):
                last = _pick(rng, LAST_YEAR)
                for year in YEARS:
                    status = StatutProgramme.VALIDE if year < YEARS[-1] else last
                    if status is not None:
                        programmes.append((ProgrammeAnnuel(ppo=ppo, year=year, status=status), school))
            created = ProgrammeAnnuel.objects.bulk_create(p for p, _ in programmes)
            actions, levels = [], []
            for programme, (_, school) in zip(created, programmes, strict=True):
                for order in range(rng.randint(n_actions - 20, n_actions + 20)):
                    actions.append(
                        Action(
                            programme=programme,
                            axe=rng.choice(axes),
                            title=f"Action {order + 1}",
                            kind=rng.choice(kinds),
                            hours=Decimal(rng.randint(1, 12)) / 2,
                            gender_equality=rng.random() < 0.2,
                            order=order,
                        )
                    )
                    levels.append(
                        rng.sample(niveaux[school.kind], k=min(len(niveaux[school.kind]), rng.choice([1, 1, 2])))
                    )
            actions = Action.objects.bulk_create(actions, batch_size=2000)
            Action.niveaux.through.objects.bulk_create(
                (
                    Action.niveaux.through(action_id=a.pk, niveau_id=n.pk)
                    for a, ns in zip(actions, levels, strict=True)
                    for n in ns
                ),
                batch_size=5000,
            )
            Action.partner_items.through.objects.bulk_create(
                (
                    Action.partner_items.through(action_id=a.pk, ressourceitem_id=rng.choice(partners).pk)
                    for a in actions
                    if rng.random() < 0.4
                ),
                batch_size=5000,
            )
        print(f"  {min(start + batch, n_schools)}/{n_schools} établissements", flush=True)


def reset() -> None:
    schools = Etablissement.objects.filter(name__startswith=PREFIX)
    Action.objects.filter(programme__ppo__etablissement__in=schools).delete()
    PPO.objects.filter(etablissement__in=schools).delete()
    schools.delete()


def measure(client, url: str, runs: int) -> tuple[float, float, int]:
    """Median response time, median time spent in SQL (sum of the queries' durations) and number of queries."""
    client.get(url)  # warm-up
    timings, sql = [], []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as ctx:
            t0 = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - t0)
        assert response.status_code == 200, (url, response.status_code)
        sql.append(sum(float(q["time"]) for q in ctx.captured_queries))
    return statistics.median(timings), statistics.median(sql), len(ctx.captured_queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--schools", type=int, default=900)
    parser.add_argument("--actions", type=int, default=100)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--reset", action="store_true")
    args = parser.parse_args()
    print(f"Base : {connection.vendor} ({connection.settings_dict['NAME']})", flush=True)
    call_command("migrate", verbosity=0)
    if args.reset:
        reset()
    existing = Etablissement.objects.filter(name__startswith=PREFIX).count()
    if existing < args.schools:
        if existing:
            reset()
        print("Génération du jeu de données…", flush=True)
        t0 = time.perf_counter()
        generate(n_schools=args.schools, n_actions=args.actions)
        print(f"  généré en {time.perf_counter() - t0:.0f} s", flush=True)
    n_actions = Action.objects.filter(programme__ppo__etablissement__name__startswith=PREFIX).count()
    print(f"Jeu : {args.schools} établissements, {len(YEARS)} années, {n_actions} actions", flush=True)
    user, _ = User.objects.get_or_create(email="banc.academie@example.fr")
    Membership.objects.get_or_create(user=user, role=Role.ACADEMIE, academie=Academie.objects.get(code="70"))
    setup_test_environment()
    client = Client()
    client.force_login(user)
    for label, url in [
        ("Tableau de bord", f"/academie/analyse/?annee={YEARS[-1]}"),
        (
            "Tableau de bord, un bassin",
            f"/academie/analyse/?annee={YEARS[-1]}&bassin={Bassin.objects.filter(name__startswith=PREFIX).first().pk}",
        ),
        ("Liste des établissements", f"/academie/analyse/etablissements/?annee={YEARS[-1]}"),
        ("Carte", f"/academie/analyse/carte/?annee={YEARS[-1]}"),
        ("Export XLSX de tous les tableaux", f"/academie/analyse/export/?annee={YEARS[-1]}&table=tout"),
    ]:
        median, sql, queries = measure(client, url, args.runs)
        print(
            f"{label:<36} médiane {median * 1000:7.0f} ms (dont SQL {sql * 1000:5.0f} ms) sur {args.runs} essais, "
            f"{queries} requêtes SQL",
            flush=True,
        )


if __name__ == "__main__":
    main()
