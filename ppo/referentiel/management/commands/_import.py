"""What the import commands share: the file argument, `--dry-run`, `--report`, the progress bar, French errors."""

import sys
import time
from contextlib import contextmanager
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from ppo.referentiel.csvfile import ImportFileError, Skipped, write_report


def add_report_argument(parser):
    parser.add_argument(
        "--report",
        metavar="FICHIER",
        help="Écrit la liste des lignes ignorées (ligne, identifiant, motif) dans ce fichier CSV.",
    )


@contextmanager
def progress_bar(command: BaseCommand, *, label: str):
    """A `progress(done, total)` callback drawing a tqdm bar on stderr; silent when stderr is not a terminal
    (tests, cron, logs) or with `-v 0`."""
    enabled = command.verbosity > 0 and getattr(sys.stderr, "isatty", lambda: False)()
    if not enabled:
        yield None
        return
    bar = tqdm(desc=label, unit=" lignes", file=sys.stderr, leave=False, dynamic_ncols=True)

    def progress(done: int, total: int) -> None:
        bar.total = total
        bar.update(done - bar.n)
        if done == total:
            bar.refresh()

    try:
        yield progress
    finally:
        bar.close()


def report_write(command: BaseCommand, path: str | None, skipped: list[Skipped]) -> None:
    if not path:
        return
    target = Path(path)
    try:
        with target.open("w", encoding="utf-8-sig", newline="") as out:
            write_report(out, skipped)
    except OSError as exc:
        raise CommandError(f"Impossible d’écrire le rapport {target} : {exc.strerror}.") from exc
    command.stdout.write(f"Rapport des lignes ignorées : {target} ({len(skipped)} ligne(s))")


class ImportCommand(BaseCommand):
    importer = None  # a function of ppo.referentiel.importers

    def add_arguments(self, parser):
        parser.add_argument("path", help="Chemin du fichier CSV, tel que publié (séparateur « ; », UTF-8).")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Lit le fichier et affiche ce qui serait fait, sans rien enregistrer.",
        )
        add_report_argument(parser)

    def handle(self, *args, path, dry_run, report=None, **options):
        self.verbosity = options.get("verbosity", 1)
        start = time.perf_counter()
        try:
            with progress_bar(self, label=Path(path).name) as progress:
                summary = type(self).importer(path=path, dry_run=dry_run, progress=progress)
        except ImportFileError as exc:
            message = str(exc) if "enregistré" in str(exc) else f"{exc} Rien n’a été enregistré."
            raise CommandError(message) from exc
        for line in summary.lines():
            self.stdout.write(line)
        report_write(self, report, summary.skipped_rows)
        self.stdout.write(f"Durée : {time.perf_counter() - start:.2f} s")
