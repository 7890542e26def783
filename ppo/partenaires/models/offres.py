from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q

from ppo.partenaires.enums import StatutOffre, TypeOffre


class Offre(models.Model):
    """An offer of a partner body (intervention, visit, immersion…), public once moderated."""

    structure = models.ForeignKey(
        "partenaires.Structure", verbose_name="structure partenaire", on_delete=models.CASCADE, related_name="offres"
    )
    title = models.CharField("intitulé", max_length=200)
    description = models.TextField("description")
    kind = models.CharField("type d’offre", max_length=20, choices=TypeOffre.choices)
    niveaux = models.ManyToManyField("referentiel.Niveau", verbose_name="niveaux", related_name="+")
    axes = models.ManyToManyField("plans.Axe", verbose_name="axes du PPO", related_name="+")
    metiers = models.ManyToManyField("partenaires.Metier", verbose_name="métiers", blank=True, related_name="offres")
    secteurs = models.ManyToManyField(
        "partenaires.Secteur", verbose_name="secteurs", blank=True, related_name="offres"
    )
    # Territory: the académie, narrowed to départements and/or bassins when given.
    academie = models.ForeignKey(
        "referentiel.Academie", verbose_name="académie", on_delete=models.PROTECT, related_name="+"
    )
    departements = models.ManyToManyField(
        "referentiel.Departement",
        verbose_name="départements",
        blank=True,
        related_name="+",
        help_text="Laisser vide si l’offre couvre toute l’académie.",
    )
    bassins = models.ManyToManyField(
        "referentiel.Bassin",
        verbose_name="bassins",
        blank=True,
        related_name="+",
        help_text="Laisser vide si l’offre couvre tous les bassins des départements choisis.",
    )
    all_year = models.BooleanField("toute l’année", default=True)
    start_date = models.DateField("date de début", null=True, blank=True)
    end_date = models.DateField("date de fin", null=True, blank=True)
    capacity = models.PositiveIntegerField(
        "capacité (élèves)", null=True, blank=True, help_text="Nombre d’élèves accueillis au plus, par séance."
    )
    is_free = models.BooleanField("gratuite", default=True, help_text="Les offres sont gratuites par principe.")
    cost_justification = models.TextField(
        "coût et justification", blank=True, help_text="Obligatoire pour une offre payante : montant et raison."
    )
    is_accessible = models.BooleanField("accessible aux élèves en situation de handicap", default=False)
    accessibility_note = models.TextField("précisions sur l’accessibilité", blank=True)
    contact_name = models.CharField("nom du contact", max_length=200)
    contact_email = models.EmailField("adresse électronique du contact")
    contact_phone = models.CharField("téléphone du contact", max_length=30, blank=True)
    status = models.CharField("statut", max_length=20, choices=StatutOffre.choices, default=StatutOffre.BROUILLON)
    moderation_reason = models.TextField("motif de la modération", blank=True)
    moderated_at = models.DateTimeField("modérée le", null=True, blank=True)
    moderated_by = models.ForeignKey(
        "comptes.User", verbose_name="modérée par", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    last_confirmed_at = models.DateTimeField("confirmée pour la dernière fois le")
    # Search: `search_text` is the text indexed (title, description, métiers, ROME codes, secteurs, structure…),
    # lower case and without accents, searched word by word on SQLite; `search_vector` (PostgreSQL only) is built
    # from the title and this text (see ppo/partenaires/search.py).
    search_text = models.TextField("texte normalisé", blank=True, editable=False)
    search_vector = SearchVectorField("vecteur de recherche", null=True, editable=False)
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)
    created_by = models.ForeignKey(
        "comptes.User", verbose_name="créée par", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "offre"
        verbose_name_plural = "offres"
        ordering = ["title"]
        indexes = [models.Index(fields=["status", "last_confirmed_at"]), models.Index(fields=["academie", "kind"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="offre_dates_in_order",
            ),
        ]

    def __str__(self):
        return self.title


class ActionOffre(models.Model):
    """Links a PPO action to the catalogue offer it was created from."""

    action = models.OneToOneField(
        "plans.Action", verbose_name="action", on_delete=models.CASCADE, related_name="offre_link"
    )
    offre = models.ForeignKey(Offre, verbose_name="offre", on_delete=models.CASCADE, related_name="action_links")
    created_at = models.DateTimeField("créé le", auto_now_add=True)

    class Meta:
        verbose_name = "action issue du catalogue"
        verbose_name_plural = "actions issues du catalogue"

    def __str__(self):
        return f"{self.action} ← {self.offre}"
