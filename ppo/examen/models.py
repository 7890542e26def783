"""The review of transmitted programmes: the frozen copies, the académie's decisions and the comments."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from ppo.examen.enums import Ancrage, Decision, EtatRevue


class Transmission(models.Model):
    """A frozen copy of an annual programme as the school transmitted it: what the académie reviews."""

    programme = models.ForeignKey(
        "plans.ProgrammeAnnuel", verbose_name="programme", on_delete=models.CASCADE, related_name="transmissions"
    )
    number = models.PositiveSmallIntegerField("numéro")
    snapshot = models.JSONField("copie figée", encoder=DjangoJSONEncoder)
    review_status = models.CharField(
        "état de la revue", max_length=20, choices=EtatRevue.choices, default=EtatRevue.A_EXAMINER
    )
    warning = models.CharField("avertissement", max_length=300, blank=True)
    justification = models.TextField(
        "justification des points ouverts",
        blank=True,
        help_text="Pourquoi l’établissement transmet alors que des points de complétude restent ouverts.",
    )
    open_points = models.JSONField("points ouverts à la transmission", default=list, blank=True)
    created_at = models.DateTimeField("transmis le", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="transmis par", on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        db_table = "campagnes_transmission"
        verbose_name = "transmission"
        verbose_name_plural = "transmissions"
        ordering = ["programme", "number"]
        constraints = [models.UniqueConstraint(fields=["programme", "number"], name="transmission_unique_number")]

    def __str__(self):
        return f"Transmission n° {self.number} — {self.programme}"


class DecisionRevue(models.Model):
    """One step of the review: in review, validated, or sent back."""

    transmission = models.ForeignKey(
        Transmission, verbose_name="transmission", on_delete=models.CASCADE, related_name="decisions"
    )
    decision = models.CharField("décision", max_length=20, choices=Decision.choices)
    message = models.TextField("message", blank=True)
    at = models.DateTimeField("le", auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="par", on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        db_table = "campagnes_decisionrevue"
        verbose_name = "décision de revue"
        verbose_name_plural = "décisions de revue"
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_decision_display()} — {self.at:%d/%m/%Y}"


class Commentaire(models.Model):
    """A comment of the reviewer, anchored to the whole programme, a section or an action; or a reply to one."""

    transmission = models.ForeignKey(
        Transmission, verbose_name="transmission", on_delete=models.CASCADE, related_name="commentaires"
    )
    parent = models.ForeignKey(
        "self", verbose_name="en réponse à", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    anchor_kind = models.CharField("porte sur", max_length=10, choices=Ancrage.choices, default=Ancrage.GENERAL)
    section_code = models.CharField("partie", max_length=30, blank=True)
    action_id = models.PositiveIntegerField("action", null=True, blank=True)
    text = models.TextField("commentaire")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="auteur", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField("le", auto_now_add=True)

    class Meta:
        db_table = "campagnes_commentaire"
        verbose_name = "commentaire de revue"
        verbose_name_plural = "commentaires de revue"
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:80]
