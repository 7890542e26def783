from django.db import models


class ScopeKind(models.TextChoices):
    """What an API key is bound to: it reads (and for a partner, writes) only within it."""

    ACADEMIE = "academie", "Académie"
    BASSIN = "bassin", "Bassin"
    STRUCTURE = "structure", "Structure partenaire"
