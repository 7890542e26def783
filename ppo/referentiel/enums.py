from django.db import models


class TypeEtablissement(models.TextChoices):
    COLLEGE = "college", "Collège"
    LGT = "lgt", "Lycée général et technologique"
    LP = "lp", "Lycée professionnel"
    LPO = "lpo", "Lycée polyvalent"
    EREA = "erea", "EREA"
    AUTRE = "autre", "Autre"


class Secteur(models.TextChoices):
    PUBLIC = "public", "Public"
    PRIVE = "prive", "Privé"


class Voie(models.TextChoices):
    COLLEGE = "college", "Collège"
    GENERALE_TECHNO = "gt", "Voie générale et technologique"
    PROFESSIONNELLE = "pro", "Voie professionnelle"


class GroupeNiveau(models.TextChoices):
    """How the official templates group levels: each group has its own wording of the three axes."""

    COLLEGE = "college", "Collège"
    LGT = "lgt", "Lycée général et technologique"
    BAC_PRO = "bac_pro", "Bac pro"
    CAP = "cap", "CAP"
    PREPA_METIERS = "prepa_metiers", "3e prépa-métiers"


class TypeRepere(models.TextChoices):
    """What a line of the families' guide of a level says (the public page groups them in this order)."""

    ENFANT = "enfant", "Ce que vit votre enfant"
    PARENTS = "parents", "Ce que vous pouvez faire"
    CONTACT = "contact", "Qui contacter"
