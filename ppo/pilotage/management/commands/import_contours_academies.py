from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ppo.pilotage.contours import TOLERANCE, contours_import


class Command(BaseCommand):
    help = "Importe les contours simplifiés des académies (GeoJSON « fr-en-contour-academies-2020 ») pour la carte."

    def add_arguments(self, parser):
        parser.add_argument("geojson", type=Path, help="Chemin du fichier GeoJSON des contours des académies.")
        parser.add_argument("--tolerance", type=float, default=TOLERANCE, help="Tolérance de simplification (degrés).")

    def handle(self, *args, geojson, tolerance, **options):
        if not geojson.exists():
            raise CommandError(f"Fichier introuvable : {geojson}")
        try:
            kept = contours_import(path=geojson, tolerance=tolerance)
        except (ValueError, KeyError, TypeError) as exc:
            raise CommandError(f"Fichier illisible : {exc}") from exc
        self.stdout.write(
            self.style.SUCCESS(f"{len(kept)} contours d’académie importés ({sum(kept.values())} points au total).")
        )
