import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from ppo.suivi.enums import DecisionReprise, Evaluation, StatutBilan, StatutSuivi


class SuiviAction(models.Model):
    """What became of one action of the programme: done, postponed or cancelled, who was reached, how it went."""

    action = models.OneToOneField(
        "plans.Action", verbose_name="action", on_delete=models.CASCADE, related_name="suivi"
    )
    status = models.CharField("état", max_length=20, choices=StatutSuivi.choices, default=StatutSuivi.PREVUE)
    reason = models.TextField("motif du report ou de l’annulation", blank=True)
    actual_date = models.DateField("date de réalisation", null=True, blank=True)
    hours_spent = models.DecimalField(
        "heures effectivement consacrées",
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    girls = models.PositiveIntegerField("filles touchées", null=True, blank=True)
    boys = models.PositiveIntegerField("garçons touchés", null=True, blank=True)
    classes = models.CharField("classes touchées", max_length=300, blank=True)
    partners = models.ManyToManyField(
        "partenaires.Structure", verbose_name="partenaires mobilisés", blank=True, related_name="suivis"
    )
    partners_other = models.CharField("autres partenaires mobilisés", max_length=300, blank=True)
    evaluation = models.CharField("effets attendus atteints", max_length=20, choices=Evaluation.choices, blank=True)
    comment = models.TextField("commentaire de l’équipe", blank=True)
    version = models.PositiveIntegerField("version", default=1)
    updated_at = models.DateTimeField("modifié le", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="modifié par", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords(excluded_fields=["version", "updated_at"])

    class Meta:
        verbose_name = "suivi d’une action"
        verbose_name_plural = "suivis des actions"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours_spent__isnull=True) | models.Q(hours_spent__gte=0),
                name="suivi_hours_not_negative",
            )
        ]

    def __str__(self):
        return f"Suivi — {self.action}"

    @property
    def pupils_reached(self) -> int | None:
        if self.girls is None and self.boys is None:
            return None
        return (self.girls or 0) + (self.boys or 0)


def piece_jointe_path(instance, filename):
    """A random name under the programme's public id: the original name is kept in the database only."""
    suffix = PurePosixPath(filename).suffix.lower()
    return f"suivi/{instance.suivi.action.programme.public_id}/{uuid.uuid4().hex}{suffix}"


class PieceJointe(models.Model):
    """A file attached to a follow-up (programme of the day, sign-in sheet…), served only after a permission check."""

    suivi = models.ForeignKey(SuiviAction, verbose_name="suivi", on_delete=models.CASCADE, related_name="pieces")
    file = models.FileField("fichier", upload_to=piece_jointe_path, max_length=300)
    original_name = models.CharField("nom du fichier", max_length=200)
    content_type = models.CharField("type de contenu", max_length=100)
    size = models.PositiveIntegerField("taille (octets)")
    description = models.CharField("description", max_length=200, blank=True)
    uploaded_at = models.DateTimeField("déposée le", auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="déposée par", on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = "pièce jointe"
        verbose_name_plural = "pièces jointes"
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name


class Bilan(models.Model):
    """The bilan of one school year: figures computed from the follow-ups, texts written by the team."""

    programme = models.OneToOneField(
        "plans.ProgrammeAnnuel", verbose_name="programme", on_delete=models.CASCADE, related_name="bilan"
    )
    status = models.CharField("statut", max_length=20, choices=StatutBilan.choices, default=StatutBilan.BROUILLON)
    synthesis = models.TextField("synthèse de l’année", blank=True)
    actions_comment = models.TextField("commentaire sur les actions réalisées", blank=True)
    hours_comment = models.TextField("commentaire sur les heures consacrées", blank=True)
    pupils_comment = models.TextField("commentaire sur les élèves touchés et la mixité", blank=True)
    partners_comment = models.TextField("commentaire sur les partenariats", blank=True)
    objectives_comment = models.TextField("commentaire sur les objectifs cibles", blank=True)
    next_steps = models.TextField("perspectives pour l’année suivante", blank=True)
    figures = models.JSONField(
        "chiffres figés à la validation", null=True, blank=True, help_text="Rempli à la validation du bilan."
    )
    validated_at = models.DateTimeField("validé le", null=True, blank=True)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="validé par", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    version = models.PositiveIntegerField("version", default=1)
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True)
    history = HistoricalRecords(excluded_fields=["version", "updated_at", "figures"])

    class Meta:
        verbose_name = "bilan annuel"
        verbose_name_plural = "bilans annuels"

    def __str__(self):
        return f"Bilan — {self.programme}"

    TEXT_FIELDS = (
        "synthesis",
        "actions_comment",
        "hours_comment",
        "pupils_comment",
        "partners_comment",
        "objectives_comment",
        "next_steps",
    )

    @property
    def is_validated(self) -> bool:
        return self.status == StatutBilan.VALIDE


class RepriseAction(models.Model):
    """The decision taken on one action when next year's programme was started from the bilan."""

    action = models.OneToOneField(
        "plans.Action", verbose_name="action d’origine", on_delete=models.CASCADE, related_name="reprise"
    )
    decision = models.CharField("décision", max_length=20, choices=DecisionReprise.choices)
    note = models.TextField("ce qu’il faut ajuster", blank=True)
    copy = models.ForeignKey(
        "plans.Action",
        verbose_name="action reprise",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reprises_origine",
    )
    decided_at = models.DateTimeField("décidée le", auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="décidée par", on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = "reprise d’une action"
        verbose_name_plural = "reprises des actions"

    def __str__(self):
        return f"{self.get_decision_display()} — {self.action}"


class Reprise(models.Model):
    """One carry-over from a year's bilan into next year's programme (created then, or existing and added to): the
    history of who did it, when, with what result, and whether the bilan was validated or the direction explicitly
    chose to go on « sans bilan validé »."""

    source = models.ForeignKey(
        "plans.ProgrammeAnnuel", verbose_name="programme du bilan", on_delete=models.CASCADE, related_name="reprises"
    )
    target = models.ForeignKey(
        "plans.ProgrammeAnnuel",
        verbose_name="programme de l’année suivante",
        on_delete=models.CASCADE,
        related_name="reprises_recues",
    )
    created_target = models.BooleanField("programme suivant créé par la reprise", default=False)
    bilan_validated = models.BooleanField("bilan validé au moment de la reprise", default=False)
    added = models.PositiveIntegerField("actions ajoutées", default=0)
    already_there = models.PositiveIntegerField("actions déjà présentes", default=0)
    dropped = models.PositiveIntegerField("actions non reprises", default=0)
    dropped_still_there = models.PositiveIntegerField(
        "actions non reprises mais déjà dans le programme suivant",
        default=0,
        help_text="Elles y restent : la reprise ne supprime rien.",
    )
    decided_at = models.DateTimeField("faite le", auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="faite par", on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = "reprise du bilan"
        verbose_name_plural = "reprises du bilan"
        ordering = ["-decided_at", "-pk"]

    def __str__(self):
        return f"Reprise {self.source} → {self.target}"
