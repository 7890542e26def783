"""What the three import commands share: the file argument, `--dry-run`, the summary, French errors."""

import time

from django.core.management.base import BaseCommand, CommandError

from ppo.referentiel.csvfile import ImportFileError


class ImportCommand(BaseCommand):
    importer = None  # a function of ppo.referentiel.importers

    def add_arguments(self, parser):
        parser.add_argument("path", help="Chemin du fichier CSV, tel que publié (séparateur « ; », UTF-8).")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Lit le fichier et affiche ce qui serait fait, sans rien enregistrer.",
        )

    def handle(self, *args, path, dry_run, **options):
        start = time.perf_counter()
        try:
            summary = type(self).importer(path=path, dry_run=dry_run)
        except ImportFileError as exc:
            raise CommandError(f"{exc} Rien n’a été enregistré.") from exc
        for line in summary.lines():
            self.stdout.write(line)
        self.stdout.write(f"Durée : {time.perf_counter() - start:.2f} s")
