"""`manage.py export_open_data`: the nightly regeneration of the open data file (a cron or systemd timer)."""

from django.core.management.base import BaseCommand

from ppo.api import services
from ppo.api.tasks import export_open_data


class Command(BaseCommand):
    help = "Régénère le fichier de données ouvertes des actions publiées (par le worker, ou tout de suite)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--maintenant", action="store_true", help="Construire le fichier ici, sans passer par le worker."
        )

    def handle(self, *args, maintenant=False, **options):
        if maintenant:
            export = services.open_data_regenerate()
            self.stdout.write(f"Fichier de données ouvertes généré : {export.rows} actions.")
            return
        result = export_open_data.enqueue()
        self.stdout.write(f"Régénération des données ouvertes confiée au worker (tâche {result.id}).")
