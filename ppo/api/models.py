"""API keys bound to a scope, and the log of every call made with them (ADR 012)."""

from django.conf import settings
from django.db import models

from ppo.api.enums import ScopeKind


class ApiKey(models.Model):
    """A secret given once to an académie, a bassin or a partner body. Only its SHA-256 digest is kept."""

    name = models.CharField("nom", max_length=100, help_text="Pour vous y retrouver : « ARENA », « portail Région »…")
    prefix = models.CharField("début de la clé", max_length=12, unique=True)
    digest = models.CharField("empreinte", max_length=64, unique=True, editable=False)
    scope_kind = models.CharField("périmètre", max_length=20, choices=ScopeKind.choices)
    academie = models.ForeignKey(
        "referentiel.Academie",
        verbose_name="académie",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    bassin = models.ForeignKey(
        "referentiel.Bassin", verbose_name="bassin", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    structure = models.ForeignKey(
        "partenaires.Structure",
        verbose_name="structure partenaire",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="créée par", on_delete=models.CASCADE, related_name="api_keys"
    )
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    revoked_at = models.DateTimeField("révoquée le", null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="révoquée par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    last_used_at = models.DateTimeField("dernier appel", null=True, blank=True)

    class Meta:
        verbose_name = "clé d’API"
        verbose_name_plural = "clés d’API"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        scope_kind=ScopeKind.ACADEMIE,
                        academie__isnull=False,
                        bassin__isnull=True,
                        structure__isnull=True,
                    )
                    | models.Q(
                        scope_kind=ScopeKind.BASSIN,
                        bassin__isnull=False,
                        academie__isnull=True,
                        structure__isnull=True,
                    )
                    | models.Q(
                        scope_kind=ScopeKind.STRUCTURE,
                        structure__isnull=False,
                        academie__isnull=True,
                        bassin__isnull=True,
                    )
                ),
                name="apikey_one_scope",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @property
    def scope_label(self) -> str:
        target = self.academie or self.bassin or self.structure
        return f"{self.get_scope_kind_display()} : {target}"


class ApiCall(models.Model):
    """One call to the API made with a key: who (the key), when, what (method, path, status)."""

    key = models.ForeignKey(ApiKey, verbose_name="clé", on_delete=models.CASCADE, related_name="calls")
    at = models.DateTimeField("le", auto_now_add=True, db_index=True)
    method = models.CharField("méthode", max_length=10)
    path = models.CharField("adresse", max_length=500)
    status = models.PositiveSmallIntegerField("réponse")

    class Meta:
        verbose_name = "appel à l’API"
        verbose_name_plural = "appels à l’API"
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["key", "-at"])]

    def __str__(self):
        return f"{self.method} {self.path} → {self.status}"
