"""Imports a national indicator file (any format of ppo.diagnostic.importers.formats) for every known school."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ppo.diagnostic.importers.base import ImportRefused
from ppo.diagnostic.services import valeurs_import
from ppo.referentiel.management.commands._import import add_report_argument, progress_bar, report_write


class Command(BaseCommand):
    help = "Importe un fichier national d’indicateurs pour tous les établissements connus de la plateforme."

    def add_arguments(self, parser):
        parser.add_argument("fichier", help="Fichier CSV ou XLSX.")
        parser.add_argument(
            "--annee", type=int, help="Année scolaire des données (2021 pour 2021-2022) si le fichier ne la donne pas."
        )
        parser.add_argument("--dry-run", action="store_true", help="Lit et compte sans rien enregistrer.")
        add_report_argument(parser)

    def handle(self, *args, fichier, annee=None, dry_run=False, report=None, **options):
        self.verbosity = options.get("verbosity", 1)
        path = Path(fichier)
        if not path.is_file():
            raise CommandError(f"Fichier introuvable : {path}")
        try:
            with progress_bar(self, label=path.name) as progress, transaction.atomic():
                result = valeurs_import(name=path.name, data=path.read_bytes(), year=annee, progress=progress)
                if dry_run:
                    transaction.set_rollback(True)
        except ImportRefused as refused:
            raise CommandError("\n".join([refused.message, *refused.details])) from None
        self.stdout.write(result.summary)
        report_write(self, report, result.skipped_rows)
        if dry_run:
            self.stdout.write("Essai à blanc : rien n’a été enregistré.")
