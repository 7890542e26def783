from django.db import models


class EtatEtablissement(models.TextChoices):
    """The state of a school for one campaign, as the dashboard counts it (each school in exactly one)."""

    NON_COMMENCE = "non_commence", "Non commencé"
    BROUILLON = "brouillon", "En préparation"
    TRANSMIS = "transmis", "Transmis"
    A_COMPLETER = "a_completer", "Renvoyé à compléter"
    VALIDE = "valide", "Validé"
    EN_RETARD = "en_retard", "En retard"
