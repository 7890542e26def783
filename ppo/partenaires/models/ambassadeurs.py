from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from ppo.partenaires.enums import CoteRetour, StatutDemande, TypeIntervention


class Ambassadeur(models.Model):
    """An ambassadeur métiers (Proch’Orientation): a professional who meets pupils to talk about their métier."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name="utilisateur", on_delete=models.CASCADE, related_name="ambassadeur"
    )
    metier = models.ForeignKey(
        "partenaires.Metier",
        verbose_name="métier (ONISEP)",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ambassadeurs",
    )
    job_title = models.CharField("métier exercé", max_length=200, help_text="Tel que vous le présentez aux élèves.")
    secteur = models.ForeignKey(
        "partenaires.Secteur",
        verbose_name="secteur",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ambassadeurs",
    )
    employer = models.CharField("employeur", max_length=200, blank=True)
    academie = models.ForeignKey(
        "referentiel.Academie", verbose_name="académie", on_delete=models.PROTECT, related_name="+"
    )
    departements = models.ManyToManyField(
        "referentiel.Departement",
        verbose_name="départements",
        blank=True,
        related_name="+",
        help_text="Laisser vide pour toute l’académie.",
    )
    availability = models.TextField("disponibilités", help_text="Par exemple « le mercredi après-midi ».")
    offers_groupe = models.BooleanField(TypeIntervention.GROUPE.label, default=True)
    offers_rencontre = models.BooleanField(TypeIntervention.RENCONTRE.label, default=True)
    offers_visite = models.BooleanField(TypeIntervention.VISITE.label, default=False)
    phone = models.CharField("téléphone", max_length=30, blank=True)
    presentation = models.TextField("présentation", blank=True)
    show_name_publicly = models.BooleanField(
        "afficher mon nom sur les pages publiques des établissements",
        default=False,
        help_text="Sinon, les familles lisent seulement « ambassadeur métiers » et votre employeur.",
    )
    is_paused = models.BooleanField(
        "profil en pause",
        default=False,
        help_text="En pause, le profil n’est plus proposé et ne reçoit pas de demande.",
    )
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    class Meta:
        verbose_name = "ambassadeur métiers"
        verbose_name_plural = "ambassadeurs métiers"
        ordering = ["job_title", "pk"]

    def __str__(self):
        return f"{self.user} — {self.job_title}"

    @property
    def kinds(self) -> list[str]:
        return [kind for kind in TypeIntervention if getattr(self, f"offers_{kind.value}")]


class DemandeIntervention(models.Model):
    """A school asks an ambassador for one intervention: asked → accepted/declined → scheduled → done → feedback."""

    ambassadeur = models.ForeignKey(
        Ambassadeur, verbose_name="ambassadeur", on_delete=models.CASCADE, related_name="demandes"
    )
    etablissement = models.ForeignKey(
        "referentiel.Etablissement", verbose_name="établissement", on_delete=models.CASCADE, related_name="+"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="demandée par", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField("type d’intervention", max_length=20, choices=TypeIntervention.choices)
    niveau = models.ForeignKey("referentiel.Niveau", verbose_name="niveau", on_delete=models.PROTECT, related_name="+")
    pupils_count = models.PositiveIntegerField("nombre d’élèves", validators=[MinValueValidator(1)])
    wished_dates = models.CharField("dates souhaitées", max_length=300)
    message = models.TextField("message")
    status = models.CharField("statut", max_length=20, choices=StatutDemande.choices, default=StatutDemande.DEMANDEE)
    decline_reason = models.TextField("motif du refus", blank=True)
    scheduled_date = models.DateField("date prévue", null=True, blank=True)
    action = models.ForeignKey(
        "plans.Action",
        verbose_name="action du PPO",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="demandes_ambassadeur",
    )
    created_at = models.DateTimeField("demandée le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    class Meta:
        verbose_name = "demande d’intervention"
        verbose_name_plural = "demandes d’intervention"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["etablissement", "status"])]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.etablissement.name}"


class RetourIntervention(models.Model):
    """The feedback of one side (school or ambassador) after the intervention."""

    demande = models.ForeignKey(
        DemandeIntervention, verbose_name="demande", on_delete=models.CASCADE, related_name="retours"
    )
    side = models.CharField("de la part de", max_length=20, choices=CoteRetour.choices)
    rating = models.PositiveSmallIntegerField(
        "appréciation (1 à 5)", validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField("commentaire", blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="auteur", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField("donné le", auto_now_add=True)

    class Meta:
        verbose_name = "retour sur une intervention"
        verbose_name_plural = "retours sur les interventions"
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["demande", "side"], name="retour_unique_par_cote")]

    def __str__(self):
        return f"{self.get_side_display()} — {self.rating}/5"
