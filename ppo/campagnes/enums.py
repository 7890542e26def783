from django.db import models


class TypeTempsFort(models.TextChoices):
    SEMAINE_ORIENTATION = "semaine_orientation", "Semaine de l’orientation"
    SEMAINE_REGIONALE = "semaine_regionale", "Semaine régionale de l’orientation"
    PRINTEMPS = "printemps", "Printemps de l’orientation"
    PARCOURSUP = "parcoursup", "Phase Parcoursup"
    PORTES_OUVERTES = "portes_ouvertes", "Journées portes ouvertes"
    AUTRE = "autre", "Autre"


class SensCible(models.TextChoices):
    """How a value is compared with a priority's target."""

    AU_MOINS = "au_moins", "Au moins la cible"
    AU_PLUS = "au_plus", "Au plus la cible"
    MIXITE = "mixite", "Part du sexe minoritaire au moins égale à la cible (valeur en % de filles)"
