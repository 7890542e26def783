from django.db import models


class StatutSuivi(models.TextChoices):
    """Where an action stands during the year. Postponed and cancelled need a reason."""

    PREVUE = "prevue", "Prévue"
    REALISEE = "realisee", "Réalisée"
    REPORTEE = "reportee", "Reportée"
    ANNULEE = "annulee", "Annulée"


NEEDS_REASON = {StatutSuivi.REPORTEE, StatutSuivi.ANNULEE}


class Evaluation(models.TextChoices):
    """Did the action meet its expected effects?"""

    OUI = "oui", "Oui"
    PARTIELLEMENT = "partiellement", "Partiellement"
    NON = "non", "Non"


class StatutBilan(models.TextChoices):
    BROUILLON = "brouillon", "Brouillon"
    VALIDE = "valide", "Validé par la direction"


class DecisionReprise(models.TextChoices):
    """What becomes of an action when next year's programme starts from this year's bilan."""

    GARDER = "garder", "Garder telle quelle"
    AJUSTER = "ajuster", "Garder et ajuster"
    ABANDONNER = "abandonner", "Ne pas reprendre"
