from ppo.referentiel.importers import ips_lycees_import
from ppo.referentiel.management.commands._import import ImportCommand


class Command(ImportCommand):
    help = "Importe l’export « IPS des lycées » : crée les lycées absents, renseigne IPS et effectif."
    importer = ips_lycees_import
