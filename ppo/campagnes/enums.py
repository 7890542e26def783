from django.db import models


class TypeTempsFort(models.TextChoices):
    SEMAINE_ORIENTATION = "semaine_orientation", "Semaine de l’orientation"
    SEMAINE_REGIONALE = "semaine_regionale", "Semaine régionale de l’orientation"
    PRINTEMPS = "printemps", "Printemps de l’orientation"
    PARCOURSUP = "parcoursup", "Phase Parcoursup"
    PORTES_OUVERTES = "portes_ouvertes", "Journées portes ouvertes"
    AUTRE = "autre", "Autre"


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


class EtatEtablissement(models.TextChoices):
    """The state of a school for one campaign, as the dashboard counts it (each school in exactly one)."""

    NON_COMMENCE = "non_commence", "Non commencé"
    BROUILLON = "brouillon", "En préparation"
    TRANSMIS = "transmis", "Transmis"
    A_COMPLETER = "a_completer", "Renvoyé à compléter"
    VALIDE = "valide", "Validé"
    EN_RETARD = "en_retard", "En retard"


class SensCible(models.TextChoices):
    """How a value is compared with a priority's target."""

    AU_MOINS = "au_moins", "Au moins la cible"
    AU_PLUS = "au_plus", "Au plus la cible"
    MIXITE = "mixite", "Part du sexe minoritaire au moins égale à la cible (valeur en % de filles)"
