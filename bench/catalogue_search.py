"""Benchmark of the catalogue search on PostgreSQL with 20,000 offers.

    .venv/bin/python bench/catalogue_search.py [--offers 20000] [--runs 15]

Uses DATABASE_URL, by default postgres://postgres@127.0.0.1:5432/ppo_bench_catalogue (created if missing, migrated,
then refilled: the bench deletes the offers it finds there). Prints the median time of typical searches, measured
as the catalogue page runs them: the count, then the first page of 20 results with their relations.
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/ppo_bench_catalogue"
os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")


def ensure_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


WORDS = [
    "découverte", "atelier", "rencontre", "professionnels", "apprentis", "entreprise", "industrie", "santé",
    "commerce", "agriculture", "transport", "logistique", "bâtiment", "énergie", "environnement", "tourisme",
    "hôtellerie", "restauration", "mécanique", "électricité", "robotique", "maintenance", "chantier", "laboratoire",
    "collégiens", "lycéens", "orientation", "formation", "stage", "visite", "salon", "forum", "témoignage",
    "égalité", "mixité", "innovation", "territoire", "Normandie", "port", "mer", "aéronautique", "textile",
]  # fmt: skip


def load_metiers() -> None:
    """The ONISEP métiers of the shared data, when present (the bench tags offers with them)."""
    from ppo.partenaires.models import Metier
    from ppo.partenaires.onisep import parse_metiers
    from ppo.partenaires.services.metiers import metiers_import

    shared = Path(os.environ.get("PPO_SHARED_DATA", ROOT.parent / "shared" / "data"))
    path = shared / "onisep" / "ideo-metiers_onisep.csv"
    if path.is_file() and not Metier.objects.filter(onisep_id__startswith="MET.").count() > 100:
        records, rows = parse_metiers(path.read_bytes())
        metiers_import(records=records, rows=rows)


def fill(count: int) -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    from ppo.partenaires.enums import StatutOffre, TypeOffre
    from ppo.partenaires.models import Metier, Offre, Structure
    from ppo.partenaires.search import index_text
    from ppo.partenaires.services.offres import offres_refresh_vectors
    from ppo.plans.models import Axe
    from ppo.referentiel.models import Academie, Bassin, Departement, Niveau

    rng = random.Random(2026)
    load_metiers()
    metiers = list(Metier.objects.all()) or [
        Metier.objects.create(onisep_id="MET.899", label="soudeur / soudeuse", rome_codes="H2913", onisep_url="x"),
        Metier.objects.create(onisep_id="MET.12", label="développeur / développeuse informatique", onisep_url="x"),
    ]
    academies = list(Academie.objects.all())
    normandie = Academie.objects.get(code="70")
    deps = [
        Departement.objects.get_or_create(code=code, defaults={"name": name, "academie": normandie})[0]
        for code, name in [("014", "Calvados"), ("050", "Manche"), ("076", "Seine-Maritime")]
    ]
    bassins = [
        Bassin.objects.get_or_create(academie=normandie, name=name, defaults={"departement": dep})[0]
        for name, dep in [("Caen", deps[0]), ("Cotentin", deps[1]), ("Rouen", deps[2])]
    ]
    niveaux, axes = list(Niveau.objects.all()), list(Axe.objects.all())
    structures = [
        Structure.objects.get_or_create(name=f"Partenaire du banc {i}", defaults={"kind": "entreprise"})[0]
        for i in range(50)
    ]
    kinds = list(TypeOffre)
    # Descriptions draw on the words of the ONISEP métiers, so that a word is not in every other offer.
    vocabulary = sorted({w for m in metiers for w in (m.label + " " + m.rome_labels).split() if len(w) > 3})
    with transaction.atomic():
        Offre.objects.filter(structure__in=structures).delete()
        now = timezone.now()
        offres = []
        chosen = []
        for i in range(count):
            ms = rng.sample(metiers, 2)
            kind = rng.choice(kinds)
            title = f"{kind.label} : {ms[0].label.split(' / ')[0]}"
            description = (
                " ".join(rng.choices(WORDS, k=12) + rng.choices(vocabulary, k=25)) + f". Avec un {ms[1].label}."
            )
            if i % 200 == 0:
                description += " Initiation à la soudure et aux métiers du numérique."
            structure = rng.choice(structures)
            text = index_text(
                title, description, kind.label, structure.name, " ".join(m.label for m in ms),
                " ".join(m.rome_codes for m in ms),
            )  # fmt: skip
            offres.append(
                Offre(
                    structure=structure, title=title, description=description, kind=kind,
                    academie=normandie if i % 3 else rng.choice(academies), contact_name="Contact",
                    contact_email="contact@example.fr", is_free=i % 10 != 0,
                    cost_justification="" if i % 10 else "Transport", status=StatutOffre.VALIDEE,
                    last_confirmed_at=now, search_text=text,
                )
            )  # fmt: skip
            chosen.append(ms)
        offres = Offre.objects.bulk_create(offres, batch_size=2000)
        through = {name: getattr(Offre, name).through for name in ("niveaux", "axes", "metiers", "departements")}
        rows = {name: [] for name in through}
        rows["bassins"] = []
        for offre, ms in zip(offres, chosen, strict=True):
            for n in rng.sample(niveaux, 3):
                rows["niveaux"].append(through["niveaux"](offre_id=offre.pk, niveau_id=n.pk))
            rows["axes"].append(through["axes"](offre_id=offre.pk, axe_id=rng.choice(axes).pk))
            for m in ms:
                rows["metiers"].append(through["metiers"](offre_id=offre.pk, metier_id=m.pk))
            if offre.academie_id == normandie.pk and rng.random() < 0.5:
                rows["departements"].append(
                    through["departements"](offre_id=offre.pk, departement_id=rng.choice(deps).pk)
                )
            if offre.academie_id == normandie.pk and rng.random() < 0.3:
                rows["bassins"].append(Offre.bassins.through(offre_id=offre.pk, bassin_id=rng.choice(bassins).pk))
        for name, objs in rows.items():
            getattr(Offre, name).through.objects.bulk_create(objs, batch_size=5000)
        offres_refresh_vectors(queryset=Offre.objects.filter(structure__in=structures))
    # The bench deletes and re-inserts its offers, then updates each once: compact the table as a live
    # catalogue (vacuumed by autovacuum) would be, so that the numbers do not depend on earlier runs.
    with connection.cursor() as cursor:
        for table in (
            "partenaires_offre",
            "partenaires_offre_niveaux",
            "partenaires_offre_axes",
            "partenaires_offre_metiers",
            "partenaires_offre_departements",
            "partenaires_offre_bassins",
        ):
            cursor.execute(f"VACUUM FULL ANALYZE {table}")


def run_queries(runs: int, jit: bool) -> list[tuple[str, float, float, int]]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SET jit = {'on' if jit else 'off'}")

    from ppo.partenaires.selectors import CatalogueFilters, catalogue_page, catalogue_search
    from ppo.plans.models import Axe
    from ppo.referentiel.models import Bassin, Departement, Etablissement, Niveau

    school = Etablissement.objects.filter(bassin__isnull=False).first()
    if school is None:
        from ppo.referentiel.models import Academie

        school = Etablissement(
            pk=0, academie=Academie.objects.get(code="70"), departement=Departement.objects.get(code="050"),
            bassin=Bassin.objects.get(name="Cotentin"),
        )  # fmt: skip
    cases = [
        ("« soudure »", CatalogueFilters(query="soudure")),
        ("« métiers du numérique »", CatalogueFilters(query="métiers du numérique")),
        ("« maintenance industrie »", CatalogueFilters(query="maintenance industrie")),
        ("sans texte, tri par proximité", CatalogueFilters()),
        ("niveau 3e + axe 1 + gratuites", CatalogueFilters(niveau=Niveau.objects.get(code="3e"), axe=Axe.objects.get(number=1), free_only=True)),
        ("« robotique » + département Manche", CatalogueFilters(query="robotique", departement=Departement.objects.get(code="050"))),
        ("« soudure » + bassin Cotentin", CatalogueFilters(query="soudure", bassin=Bassin.objects.get(name="Cotentin"))),
    ]  # fmt: skip
    results = []
    for label, filters in cases:
        timings, server = [], []
        for _ in range(runs):
            start = time.perf_counter()
            page, _offres = catalogue_page(filters=filters, etablissement=school)
            total = page.paginator.count
            timings.append((time.perf_counter() - start) * 1000)
            ordered = catalogue_search(filters=filters, etablissement=school).values_list("pk", flat=True)
            plan = json.loads(ordered[:20].explain(format="json", analyze=True))
            server.append(plan[0]["Execution Time"])
        results.append((label, statistics.median(timings), statistics.median(server), total))
    connection.close()
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    url = os.environ["DATABASE_URL"]
    if not url.startswith("postgres"):
        sys.exit("Ce banc d’essai mesure la recherche plein texte de PostgreSQL : DATABASE_URL doit y pointer.")
    ensure_database(url)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    fill(args.offers)
    print(f"{args.offers} offres créées et indexées en {time.perf_counter() - start:.1f} s")
    from ppo.partenaires.models import Offre

    print(f"Offres en base : {Offre.objects.count()} ; charge de la machine : {os.getloadavg()[0]:.1f}")
    print(f"Médianes sur {args.runs} exécutions : de bout en bout (comptage + 1re page de 20 avec ses relations,")
    print(
        "depuis Django) et côté serveur (exécution de la requête qui ordonne et choisit les 20 premières, EXPLAIN ANALYZE)."
    )
    for jit in (True, False):
        print(f"JIT de PostgreSQL {'activé (réglage par défaut)' if jit else 'désactivé (SET jit = off)'} :")
        for label, median, server, total in run_queries(args.runs, jit):
            print(f"  {label:<38} {median:7.1f} ms   serveur {server:6.1f} ms   ({total} résultats)")


if __name__ == "__main__":
    main()
