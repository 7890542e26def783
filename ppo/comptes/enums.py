from django.db import models


class Role(models.TextChoices):
    DIRECTION = "direction", "Direction"
    REDACTEUR = "redacteur", "Rédacteur"
    LECTEUR = "lecteur", "Lecteur"
    NATIONAL = "national", "National (DGESCO, lecture seule)"
    REGION = "region", "Région académique (DRAIO)"
    ACADEMIE = "academie", "Académie"
    DEPARTEMENT = "departement", "Département (DASEN, IEN-IO)"
    BASSIN = "bassin", "Bassin"
    PARTENAIRE = "partenaire", "Partenaire"
    AMBASSADEUR = "ambassadeur", "Ambassadeur métiers"


SCHOOL_ROLES = (Role.DIRECTION, Role.REDACTEUR, Role.LECTEUR)
# Which scope each role is bound to.
ROLE_SCOPE = {
    Role.DIRECTION: "etablissement",
    Role.REDACTEUR: "etablissement",
    Role.LECTEUR: "etablissement",
    Role.NATIONAL: None,
    Role.REGION: "region",
    Role.ACADEMIE: "academie",
    Role.DEPARTEMENT: "departement",
    Role.BASSIN: "bassin",
    Role.PARTENAIRE: "structure",
    Role.AMBASSADEUR: None,
}
# The roles that follow schools from above, from the widest scope to the narrowest (docs/adr/029-perimetres.md).
SUPERVISION_ROLES = (Role.NATIONAL, Role.REGION, Role.ACADEMIE, Role.DEPARTEMENT, Role.BASSIN)
# Those who review transmissions and write comments: every supervision role but the national one (read-only).
REVIEW_ROLES = (Role.REGION, Role.ACADEMIE, Role.DEPARTEMENT, Role.BASSIN)
