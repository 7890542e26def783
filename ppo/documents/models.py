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


class PreparedPdf(models.Model):
    """The PDF of a programme (full or family version), built ahead of time by a background task.

    WeasyPrint needs seconds for a programme of a hundred actions, so the PDF is laid out by a worker when the
    programme changes or when somebody asks for it, and served from here (ADR 011). `content_hash` is the hash of
    the content the stored file was built from; a download compares it with the hash of the current content, so a
    stale file is never served. `requested_*` track the build asked for the current content."""

    programme = models.ForeignKey(
        "plans.ProgrammeAnnuel", verbose_name="programme", on_delete=models.CASCADE, related_name="+"
    )
    public = models.BooleanField("version pour les familles", default=False)
    content_hash = models.CharField("empreinte du contenu du fichier", max_length=64, blank=True)
    data = models.BinaryField("fichier PDF", blank=True, default=b"")
    built_at = models.DateTimeField("construit le", null=True, blank=True)
    build_ms = models.PositiveIntegerField("durée de construction (ms)", null=True, blank=True)
    requested_hash = models.CharField("empreinte du contenu demandé", max_length=64, blank=True)
    requested_at = models.DateTimeField("demandé le", null=True, blank=True)
    enqueued_at = models.DateTimeField("tâche envoyée le", null=True, blank=True)
    scheduled_for = models.DateTimeField("préparation prévue le", null=True, blank=True)
    error = models.TextField("erreur de la dernière construction", blank=True)

    class Meta:
        verbose_name = "PDF préparé"
        verbose_name_plural = "PDF préparés"
        constraints = [models.UniqueConstraint(fields=["programme", "public"], name="prepared_pdf_unique")]

    def __str__(self):
        version = "familles" if self.public else "complet"
        return f"PDF {version} — programme {self.programme_id}"
