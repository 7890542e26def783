from ppo.referentiel.importers import departements_import
from ppo.referentiel.management.commands._import import ImportCommand


class Command(ImportCommand):
    help = "Importe la table département → académie → région (BCN)."
    importer = departements_import
