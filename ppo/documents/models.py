import secrets
import uuid

from django.conf import settings
from django.db import models


def new_calendar_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """The secret of an établissement's calendar subscription URL. Renewing it replaces the token (old URL → 404)."""

    etablissement = models.OneToOneField(
        "referentiel.Etablissement",
        verbose_name="établissement",
        on_delete=models.CASCADE,
        related_name="calendar_token",
    )
    token = models.CharField("jeton", max_length=64, unique=True, default=new_calendar_token)
    created_at = models.DateTimeField("créé le", auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="créé par", on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = "lien d’abonnement au calendrier"
        verbose_name_plural = "liens d’abonnement au calendrier"

    def __str__(self):
        return f"Calendrier — {self.etablissement}"


class WordImport(models.Model):
    """A Word file read and waiting for confirmation: the parsed result is shown as a preview, then written."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ppo = models.ForeignKey("plans.PPO", verbose_name="PPO", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField("année scolaire visée")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="déposé par", on_delete=models.CASCADE, related_name="+"
    )
    filename = models.CharField("nom du fichier", max_length=255)
    parsed = models.JSONField("contenu reconnu", default=dict)
    created_at = models.DateTimeField("déposé le", auto_now_add=True)
    expires_at = models.DateTimeField("expire le")
    programme = models.ForeignKey(
        "plans.ProgrammeAnnuel",
        verbose_name="programme créé",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = "import d’un document Word"
        verbose_name_plural = "imports de documents Word"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.filename} ({self.created_at:%d/%m/%Y %H:%M})"

    @property
    def year_label(self):
        return f"{self.year}-{self.year + 1}"
