from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ppo.partenaires.onisep import OnisepFileError, parse_metiers
from ppo.partenaires.services.metiers import metiers_import


class Command(BaseCommand):
    help = "Importe la liste des métiers de l’ONISEP (ideo-metiers_onisep.csv), avec leurs codes ROME et secteurs."

    def add_arguments(self, parser):
        parser.add_argument("csv", help="Chemin du fichier CSV de l’ONISEP (séparateur « ; »).")
        parser.add_argument("--dry-run", action="store_true", help="Lit et vérifie le fichier sans rien enregistrer.")

    def handle(self, *args, **options):
        path = Path(options["csv"])
        if not path.is_file():
            raise CommandError(f"Fichier introuvable : {path}")
        try:
            records, rows = parse_metiers(path.read_bytes(), name=path.name)
        except OnisepFileError as exc:
            raise CommandError("Fichier refusé, rien n’est importé :\n" + "\n".join(exc.errors)) from exc
        summary = metiers_import(records=records, rows=rows, dry_run=options["dry_run"])
        self.stdout.write(self.style.SUCCESS(str(summary)))
