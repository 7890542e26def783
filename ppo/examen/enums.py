from django.db import models


class EtatRevue(models.TextChoices):
    """Where the académie stands on one transmission."""

    A_EXAMINER = "a_examiner", "À examiner"
    EN_COURS = "en_cours", "En cours de revue"
    VALIDE = "valide", "Validé"
    A_COMPLETER = "a_completer", "À compléter"


class Decision(models.TextChoices):
    EN_COURS = "en_cours", "Mettre en cours de revue"
    VALIDE = "valide", "Valider"
    A_COMPLETER = "a_completer", "Renvoyer à compléter"


class Ancrage(models.TextChoices):
    GENERAL = "general", "Le programme dans son ensemble"
    SECTION = "section", "Une partie du programme"
    ACTION = "action", "Une action"
