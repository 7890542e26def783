"""Benchmark of the exports of a programme of 150 actions (a script, not a test).

Two tables. The first times each builder alone, without any cache: what a background worker spends on the PDF.
The second times the whole download request as a user makes it (test client, logged in as the direction: view,
permissions, content, hash, response), the PDF being the one prepared by the worker (ADR 011) and the other
formats built in the request (the cache is cleared before each run).

    ./.venv/bin/python bench/documents_export.py [--runs 5] [--actions 150]

Creates a throw-away test database (SQLite in memory unless DATABASE_URL says otherwise), a lycée professionnel
with one programme of N actions (one action in two done, with pupils reached, and a bilan: the exports carry the
bilan section; `--sans-bilan` leaves the follow-up empty), then times the content selector and each builder over several runs, without the
cache. Prints a table (milliseconds): wall-clock min, median and max, median CPU time of the process (less
sensitive to other work on the machine), and the size of each file.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--actions", type=int, default=150)
    parser.add_argument("--sans-bilan", action="store_true", help="no follow-up, hence no bilan section")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        run(args)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run(args):
    from ppo.comptes.enums import Role
    from ppo.documents.builders.calendar import build_ics
    from ppo.documents.builders.pdf import build_pdf
    from ppo.documents.builders.sheet import build_xlsx
    from ppo.documents.builders.word import build_docx
    from ppo.documents.selectors import programme_document
    from tests.documents.factories import rich_programme
    from tests.factories import EtablissementFactory, user_with

    etablissement = EtablissementFactory(lp=True)
    user = user_with(Role.DIRECTION, etablissement=etablissement)
    programme = rich_programme(etablissement=etablissement, user=user, extra_actions=max(args.actions - 4, 0))
    if not args.sans_bilan:
        _follow_up(programme)
    content = programme_document(programme=programme)
    public = programme_document(programme=programme, public=True)
    steps = {
        "contenu (sélecteur)": lambda: programme_document(programme=programme) and b"",
        "Word (.docx)": lambda: build_docx(content),
        "PDF complet": lambda: build_pdf(content),
        "PDF familles": lambda: build_pdf(public),
        "Excel (.xlsx)": lambda: build_xlsx(content),
        "Calendrier (.ics)": lambda: build_ics(name="PPO", events=list(content.calendar)),
    }
    build_pdf(content)  # warm-up: WeasyPrint loads its stylesheets and fonts on first use
    bilan = "sans bilan" if content.bilan is None else "avec la section bilan"
    print(f"Programme de {programme.actions.count()} actions ({bilan}), {args.runs} passages, temps en ms")
    print(f"{'construction seule':<30}{'min':>8}{'médiane':>10}{'max':>8}{'CPU':>8}{'taille':>10}")
    for name, step in steps.items():
        times, cpu, size = [], [], 0
        for _ in range(args.runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            data = step()
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
            size = len(data)
        _line(name, times, cpu, size)
    _downloads(args, programme, user)


def _line(name, times, cpu, size):
    size_label = f"{size / 1024:.0f} ko" if size else "—"
    print(
        f"{name:<30}{min(times):>8.0f}{statistics.median(times):>10.0f}{max(times):>8.0f}"
        f"{statistics.median(cpu):>8.0f}{size_label:>10}"
    )


def _downloads(args, programme, user):
    from django.core.cache import cache
    from django.test import Client
    from django.urls import reverse

    from ppo.documents import services

    for public in (False, True):
        services.pdf_prepare(programme_id=programme.pk, public=public)
    client = Client()
    client.force_login(user)
    urls = {
        "PDF complet (préparé)": reverse("documents:download", args=[programme.pk, "pdf"]),
        "PDF familles (préparé)": reverse("documents:family_pdf", args=[programme.pk]),
        "Word (.docx)": reverse("documents:download", args=[programme.pk, "docx"]),
        "Excel (.xlsx)": reverse("documents:download", args=[programme.pk, "xlsx"]),
        "Calendrier (.ics)": reverse("documents:download", args=[programme.pk, "ics"]),
    }
    print()
    print("Téléchargement de bout en bout (requête complète), temps en ms")
    print(f"{'requête':<30}{'min':>8}{'médiane':>10}{'max':>8}{'CPU':>8}{'taille':>10}")
    for name, url in urls.items():
        times, cpu, size = [], [], 0
        for _ in range(args.runs):
            cache.clear()
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
            assert response.status_code == 200, (url, response.status_code)
            size = len(response.content)
        _line(name, times, cpu, size)


def _follow_up(programme):
    from ppo.suivi.enums import StatutSuivi
    from ppo.suivi.models import Bilan, SuiviAction

    actions = list(programme.actions.order_by("pk"))[::2]
    SuiviAction.objects.bulk_create(
        SuiviAction(action=action, status=StatutSuivi.REALISEE, girls=10, boys=12, partners_other="Mission locale")
        for action in actions
    )
    Bilan.objects.create(programme=programme, synthesis="Synthèse de l’année.", next_steps="Perspectives.")


if __name__ == "__main__":
    main()
