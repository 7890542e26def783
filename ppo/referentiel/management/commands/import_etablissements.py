from ppo.referentiel.importers import etablissements_import
from ppo.referentiel.management.commands._import import ImportCommand


class Command(ImportCommand):
    help = "Importe l’export « adresse et géolocalisation des établissements » de l’annuaire de l’éducation."
    importer = etablissements_import
