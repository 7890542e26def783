"""A synthetic national data set on PostgreSQL, reusable by every bench.

About 11,000 schools of every kind (collèges, LGT, LP, LPO, EREA; public and private) in the 30 real académies
and their real départements, each with a PPO of 4 school years (the current one and the 3 before), about 100
actions a year, the follow-up of the actions of past years (and of part of the current year), the values of the
indicators, plus the accounts the benches log in with:

- `ecole<N>@bench.ppo` — rédacteur of the N-th school (N from 1 to --school-users);
- `academie<N>@bench.ppo` — académie user (--reviewers of them, spread over the académies, Normandie first);
- `vitrine@bench.ppo` — direction of the showcase school (`0149999` + letter) whose current programme has
  --grid-actions actions (the 150-action grid of the throughput bench);
- every password is `bench-ppo-mot-de-passe`.

Where /work/shared/data (../shared/data) holds the real annuaire and the département → académie table, the real
collèges of Normandie, Lille and Amiens keep their UAI, name, commune and position and the real départements are
used; without it, synthetic names and one département per académie code are generated.

The rows are written with PostgreSQL's COPY (ids given by the script, sequences moved after), no history rows.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ppo_bench_national .venv/bin/python bench/national_data.py
    … --schools 11000 --actions 100            # the default: national scale
    … --fresh                                  # no ANALYZE at the end (the planner has no statistics yet)

The database named in DATABASE_URL is DROPPED and created again (never point it at data you want to keep);
`--keep` keeps it when it already holds a data set of the same size. Other benches import `ensure()`.
"""

import argparse
import datetime
import json
import os
import random
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

PASSWORD = "bench-ppo-mot-de-passe"
SHOWCASE_UAI_NUMBER = "0149999"
DATA = Path(os.environ.get("PPO_SHARED_DATA", ROOT.parent / "shared" / "data"))
if not DATA.exists():
    DATA = Path("/work/shared/data")

# Share of the schools of each académie (roughly the number of collèges and lycées, DEPP).
ACADEMIE_WEIGHTS = {
    "25": 105, "24": 95, "09": 75, "02": 55, "10": 55, "16": 55, "17": 55, "04": 55, "11": 50, "08": 60,
    "14": 50, "01": 40, "70": 55, "12": 45, "18": 45, "15": 30, "23": 30, "13": 30, "19": 25, "20": 30,
    "03": 25, "07": 30, "06": 25, "22": 15, "28": 20, "27": 5, "31": 8, "32": 8, "33": 8, "43": 5,
}  # fmt: skip
KINDS = [("college", 62), ("lgt", 12), ("lp", 14), ("lpo", 10), ("erea", 2)]
LAST_YEAR = [("valide", 25), ("publie", 5), ("transmis", 20), ("a_completer", 10), ("brouillon", 25), (None, 15)]
PAST_YEARS = [("publie", 80), ("valide", 20)]
SUIVI_STATUSES = [("realisee", 70), ("reportee", 10), ("annulee", 5), ("prevue", 15)]
TITLES = [
    "Découverte des métiers avec les parents d’élèves",
    "Visite d’un lycée professionnel du bassin",
    "Forum des formations et des métiers",
    "Stage d’observation en milieu professionnel",
    "Entretien personnalisé d’orientation",
    "Rencontre avec des anciens élèves",
    "Atelier Parcoursup : formuler ses vœux",
    "Semaine de l’industrie : visite d’entreprise",
    "Mini-stages en lycée",
    "Intervention d’une ambassadrice des métiers",
    "Heures d’accompagnement au choix de l’orientation",
    "Réunion d’information des familles sur Affelnet",
]


def _pick(rng, weighted):
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


def _setup():
    import django

    django.setup()


# --- database ---------------------------------------------------------------------------------------------------


def recreate_database():
    """Drop and create the database of DATABASE_URL (connecting to the `postgres` database)."""
    import psycopg
    from django.conf import settings

    db = settings.DATABASES["default"]
    assert db["ENGINE"] == "django.db.backends.postgresql", "DATABASE_URL doit désigner une base PostgreSQL"
    name = db["NAME"]
    conninfo = {k: v for k, v in {"host": db["HOST"], "port": db["PORT"], "user": db["USER"]}.items() if v}
    if db.get("PASSWORD"):
        conninfo["password"] = db["PASSWORD"]
    with psycopg.connect(dbname="postgres", autocommit=True, **conninfo) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


class Copier:
    """COPY rows of a model's table: every concrete column, the given values by attname, defaults for the rest."""

    def __init__(self, cursor, model, fields, now):
        self.cursor = cursor
        self.table = model._meta.db_table
        concrete = list(model._meta.concrete_fields)
        self.columns = [f.column for f in concrete]
        self.positions = [[f.attname for f in concrete].index(name) for name in fields]
        self.template = []
        self.uuid_positions = []
        for i, f in enumerate(concrete):
            if f.primary_key:
                value = None
            elif getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                value = now
            elif f.has_default():
                if f.default is uuid.uuid4:
                    self.uuid_positions.append(i)
                    value = None
                else:
                    value = f.get_default()
                    if isinstance(value, dict | list):
                        value = json.dumps(value)
            elif f.null:
                value = None
            elif f.get_internal_type() in ("CharField", "TextField", "SlugField", "EmailField"):
                value = ""
            else:
                value = None
            self.template.append(value)
        self.pk_position = next(i for i, f in enumerate(concrete) if f.primary_key)
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {self.table}")
        self.next_id = cursor.fetchone()[0] + 1
        self.count = 0

    def __enter__(self):
        cols = ", ".join(f'"{c}"' for c in self.columns)
        self._ctx = self.cursor.copy(f'COPY "{self.table}" ({cols}) FROM STDIN')
        self._copy = self._ctx.__enter__()
        return self

    def write(self, *values) -> int:
        row = list(self.template)
        pk = self.next_id
        self.next_id += 1
        row[self.pk_position] = pk
        for position, value in zip(self.positions, values, strict=True):
            row[position] = value
        for position in self.uuid_positions:
            row[position] = uuid.uuid4()
        self._copy.write_row(row)
        self.count += 1
        return pk

    def __exit__(self, *exc):
        self._ctx.__exit__(*exc)
        self.cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{self.table}', 'id'), GREATEST(%s, 1))", [self.next_id - 1]
        )


def copy_m2m(cursor, through, pairs, columns):
    table = through._meta.db_table
    with cursor.copy(f'COPY "{table}" ({", ".join(columns)}) FROM STDIN') as copy:
        n = 0
        for pair in pairs:
            copy.write_row(pair)
            n += 1
    cursor.execute(
        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT COALESCE(MAX(id), 1) FROM {table}))"
    )
    return n


# --- reference data ---------------------------------------------------------------------------------------------


def load_departements():
    """(code, name, académie code) of the real départements when the open data is here, else one per académie."""
    from ppo.referentiel.frame import ACADEMIES, LEGACY_ACADEMIE_CODES

    known = {code for code, _, _ in ACADEMIES}
    path = DATA / "referentiel" / "departements_academies_regions.csv"
    rows = []
    if path.exists():
        import csv

        with path.open(encoding="utf-8-sig") as f:
            for row in csv.DictReader(f, delimiter=";"):
                academie = LEGACY_ACADEMIE_CODES.get(row["codeAcademie"], row["codeAcademie"])
                code = row["codeDepartement"].strip()
                if academie in known and code and len(code) == 3:
                    rows.append((code, row["libelleDepartement"].strip(), academie))
    seen = {a for _, _, a in rows}
    for i, (code, name, _) in enumerate(ACADEMIES):
        if code not in seen:  # no open data (or an académie without département in it): a synthetic one
            rows.append((f"9{i:02d}", f"Département de {name}", code))
    unique = {}
    for code, name, academie in rows:
        unique.setdefault(code, (code, name, academie))
    return list(unique.values())


def load_real_colleges():
    """Real collèges (UAI, name, commune, département code, lat, lon, secteur) from the annuaire, if present."""
    path = (
        DATA
        / "annuaire"
        / "fr-en-adresse-et-geolocalisation-etablissements-premier-et-second-degre.colleges-normandie-lille-amiens.csv"
    )
    if not path.exists():
        return []
    import csv

    out = []
    with path.open(encoding="utf-8-sig") as f:
        for row in csv.DictReader(f, delimiter=";"):
            try:
                lat, lon = float(row["latitude"]), float(row["longitude"])
            except ValueError:
                lat = lon = None
            out.append(
                (
                    row["numero_uai"].strip().upper(),
                    row["appellation_officielle"].strip() or row["denomination_principale"].strip(),
                    row["libelle_commune"].strip(),
                    row["code_departement"].strip(),
                    lat,
                    lon,
                    "prive" if row["secteur_public_prive_libe"].strip().lower().startswith("priv") else "public",
                )
            )
    return out


# --- generation -------------------------------------------------------------------------------------------------


def generate(*, n_schools: int, n_actions: int, school_users: int, reviewers: int, grid_actions: int, seed=17):
    from django.contrib.auth.hashers import make_password
    from django.db import connection, transaction
    from django.utils import timezone

    from ppo.campagnes.models import Campagne
    from ppo.comptes.models import Membership, User
    from ppo.core.dates import current_school_year
    from ppo.diagnostic.models import Indicateur, ValeurIndicateur
    from ppo.plans.models import PPO, Action, Axe, ProgrammeAnnuel, RessourceItem
    from ppo.referentiel.models import Academie, Bassin, Departement, Etablissement, Niveau
    from ppo.referentiel.uai import uai_check_letter
    from ppo.suivi.models import SuiviAction

    rng = random.Random(seed)
    now = timezone.now()
    current = current_school_year()
    years = [current - 3, current - 2, current - 1, current]
    timings = {}

    t0 = time.perf_counter()
    academies = {a.code: a for a in Academie.objects.all()}
    deps = load_departements()
    Departement.objects.bulk_create(
        [Departement(code=c, name=n, academie=academies[a]) for c, n, a in deps], ignore_conflicts=True
    )
    departements = {d.code: d for d in Departement.objects.all()}
    deps_by_academie = {}
    for d in departements.values():
        deps_by_academie.setdefault(d.academie.code, []).append(d)
    bassins = Bassin.objects.bulk_create(
        [
            Bassin(academie=d.academie, departement=d, name=f"Bassin {d.name} ({d.code}) {i + 1}")
            for d in departements.values()
            for i in range(3)
        ]
    )
    bassins_by_dep = {}
    for b in bassins:
        bassins_by_dep.setdefault(b.departement_id, []).append(b)
    niveaux_by_kind = {}
    for n in Niveau.objects.all():
        for kind in n.default_for_kinds:
            niveaux_by_kind.setdefault(kind, []).append(n.pk)
    axes = list(Axe.objects.values_list("pk", flat=True))
    partners = list(RessourceItem.objects.filter(category="partenariats").values_list("pk", flat=True))
    indicateurs = list(Indicateur.objects.values_list("pk", flat=True))
    action_kinds = [k for k, _ in Action._meta.get_field("kind").choices]

    # Schools: the real collèges first (where the annuaire is here), then synthetic ones, spread by weight.
    real = load_real_colleges()
    schools = []  # (uai, name, kind, secteur, commune, departement, academie, bassin, lat, lon)
    counters = {}
    for uai, name, commune, dep_code, lat, lon, secteur in real[: max(0, n_schools - 1)]:
        dep = departements.get(dep_code)
        if dep is None:
            continue
        bassin = rng.choice(bassins_by_dep[dep.pk])
        schools.append((uai, name, "college", secteur, commune, dep, dep.academie, bassin, lat, lon))
    real_count = len(schools)
    codes = list(ACADEMIE_WEIGHTS)
    weights = [ACADEMIE_WEIGHTS[c] for c in codes]
    kind_names = {"college": "Collège", "lgt": "Lycée", "lp": "Lycée professionnel", "lpo": "Lycée polyvalent",
                  "erea": "EREA"}  # fmt: skip
    while len(schools) < n_schools - 1:
        academie_code = rng.choices(codes, weights=weights)[0]
        dep = rng.choice(deps_by_academie[academie_code])
        prefix = "".join(c if c.isdigit() else "0" for c in dep.code[-3:])  # 02A (Corse-du-Sud): 020
        n = counters[prefix] = counters.get(prefix, 0) + 1
        number = f"{prefix}{8000 + n:04d}"
        kind = _pick(rng, KINDS)
        bassin = rng.choice(bassins_by_dep[dep.pk])
        schools.append(
            (
                number + uai_check_letter(number),
                f"{kind_names[kind]} {rng.choice(['Jean Moulin', 'Marie Curie', 'Jules Ferry', 'Victor Hugo', 'Louise Michel', 'Simone Veil', 'Albert Camus', 'George Sand'])} {n}",
                kind,
                "prive" if rng.random() < 0.2 else "public",
                f"Commune {n} ({dep.name})",
                dep,
                dep.academie,
                bassin,
                None,
                None,
            )
        )
    normandie = departements.get("014") or deps_by_academie["70"][0]
    schools.insert(
        0,
        (
            SHOWCASE_UAI_NUMBER + uai_check_letter(SHOWCASE_UAI_NUMBER),
            "Lycée polyvalent Vitrine du banc d’essai",
            "lpo",
            "public",
            "Caen",
            normandie,
            normandie.academie,
            bassins_by_dep[normandie.pk][0],
            49.18,
            -0.37,
        ),
    )
    timings["référentiel"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_programmes = n_act = n_suivi = n_values = 0
    with transaction.atomic(), connection.cursor() as cursor:
        cur = cursor.cursor  # the psycopg cursor, for COPY
        school_ids = []
        kinds_of = {}
        with Copier(
            cur,
            Etablissement,
            ["uai", "name", "kind", "secteur", "commune", "departement_id", "academie_id", "bassin_id", "latitude",
             "longitude", "effectif"],
            now,
        ) as copier:  # fmt: skip
            for uai, name, kind, secteur, commune, dep, academie, bassin, lat, lon in schools:
                pk = copier.write(
                    uai, name, kind, secteur, commune, dep.pk, academie.pk, bassin.pk, lat, lon, rng.randint(200, 1500)
                )
                school_ids.append(pk)
                kinds_of[pk] = kind
        copy_m2m(
            cur,
            Etablissement.niveaux.through,
            ((s, n) for s in school_ids for n in niveaux_by_kind.get(kinds_of[s], [])),
            ["etablissement_id", "niveau_id"],
        )
        with Copier(cur, PPO, ["etablissement_id", "first_year", "last_year"], now) as copier:
            ppo_ids = [copier.write(s, years[0], years[-1]) for s in school_ids]
        timings["établissements"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        programmes = []  # (programme id, school id, year, status)
        with Copier(cur, ProgrammeAnnuel, ["ppo_id", "year", "status", "previous_id"], now) as copier:
            for index, (ppo_id, school_id) in enumerate(zip(ppo_ids, school_ids, strict=True)):
                last = "brouillon" if index == 0 else _pick(rng, LAST_YEAR)
                if index and index <= school_users and last is None:
                    last = "brouillon"  # every school user has a programme to edit
                previous = None
                for year in years:
                    status = _pick(rng, PAST_YEARS) if year < years[-1] else last
                    if status is None:
                        continue
                    previous = copier.write(ppo_id, year, status, previous)
                    programmes.append((previous, school_id, year, status))
        n_programmes = len(programmes)
        timings["programmes"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        action_levels = []
        action_partners = []
        suivi_rows = []
        with Copier(
            cur,
            Action,
            ["programme_id", "axe_id", "title", "kind", "period", "description", "public_description", "hours",
             "gender_equality", "order", "pupils_count"],
            now,
        ) as copier:  # fmt: skip
            for index, (programme_id, school_id, year, _status) in enumerate(programmes):
                count = (
                    grid_actions if index < 4 and year == years[-1] else rng.randint(n_actions - 20, n_actions + 20)
                )
                levels = niveaux_by_kind.get(kinds_of[school_id], [])
                for order in range(count):
                    title = TITLES[order % len(TITLES)]
                    pk = copier.write(
                        programme_id,
                        axes[order % len(axes)],
                        f"{title} ({order + 1})",
                        action_kinds[order % len(action_kinds)],
                        rng.choice(["septembre", "novembre", "janvier à mars", "mai", "toute l’année"]),
                        "Les élèves préparent la rencontre en classe, puis échangent avec les intervenants.",
                        "Une rencontre pour découvrir des métiers et des formations." if order % 3 == 0 else "",
                        Decimal(rng.randint(1, 12)) / 2,
                        rng.random() < 0.2,
                        order,
                        rng.randint(20, 200),
                    )
                    if levels:
                        for level in rng.sample(levels, k=min(len(levels), rng.choice([1, 1, 2]))):
                            action_levels.append((pk, level))
                    if partners and rng.random() < 0.4:
                        action_partners.append((pk, rng.choice(partners)))
                    if year < years[-1] or rng.random() < 0.3:
                        suivi_rows.append(pk)
            n_act = copier.count
        copy_m2m(cur, Action.niveaux.through, action_levels, ["action_id", "niveau_id"])
        copy_m2m(cur, Action.partner_items.through, action_partners, ["action_id", "ressourceitem_id"])
        del action_levels, action_partners
        timings["actions"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        with Copier(
            cur, SuiviAction, ["action_id", "status", "hours_spent", "girls", "boys", "evaluation", "comment"], now
        ) as copier:
            for action_id in suivi_rows:
                status = _pick(rng, SUIVI_STATUSES)
                done = status == "realisee"
                copier.write(
                    action_id,
                    status,
                    Decimal(rng.randint(1, 10)) if done else None,
                    rng.randint(5, 60) if done else None,
                    rng.randint(5, 60) if done else None,
                    rng.choice(["oui", "partiellement", "non"]) if done else "",
                    "Bonne participation des élèves." if done and rng.random() < 0.3 else "",
                )
            n_suivi = copier.count
        del suivi_rows
        timings["suivis"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        with Copier(
            cur, ValeurIndicateur, ["etablissement_id", "indicateur_id", "year", "value", "source"], now
        ) as copier:
            for school_id in school_ids:
                for indicateur_id in indicateurs:
                    for year in years[:-1]:
                        copier.write(
                            school_id, indicateur_id, year, Decimal(rng.randint(300, 990)) / 10, "inserjeunes"
                        )
            n_values = copier.count
        timings["indicateurs"] = time.perf_counter() - t0

    # Campaigns of the current year, accounts.
    t0 = time.perf_counter()
    Campagne.objects.bulk_create(
        [Campagne(academie=a, year=years[-1], deadline=datetime.date(years[-1] + 1, 3, 27), kinds=[]) for a in
         academies.values()],
        ignore_conflicts=True,
    )  # fmt: skip
    password = make_password(PASSWORD)
    users = [User(email="vitrine@bench.ppo", first_name="Valérie", last_name="Vitrine", password=password)]
    users += [
        User(email=f"ecole{i}@bench.ppo", first_name="Rédacteur", last_name=f"École {i}", password=password)
        for i in range(1, school_users + 1)
    ]
    order = ["70", "09", "20", *[c for c in ACADEMIE_WEIGHTS if c not in ("70", "09", "20")]]
    users += [
        User(email=f"academie{i}@bench.ppo", first_name="Conseillère", last_name=f"Académie {i}", password=password)
        for i in range(1, reviewers + 1)
    ]
    users = User.objects.bulk_create(users, batch_size=1000)
    memberships = [Membership(user=users[0], role="direction", etablissement_id=school_ids[0])]
    memberships += [
        Membership(user=users[i], role="redacteur", etablissement_id=school_ids[i]) for i in range(1, school_users + 1)
    ]
    for j in range(reviewers):
        memberships.append(
            Membership(user=users[school_users + 1 + j], role="academie", academie=academies[order[j % len(order)]])
        )
    Membership.objects.bulk_create(memberships, batch_size=1000)
    timings["comptes et campagnes"] = time.perf_counter() - t0
    return {
        "établissements": len(school_ids),
        "dont réels (annuaire)": real_count,
        "programmes": n_programmes,
        "actions": n_act,
        "suivis": n_suivi,
        "valeurs d’indicateurs": n_values,
        "comptes": len(users),
    }, timings


def set_autovacuum(enabled: bool) -> None:
    """Autovacuum off on every table while the data set is "fresh" (else it analyses the tables within a minute)."""
    from django.db import connection

    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'ALTER TABLE "{table}" SET (autovacuum_enabled = {"true" if enabled else "false"})')


def analyse():
    """ANALYZE the whole database (and give the tables back to autovacuum): the "analysed" state of the benches."""
    from django.db import connection

    set_autovacuum(True)
    t0 = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return time.perf_counter() - t0


def dataset_size():
    """Number of schools of the data set in the current database (0 if there is none)."""
    from django.db import connection
    from django.db.utils import DatabaseError

    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM referentiel_etablissement")
            return cursor.fetchone()[0]
    except DatabaseError:
        return 0


def ensure(*, schools=11000, actions=100, school_users=2000, reviewers=50, grid_actions=150, fresh=False, keep=True):
    """Make sure the database of DATABASE_URL holds a data set of this size; (re)create it otherwise."""
    from django.core.management import call_command
    from django.db import connection

    if keep and dataset_size() == schools:
        print(f"Jeu de données national déjà chargé ({schools} établissements).", flush=True)
        if not fresh:
            return
    connection.close()
    t_start = time.perf_counter()
    recreate_database()
    connection.close()
    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    t_migrate = time.perf_counter() - t0
    if fresh:
        set_autovacuum(False)
    counts, timings = generate(
        n_schools=schools,
        n_actions=actions,
        school_users=min(school_users, schools - 1),
        reviewers=reviewers,
        grid_actions=grid_actions,
    )
    t_analyse = None if fresh else analyse()
    total = time.perf_counter() - t_start
    print("Chargé :", ", ".join(f"{v:,} {k}".replace(",", " ") for k, v in counts.items()))
    print(f"  migrations {t_migrate:.1f} s ; " + " ; ".join(f"{k} {v:.1f} s" for k, v in timings.items()))
    print(
        f"  ANALYZE {'non (--fresh)' if t_analyse is None else f'{t_analyse:.1f} s'} ; total {total:.1f} s", flush=True
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--schools", type=int, default=11000)
    parser.add_argument("--actions", type=int, default=100, help="actions par programme annuel (± 20)")
    parser.add_argument("--school-users", type=int, default=2000)
    parser.add_argument("--reviewers", type=int, default=50)
    parser.add_argument("--grid-actions", type=int, default=150)
    parser.add_argument("--fresh", action="store_true", help="pas d’ANALYZE après le chargement")
    parser.add_argument("--keep", action="store_true", help="garder la base si elle a déjà ce nombre d’établissements")
    args = parser.parse_args()
    _setup()
    from django.db import connection

    print(f"Base : {connection.settings_dict['NAME']}", flush=True)
    ensure(
        schools=args.schools,
        actions=args.actions,
        school_users=args.school_users,
        reviewers=args.reviewers,
        grid_actions=args.grid_actions,
        fresh=args.fresh,
        keep=args.keep,
    )


if __name__ == "__main__":
    main()
