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


class TypeOffre(models.TextChoices):
    INTERVENTION = "intervention", "Intervention en classe"
    VISITE = "visite", "Visite"
    IMMERSION = "immersion", "Immersion"
    EVENEMENT = "evenement", "Événement"
    RESSOURCE = "ressource", "Outil ou ressource"
    FORMATION = "formation", "Formation des personnels"


class StatutOffre(models.TextChoices):
    BROUILLON = "brouillon", "Brouillon"
    SOUMISE = "soumise", "En attente de modération"
    VALIDEE = "validee", "Validée"
    REFUSEE = "refusee", "Refusée"


class TypeIntervention(models.TextChoices):
    """The three kinds of intervention of an ambassadeur métiers (Proch’Orientation, seed 004)."""

    GROUPE = "groupe", "Intervention devant un groupe sur un métier ou une famille de métiers"
    RENCONTRE = "rencontre", "Rencontre avec un élève ou un petit groupe"
    VISITE = "visite", "Visite d’entreprise"


class StatutDemande(models.TextChoices):
    DEMANDEE = "demandee", "Demandée"
    ACCEPTEE = "acceptee", "Acceptée"
    DECLINEE = "declinee", "Déclinée"
    PLANIFIEE = "planifiee", "Planifiée"
    REALISEE = "realisee", "Réalisée"


class CoteRetour(models.TextChoices):
    ETABLISSEMENT = "etablissement", "Établissement"
    AMBASSADEUR = "ambassadeur", "Ambassadeur"
