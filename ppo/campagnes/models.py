"""The académie's side: the campaign frame of a school year, transmissions of programmes and their review."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from ppo.campagnes.enums import Ancrage, Decision, EtatRevue, SensCible, TypeTempsFort


class Campagne(models.Model):
    """The frame an académie sends to its schools for one school year."""

    academie = models.ForeignKey(
        "referentiel.Academie", verbose_name="académie", on_delete=models.PROTECT, related_name="campagnes"
    )
    year = models.PositiveSmallIntegerField("année scolaire", help_text="2025 pour 2025-2026.")
    deadline = models.DateField("date limite de transmission")
    kinds = models.JSONField(
        "types d’établissement concernés", default=list, help_text="Codes des types d’établissement."
    )
    resources = models.TextField("ressources recommandées", blank=True)
    copied_from = models.ForeignKey(
        "self", verbose_name="reprise de la campagne", on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="créée par", on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = "campagne"
        verbose_name_plural = "campagnes"
        ordering = ["academie", "-year"]
        constraints = [models.UniqueConstraint(fields=["academie", "year"], name="campagne_unique_per_year")]

    def __str__(self):
        return f"Campagne {self.year_label} — {self.academie}"

    @property
    def year_label(self):
        return f"{self.year}-{self.year + 1}"


class Priorite(models.Model):
    """An academic priority, optionally tied to an indicator with a numeric target (30 % de mixité…)."""

    campagne = models.ForeignKey(Campagne, verbose_name="campagne", on_delete=models.CASCADE, related_name="priorites")
    text = models.TextField("priorité")
    indicator_label = models.CharField("indicateur", max_length=200, blank=True)
    indicator_code = models.CharField(
        "code de l’indicateur",
        max_length=60,
        blank=True,
        help_text="Code de l’indicateur du diagnostic, pour comparer les valeurs des établissements à la cible.",
    )
    target = models.DecimalField("cible", max_digits=8, decimal_places=2, null=True, blank=True)
    unit = models.CharField("unité", max_length=20, blank=True, help_text="Par exemple « % ».")
    target_direction = models.CharField(
        "sens de la cible", max_length=10, choices=SensCible.choices, default=SensCible.AU_MOINS
    )
    order = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "priorité académique"
        verbose_name_plural = "priorités académiques"
        ordering = ["campagne", "order", "pk"]

    def __str__(self):
        return self.text[:80]


class VolumeReference(models.Model):
    """A reference volume of hours for a level that differs, in this académie, from the national default."""

    campagne = models.ForeignKey(Campagne, verbose_name="campagne", on_delete=models.CASCADE, related_name="volumes")
    niveau = models.ForeignKey("referentiel.Niveau", verbose_name="niveau", on_delete=models.PROTECT, related_name="+")
    hours = models.DecimalField("heures par an", max_digits=5, decimal_places=1)

    class Meta:
        verbose_name = "volume horaire de référence"
        verbose_name_plural = "volumes horaires de référence"
        ordering = ["campagne", "niveau__order"]
        constraints = [models.UniqueConstraint(fields=["campagne", "niveau"], name="volume_unique_per_niveau")]

    def __str__(self):
        return f"{self.niveau} : {self.hours} h"


class TempsFort(models.Model):
    """A date or period of the académie's calendar (semaine de l’orientation, Parcoursup phase…)."""

    campagne = models.ForeignKey(
        Campagne, verbose_name="campagne", on_delete=models.CASCADE, related_name="temps_forts"
    )
    label = models.CharField("intitulé", max_length=200)
    kind = models.CharField("type", max_length=30, choices=TypeTempsFort.choices, default=TypeTempsFort.AUTRE)
    start_date = models.DateField("début")
    end_date = models.DateField("fin", null=True, blank=True, help_text="Vide pour une seule journée.")
    description = models.TextField("description", blank=True)
    niveaux = models.ManyToManyField(
        "referentiel.Niveau",
        verbose_name="niveaux",
        blank=True,
        related_name="+",
        help_text="Vide : tous les niveaux.",
    )

    class Meta:
        verbose_name = "temps fort"
        verbose_name_plural = "temps forts"
        ordering = ["campagne", "start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="temps_fort_dates_in_order",
            )
        ]

    def __str__(self):
        return self.label


class ContourAcademie(models.Model):
    """A simplified outline of an académie, for the map (imported by `import_contours_academies`)."""

    academie = models.OneToOneField(
        "referentiel.Academie", verbose_name="académie", on_delete=models.CASCADE, related_name="contour"
    )
    rings = models.JSONField("contours", help_text="Liste d’anneaux de points [longitude, latitude].")
    min_lon = models.FloatField("longitude minimale")
    max_lon = models.FloatField("longitude maximale")
    min_lat = models.FloatField("latitude minimale")
    max_lat = models.FloatField("latitude maximale")
    updated_at = models.DateTimeField("mis à jour le", auto_now=True)

    class Meta:
        verbose_name = "contour d’académie"
        verbose_name_plural = "contours d’académies"

    def __str__(self):
        return f"Contour — {self.academie}"


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
    created_at = models.DateTimeField("transmis le", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="transmis par", on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
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
        verbose_name = "commentaire de revue"
        verbose_name_plural = "commentaires de revue"
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:80]
