import uuid

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from ppo.plans.enums import CategorieRessource, OrigineAction, StatutProgramme, TypeAction
from ppo.referentiel.enums import GroupeNiveau


class Axe(models.Model):
    """One of the three axes of every PPO; the templates word them differently by group of levels."""

    number = models.PositiveSmallIntegerField("numéro", unique=True)
    label = models.CharField("intitulé", max_length=200, help_text="Collège, LGT et 3e prépa-métiers.")
    label_bac_pro = models.CharField("intitulé pour le bac pro", max_length=200, blank=True)
    label_cap = models.CharField("intitulé pour le CAP", max_length=200, blank=True)
    short_label = models.CharField("intitulé court", max_length=80)

    class Meta:
        verbose_name = "axe"
        verbose_name_plural = "axes"
        ordering = ["number"]

    def __str__(self):
        return f"Axe {self.number} — {self.label}"

    def label_for(self, niveau) -> str:
        if niveau is not None and niveau.groupe == GroupeNiveau.BAC_PRO and self.label_bac_pro:
            return self.label_bac_pro
        if niveau is not None and niveau.groupe == GroupeNiveau.CAP and self.label_cap:
            return self.label_cap
        return self.label


class RessourceItem(models.Model):
    """A box of the checklists « Ressources à mobiliser » (seed 000). Each category also has a free « Autre »."""

    category = models.CharField("catégorie", max_length=30, choices=CategorieRessource.choices)
    group = models.CharField("sous-titre", max_length=200, blank=True, help_text="Par exemple « AROM ».")
    label = models.CharField("libellé", max_length=200)
    order = models.PositiveSmallIntegerField("ordre", default=0)
    is_economic_world = models.BooleanField(
        "partenaire du monde économique",
        default=False,
        help_text="Compte pour le contrôle « au moins un partenaire du monde économique ».",
    )
    is_active = models.BooleanField(
        "proposé", default=True, help_text="Décoché : la référence est périmée et n’est plus proposée."
    )
    replaced_by = models.ForeignKey(
        "self",
        verbose_name="remplacé par",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaces",
        help_text="La référence à jour (Pôle emploi → France Travail) : l’établissement qui cite l’ancienne est prévenu.",
    )

    class Meta:
        verbose_name = "élément des ressources à mobiliser"
        verbose_name_plural = "ressources à mobiliser (listes)"
        ordering = ["category", "order"]

    def __str__(self):
        return f"{self.get_category_display()} — {self.label}"


class PPO(models.Model):
    """The multi-year plan of one établissement (3 or 4 school years)."""

    etablissement = models.ForeignKey(
        "referentiel.Etablissement", verbose_name="établissement", on_delete=models.PROTECT, related_name="ppos"
    )
    first_year = models.PositiveSmallIntegerField("première année scolaire", help_text="2025 pour 2025-2026.")
    last_year = models.PositiveSmallIntegerField("dernière année scolaire", help_text="2027 pour 2027-2028.")
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="créé par", on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = "PPO"
        verbose_name_plural = "PPO"
        ordering = ["etablissement", "-first_year"]
        constraints = [
            models.UniqueConstraint(fields=["etablissement", "first_year"], name="ppo_unique_per_start_year"),
            models.CheckConstraint(
                condition=models.Q(last_year__gte=models.F("first_year") + 2)
                & models.Q(last_year__lte=models.F("first_year") + 3),
                name="ppo_spans_three_or_four_years",
            ),
        ]

    def __str__(self):
        return f"PPO {self.first_year}-{self.last_year + 1} — {self.etablissement.name}"

    @property
    def period_label(self):
        return f"{self.first_year}-{self.last_year + 1}"


class ProgrammeAnnuel(models.Model):
    """The programme of one school year of a PPO, revised and adopted every year."""

    ppo = models.ForeignKey(PPO, verbose_name="PPO", on_delete=models.CASCADE, related_name="programmes")
    year = models.PositiveSmallIntegerField("année scolaire", help_text="2025 pour 2025-2026.")
    status = models.CharField(
        "statut", max_length=20, choices=StatutProgramme.choices, default=StatutProgramme.BROUILLON
    )
    previous = models.ForeignKey(
        "self",
        verbose_name="programme de l’année précédente",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    ressources = models.ManyToManyField(
        RessourceItem, verbose_name="ressources à mobiliser", blank=True, related_name="+"
    )
    ressources_autres = models.JSONField(
        "ressources « Autre »", default=dict, blank=True, help_text="Texte libre par catégorie."
    )
    training = models.TextField("actions de formation à prévoir", blank=True)
    notes = models.TextField(
        "notes", blank=True, help_text="Texte non reconnu lors d’un import, remarques de l’équipe."
    )
    public_id = models.UUIDField("identifiant public", default=uuid.uuid4, unique=True, editable=False)
    version = models.PositiveIntegerField("version", default=1)
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True)
    history = HistoricalRecords(excluded_fields=["version", "updated_at"], m2m_fields=[ressources])

    class Meta:
        verbose_name = "programme annuel"
        verbose_name_plural = "programmes annuels"
        ordering = ["ppo", "year"]
        constraints = [models.UniqueConstraint(fields=["ppo", "year"], name="programme_unique_year")]

    def __str__(self):
        return f"{self.ppo.etablissement.name} — {self.year_label}"

    @property
    def year_label(self):
        return f"{self.year}-{self.year + 1}"


class StatutChange(models.Model):
    """Every change of status of a programme: who, when, and an optional comment (date of the council…)."""

    programme = models.ForeignKey(
        ProgrammeAnnuel, verbose_name="programme", on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField("statut", max_length=20, choices=StatutProgramme.choices)
    at = models.DateTimeField("le", auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="par", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    date_of_decision = models.DateField("date de la séance", null=True, blank=True)
    comment = models.TextField("commentaire", blank=True)

    class Meta:
        verbose_name = "changement de statut"
        verbose_name_plural = "changements de statut"
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_status_display()} — {self.at:%d/%m/%Y}"


class Action(models.Model):
    """One action of an annual programme, on one axis and one or more levels (a row of the official tables)."""

    programme = models.ForeignKey(
        ProgrammeAnnuel, verbose_name="programme", on_delete=models.CASCADE, related_name="actions"
    )
    axe = models.ForeignKey(Axe, verbose_name="axe", on_delete=models.PROTECT, related_name="actions")
    niveaux = models.ManyToManyField("referentiel.Niveau", verbose_name="niveaux", related_name="actions")
    title = models.CharField("intitulé", max_length=200)
    kind = models.CharField("type d’action", max_length=20, choices=TypeAction.choices, default=TypeAction.SEANCE)
    objective = models.TextField("déclinaison en objectifs opérationnels", blank=True)
    # Mise en œuvre envisagée : qui, quand, quoi, comment.
    actors = models.ManyToManyField(
        RessourceItem,
        verbose_name="qui (acteurs)",
        blank=True,
        related_name="+",
        limit_choices_to={"category": CategorieRessource.ACTEURS},
    )
    actors_other = models.CharField("autres acteurs", max_length=300, blank=True)
    period = models.CharField("quand (période)", max_length=200, blank=True, help_text="Par exemple « novembre ».")
    start_date = models.DateField("date de début", null=True, blank=True)
    end_date = models.DateField("date de fin", null=True, blank=True)
    description = models.TextField("quoi, comment", blank=True)
    public_description = models.TextField(
        "description pour les familles",
        blank=True,
        help_text="Seul texte de l’action publié sur la page des familles et dans leur PDF.",
    )
    partner_items = models.ManyToManyField(
        RessourceItem,
        verbose_name="catégories de partenaires",
        blank=True,
        related_name="+",
        limit_choices_to={"category": CategorieRessource.PARTENARIATS},
    )
    partners = models.TextField("partenaires", blank=True)
    competences = models.ManyToManyField(
        "referentiel.Competence", verbose_name="compétences à s’orienter", blank=True, related_name="actions"
    )
    hours = models.DecimalField("heures", max_digits=5, decimal_places=1, null=True, blank=True)
    classes = models.CharField("classes concernées", max_length=300, blank=True)
    pupils_count = models.PositiveIntegerField("nombre d’élèves concernés", null=True, blank=True)
    expected_effects = models.TextField("suivi et évaluation (effets attendus)", blank=True)
    indicators = models.TextField("indicateurs de suivi", blank=True)
    gender_equality = models.BooleanField("contribue à l’égalité filles-garçons", default=False)
    internal_comment = models.TextField("commentaire interne", blank=True, help_text="Jamais publié.")
    responsable = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="responsable",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions_responsable",
        help_text="Une personne de l’équipe de l’établissement, qui renseigne le suivi de l’action.",
    )
    origin = models.CharField("origine", max_length=20, choices=OrigineAction.choices, default=OrigineAction.SAISIE)
    copied_from = models.ForeignKey(
        "self",
        verbose_name="reprise de l’action",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
    )
    order = models.PositiveIntegerField("ordre", default=0)
    version = models.PositiveIntegerField("version", default=1)
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="créée par", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords(
        excluded_fields=["version", "updated_at", "order"], m2m_fields=[niveaux, actors, partner_items]
    )

    class Meta:
        verbose_name = "action"
        verbose_name_plural = "actions"
        ordering = ["axe__number", "order", "pk"]
        indexes = [models.Index(fields=["programme", "axe"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="action_dates_in_order",
            )
        ]

    def __str__(self):
        return self.title
