from django.db import models


class TypeStructure(models.TextChoices):
    REGION = "region", "Région"
    AGENCE_ORIENTATION = "agence", "Agence régionale de l’orientation et des métiers"
    BRANCHE = "branche", "Branche professionnelle"
    CCI = "cci", "Chambre de commerce et d’industrie"
    CMA = "cma", "Chambre de métiers et de l’artisanat"
    ENTREPRISE = "entreprise", "Entreprise"
    ASSOCIATION = "association", "Association"
    ENSEIGNEMENT_SUPERIEUR = "superieur", "Établissement d’enseignement supérieur"
    CIO = "cio", "Centre d’information et d’orientation"
    AUTRE = "autre", "Autre"
