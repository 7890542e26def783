"""The académie's frame of a school year: the campaign, its priorities, temps forts and reference hours."""

from django.conf import settings
from django.db import models

from ppo.campagnes.enums import SensCible, TypeTempsFort


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
    requires_complete = models.BooleanField(
        "programme complet exigé à la transmission",
        default=False,
        help_text="Refuse la transmission d’un programme dont des points de complétude restent ouverts.",
    )
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
