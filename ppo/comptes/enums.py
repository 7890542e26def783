from django.db import models


class Role(models.TextChoices):
    DIRECTION = "direction", "Direction"
    REDACTEUR = "redacteur", "Rédacteur"
    LECTEUR = "lecteur", "Lecteur"
    ACADEMIE = "academie", "Académie"
    BASSIN = "bassin", "Bassin"
    PARTENAIRE = "partenaire", "Partenaire"
    AMBASSADEUR = "ambassadeur", "Ambassadeur métiers"


SCHOOL_ROLES = (Role.DIRECTION, Role.REDACTEUR, Role.LECTEUR)
# Which scope each role is bound to.
ROLE_SCOPE = {
    Role.DIRECTION: "etablissement",
    Role.REDACTEUR: "etablissement",
    Role.LECTEUR: "etablissement",
    Role.ACADEMIE: "academie",
    Role.BASSIN: "bassin",
    Role.PARTENAIRE: "structure",
    Role.AMBASSADEUR: None,
}
