"""The diagnostic (Analyser) and the synthesis (Synthétiser) of a PPO.

Indicators belong to the établissement and keep their history over school years; questionnaires, target
objectives and improvement axes belong to one annual programme.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from ppo.diagnostic.enums import (
    UNIT_SYMBOLS,
    CategorieAxe,
    CategorieIndicateur,
    Public,
    SourceValeur,
    StatutReponse,
    TypeQuestion,
    Unite,
)


class Indicateur(models.Model):
    """The definition of an indicator (taux de poursuite d’études, taux de réussite au DNB…)."""

    code = models.SlugField("code", max_length=60, unique=True, help_text="Employé dans les fichiers d’import.")
    label = models.CharField("libellé", max_length=200)
    unit = models.CharField("unité", max_length=10, choices=Unite.choices, default=Unite.POURCENT)
    category = models.CharField("catégorie", max_length=20, choices=CategorieIndicateur.choices)
    source = models.CharField("source habituelle", max_length=200, blank=True)
    description = models.TextField("définition", blank=True)
    scope_label = models.CharField(
        "précision de la valeur",
        max_length=60,
        blank=True,
        help_text="Par exemple « spécialité » ou « public » quand une valeur porte sur une partie des élèves.",
    )
    min_value = models.DecimalField(
        "valeur minimale",
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Une valeur plus petite est refusée (saisie, import, objectif). Vide : pas de minimum.",
    )
    max_value = models.DecimalField(
        "valeur maximale",
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Une valeur plus grande est refusée (saisie, import, objectif). Vide : pas de maximum.",
    )
    order = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "indicateur"
        verbose_name_plural = "indicateurs"
        ordering = ["order", "label"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_value__isnull=True)
                | models.Q(max_value__isnull=True)
                | models.Q(min_value__lte=models.F("max_value")),
                name="indicateur_min_lte_max",
                violation_error_message="La valeur minimale doit être inférieure ou égale à la valeur maximale.",
            )
        ]

    def __str__(self):
        return self.label

    @property
    def range_label(self) -> str:
        from ppo.diagnostic.validation import range_label

        return range_label(self)

    @property
    def unit_symbol(self) -> str:
        return UNIT_SYMBOLS.get(self.unit, "")


class ValeurIndicateur(models.Model):
    """The value of an indicator for one établissement and one school year (optionally one part of the pupils)."""

    etablissement = models.ForeignKey(
        "referentiel.Etablissement",
        verbose_name="établissement",
        on_delete=models.CASCADE,
        related_name="valeurs_indicateurs",
    )
    indicateur = models.ForeignKey(
        Indicateur, verbose_name="indicateur", on_delete=models.PROTECT, related_name="valeurs"
    )
    year = models.PositiveSmallIntegerField("année scolaire", help_text="2021 pour 2021-2022.")
    scope = models.CharField(
        "précision", max_length=120, blank=True, default="", help_text="Spécialité, public (apprentis…)."
    )
    scope_key = models.CharField(
        "clé de la précision",
        max_length=120,
        blank=True,
        default="",
        editable=False,
        help_text="La précision sans casse, accents ni espaces en trop ; vide pour « Ensemble ».",
    )
    value = models.DecimalField("valeur", max_digits=10, decimal_places=2)
    source = models.CharField("source", max_length=20, choices=SourceValeur.choices, default=SourceValeur.SAISIE)
    source_detail = models.CharField("fichier d’origine", max_length=200, blank=True)
    imported_at = models.DateTimeField("enregistrée le", auto_now=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="saisie par", on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = "valeur d’indicateur"
        verbose_name_plural = "valeurs d’indicateurs"
        ordering = ["etablissement", "indicateur__order", "scope_key", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["etablissement", "indicateur", "year", "scope_key"],
                name="valeur_unique_per_year_and_scope_key",
            )
        ]

    def __str__(self):
        return f"{self.indicateur} {self.year} : {self.value}"

    def save(self, *args, **kwargs):
        # `scope_key` is derived from `scope`, never typed: kept true on every save (the services also set it on
        # bulk writes, which bypass save()).
        from ppo.diagnostic.validation import scope_key, scope_label

        self.scope = scope_label(self.scope)
        self.scope_key = scope_key(self.scope)
        super().save(*args, **kwargs)

    def clean(self):
        from ppo.diagnostic.validation import check_value

        if self.indicateur_id is not None and self.value is not None:
            check_value(indicateur=self.indicateur, value=self.value, field="value")


class ValeurArchivee(models.Model):
    """A value set aside, kept for the record: the older of two values merged into one series, or a former label.

    Written by the migration `0008_series_precision_normalisee` when it merged the duplicate series (« Ensemble » and
    blank, « apprentis » and « Apprentis »…); shown in the history of the indicator.
    """

    class Motif(models.TextChoices):
        FUSION = "fusion", "Valeur remplacée lors de la fusion de deux séries"
        PRECISION = "precision", "Précision renommée lors de la fusion de deux séries"

    valeur = models.ForeignKey(
        ValeurIndicateur, verbose_name="valeur retenue", on_delete=models.CASCADE, related_name="archives"
    )
    motif = models.CharField("motif", max_length=20, choices=Motif.choices)
    scope = models.CharField("précision d’origine", max_length=120, blank=True, default="")
    value = models.DecimalField("valeur", max_digits=10, decimal_places=2, null=True, blank=True)
    source = models.CharField("source", max_length=20, choices=SourceValeur.choices, blank=True)
    source_detail = models.CharField("fichier d’origine", max_length=200, blank=True)
    recorded_at = models.DateTimeField("enregistrée le", null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="saisie par", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    archived_at = models.DateTimeField("mise de côté le", auto_now_add=True)

    class Meta:
        verbose_name = "valeur mise de côté"
        verbose_name_plural = "valeurs mises de côté"
        ordering = ["valeur", "-recorded_at"]

    def __str__(self):
        return f"{self.get_motif_display()} : {self.scope or 'Ensemble'} {self.value}"


class Questionnaire(models.Model):
    """One of the two questionnaires of the diagnostic (seed 001), held as data."""

    code = models.SlugField("code", max_length=40, unique=True)
    title = models.CharField("titre", max_length=200)
    audience = models.CharField("public", max_length=20, choices=Public.choices)
    intro = models.TextField("introduction", blank=True)
    order = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "questionnaire"
        verbose_name_plural = "questionnaires"
        ordering = ["order"]

    def __str__(self):
        return self.title


class Section(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, verbose_name="questionnaire", on_delete=models.CASCADE, related_name="sections"
    )
    title = models.CharField("titre", max_length=200)
    intro = models.TextField("introduction", blank=True)
    order = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "section"
        verbose_name_plural = "sections"
        ordering = ["questionnaire", "order"]

    def __str__(self):
        return self.title


class Question(models.Model):
    section = models.ForeignKey(Section, verbose_name="section", on_delete=models.CASCADE, related_name="questions")
    code = models.SlugField("code", max_length=40, unique=True)
    text = models.TextField("question")
    help_text = models.CharField("aide", max_length=300, blank=True)
    kind = models.CharField("type de réponse", max_length=20, choices=TypeQuestion.choices)
    choices = models.JSONField("choix proposés", default=list, blank=True)
    order = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "question"
        verbose_name_plural = "questions"
        ordering = ["section__order", "order"]

    def __str__(self):
        return self.text[:80]


class Reponse(models.Model):
    """The answers of one respondent to one questionnaire, for one annual programme."""

    programme = models.ForeignKey(
        "plans.ProgrammeAnnuel", verbose_name="programme", on_delete=models.CASCADE, related_name="reponses"
    )
    questionnaire = models.ForeignKey(
        Questionnaire, verbose_name="questionnaire", on_delete=models.PROTECT, related_name="reponses"
    )
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="répondant", on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField("statut", max_length=20, choices=StatutReponse.choices, default=StatutReponse.BROUILLON)
    submitted_at = models.DateTimeField("envoyée le", null=True, blank=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    class Meta:
        verbose_name = "réponse à un questionnaire"
        verbose_name_plural = "réponses aux questionnaires"
        ordering = ["questionnaire", "respondent__last_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "questionnaire", "respondent"], name="reponse_unique_per_respondent"
            )
        ]

    def __str__(self):
        return f"{self.questionnaire} — {self.respondent}"

    @property
    def is_submitted(self) -> bool:
        return self.status == StatutReponse.SOUMISE


class Answer(models.Model):
    """The answer to one question; only the fields of the question's kind are filled."""

    reponse = models.ForeignKey(Reponse, verbose_name="réponse", on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, verbose_name="question", on_delete=models.PROTECT, related_name="+")
    text = models.TextField("texte", blank=True)
    yes_no = models.BooleanField("oui ou non", null=True, blank=True)
    number = models.DecimalField("nombre", max_digits=10, decimal_places=2, null=True, blank=True)
    choice = models.CharField("choix", max_length=200, blank=True)

    class Meta:
        verbose_name = "réponse à une question"
        verbose_name_plural = "réponses aux questions"
        constraints = [models.UniqueConstraint(fields=["reponse", "question"], name="answer_unique_per_question")]

    def __str__(self):
        return f"{self.question.code} : {self.text[:40]}"


class ActionInventaire(models.Model):
    """An existing action listed by a respondent; the direction may turn it into an action of the plan."""

    reponse = models.ForeignKey(
        Reponse, verbose_name="réponse", on_delete=models.CASCADE, related_name="inventory_items"
    )
    title = models.CharField("intitulé", max_length=200)
    niveaux = models.ManyToManyField("referentiel.Niveau", verbose_name="niveaux", blank=True, related_name="+")
    axe = models.ForeignKey(
        "plans.Axe", verbose_name="axe (si connu)", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    partners = models.CharField("partenaires", max_length=300, blank=True)
    period = models.CharField("période", max_length=200, blank=True)
    description = models.TextField("description", blank=True)
    action = models.OneToOneField(
        "plans.Action",
        verbose_name="action du plan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inventory_item",
    )
    converted_at = models.DateTimeField("reprise dans le plan le", null=True, blank=True)
    converted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="reprise par", on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = "action inventoriée"
        verbose_name_plural = "actions inventoriées"
        ordering = ["reponse", "pk"]

    def __str__(self):
        return self.title


class ObjectifCible(models.Model):
    """A target objective: an indicator of the diagnostic, its baseline, its target and its horizon."""

    programme = models.ForeignKey(
        "plans.ProgrammeAnnuel", verbose_name="programme", on_delete=models.CASCADE, related_name="objectifs_cibles"
    )
    indicateur = models.ForeignKey(
        Indicateur, verbose_name="indicateur", on_delete=models.PROTECT, related_name="objectifs"
    )
    scope = models.CharField("précision", max_length=120, blank=True, default="")
    baseline = models.DecimalField("valeur de départ", max_digits=10, decimal_places=2, null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField("année de la valeur de départ", null=True, blank=True)
    target = models.DecimalField("cible", max_digits=10, decimal_places=2)
    horizon_year = models.PositiveSmallIntegerField("horizon", help_text="Année scolaire visée : 2027 pour 2027-2028.")
    comment = models.TextField("commentaire", blank=True)
    priorite = models.ForeignKey(
        "campagnes.Priorite",
        verbose_name="priorité académique",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="objectifs_cibles",
        help_text="Une priorité de la campagne de l’académie pour l’année du programme.",
    )
    priorite_label = models.CharField(
        "autre priorité (texte libre)",
        max_length=300,
        blank=True,
        null=True,
        help_text="Une priorité qui n’est pas dans la liste de l’académie (par exemple une priorité du bassin).",
    )
    order = models.PositiveSmallIntegerField("ordre", default=0)
    created_at = models.DateTimeField("créé le", auto_now_add=True)

    class Meta:
        verbose_name = "objectif cible"
        verbose_name_plural = "objectifs cibles"
        ordering = ["programme", "order", "pk"]

    def __str__(self):
        return f"{self.indicateur} : {self.target} en {self.horizon_year}"

    def clean(self):
        from ppo.diagnostic.validation import scope_label, value_error

        self.scope = scope_label(self.scope)
        if self.indicateur_id is None:
            return
        errors = {
            name: error
            for name in ("baseline", "target")
            if (error := value_error(indicateur=self.indicateur, value=getattr(self, name)))
        }
        if errors:
            raise ValidationError(errors)

    @property
    def horizon_label(self) -> str:
        return f"{self.horizon_year}-{self.horizon_year + 1}"


class AxeAmelioration(models.Model):
    """An improvement axis or a point of vigilance (box « axes d’amélioration » of seed 000)."""

    programme = models.ForeignKey(
        "plans.ProgrammeAnnuel", verbose_name="programme", on_delete=models.CASCADE, related_name="axes_amelioration"
    )
    category = models.CharField("catégorie", max_length=20, choices=CategorieAxe.choices)
    text = models.TextField("texte")
    order = models.PositiveSmallIntegerField("ordre", default=0)
    created_at = models.DateTimeField("créé le", auto_now_add=True)

    class Meta:
        verbose_name = "axe d’amélioration"
        verbose_name_plural = "axes d’amélioration"
        ordering = ["programme", "category", "order", "pk"]

    def __str__(self):
        return f"{self.get_category_display()} : {self.text[:60]}"


class ImportIndicateurs(models.Model):
    """A web import of an indicator file: run in the request when small, by the background worker when large
    (issue 12); its page shows the progress, then the result and the report of the skipped rows."""

    class Statut(models.TextChoices):
        EN_ATTENTE = "en_attente", "En attente"
        EN_COURS = "en_cours", "En cours"
        TERMINE = "termine", "Terminé"
        REFUSE = "refuse", "Refusé"
        ECHEC = "echec", "Échec"

    programme = models.ForeignKey(
        "plans.ProgrammeAnnuel", verbose_name="programme", on_delete=models.CASCADE, related_name="imports_indicateurs"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="importé par", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    file_name = models.CharField("fichier", max_length=200)
    data = models.BinaryField("contenu du fichier", blank=True, default=b"")  # emptied once the import has run
    year = models.PositiveSmallIntegerField("année indiquée", null=True, blank=True)
    status = models.CharField("état", max_length=20, choices=Statut.choices, default=Statut.EN_ATTENTE)
    done = models.PositiveIntegerField("lignes lues", default=0)
    total = models.PositiveIntegerField("lignes du fichier", default=0)
    summary = models.TextField("résultat", blank=True)
    values_written = models.PositiveIntegerField("valeurs enregistrées", default=0)
    refused_message = models.TextField("motif du refus", blank=True)
    refused_details = models.JSONField("détails du refus", default=list, blank=True)
    skipped = models.JSONField("lignes ignorées", default=list, blank=True)  # [[line, key, reason], …]
    created_at = models.DateTimeField("demandé le", auto_now_add=True)
    finished_at = models.DateTimeField("terminé le", null=True, blank=True)

    class Meta:
        verbose_name = "import d’indicateurs"
        verbose_name_plural = "imports d’indicateurs"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Statut.TERMINE, self.Statut.REFUSE, self.Statut.ECHEC}

    @property
    def percent(self) -> int:
        return min(100, round(self.done * 100 / self.total)) if self.total else 0
