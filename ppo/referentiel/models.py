from django.db import models
from django.db.models.functions import Lower

from ppo.referentiel.enums import GroupeNiveau, Secteur, TypeEtablissement, TypeRepere, Voie
from ppo.referentiel.uai import validate_uai


class Region(models.Model):
    code = models.CharField("code", max_length=3, unique=True)
    name = models.CharField("nom", max_length=120)

    class Meta:
        verbose_name = "région académique"
        verbose_name_plural = "régions académiques"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Academie(models.Model):
    code = models.CharField("code", max_length=3, unique=True, help_text="Code BCN, par exemple 70 pour Normandie.")
    name = models.CharField("nom", max_length=120)
    region = models.ForeignKey(Region, verbose_name="région", on_delete=models.PROTECT, related_name="academies")

    class Meta:
        verbose_name = "académie"
        verbose_name_plural = "académies"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Departement(models.Model):
    code = models.CharField("code", max_length=3, unique=True, help_text="Code sur trois caractères, par exemple 014.")
    name = models.CharField("nom", max_length=120)
    academie = models.ForeignKey(
        Academie, verbose_name="académie", on_delete=models.PROTECT, related_name="departements"
    )

    class Meta:
        verbose_name = "département"
        verbose_name_plural = "départements"
        ordering = ["code"]

    def __str__(self):
        return f"{self.name} ({self.code.lstrip('0') or self.code})"


class Bassin(models.Model):
    """A group of neighbouring schools; each académie defines its own."""

    academie = models.ForeignKey(Academie, verbose_name="académie", on_delete=models.PROTECT, related_name="bassins")
    name = models.CharField("nom", max_length=120)
    departement = models.ForeignKey(
        Departement, verbose_name="département", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "bassin"
        verbose_name_plural = "bassins"
        ordering = ["name"]
        constraints = [models.UniqueConstraint("academie", Lower("name"), name="bassin_unique_name_per_academie")]

    def __str__(self):
        return self.name


class Niveau(models.Model):
    """A level taught (6e, 2nde pro, CAP 1re année…), with the national reference hours for orientation."""

    code = models.SlugField("code", max_length=20, unique=True)
    label = models.CharField("libellé", max_length=120)
    short_label = models.CharField("libellé court", max_length=30)
    template_label = models.CharField(
        "libellé du modèle", max_length=160, blank=True, help_text="Libellé employé dans les tableaux du modèle Word."
    )
    voie = models.CharField("voie", max_length=10, choices=Voie.choices)
    groupe = models.CharField("groupe du modèle", max_length=20, choices=GroupeNiveau.choices)
    order = models.PositiveSmallIntegerField("ordre")
    default_for_kinds = models.JSONField(
        "enseigné par défaut dans",
        default=list,
        blank=True,
        help_text="Types d’établissement (codes) qui l’enseignent.",
    )
    reference_hours = models.DecimalField(
        "volume horaire de référence (heures par an)", max_digits=5, decimal_places=1, null=True, blank=True
    )
    reference_hours_note = models.CharField("précision sur le volume horaire", max_length=300, blank=True)
    reference_hours_source = models.CharField("source du volume horaire", max_length=300, blank=True)

    class Meta:
        verbose_name = "niveau"
        verbose_name_plural = "niveaux"
        ordering = ["order"]

    def __str__(self):
        return self.label


class Etablissement(models.Model):
    uai = models.CharField("UAI", max_length=8, unique=True, validators=[validate_uai])
    name = models.CharField("nom", max_length=200)
    kind = models.CharField("type", max_length=10, choices=TypeEtablissement.choices)
    secteur = models.CharField("secteur", max_length=10, choices=Secteur.choices, default=Secteur.PUBLIC)
    commune = models.CharField("commune", max_length=120, blank=True)
    code_postal = models.CharField("code postal", max_length=5, blank=True)
    code_commune = models.CharField("code INSEE de la commune", max_length=5, blank=True)
    departement = models.ForeignKey(
        Departement, verbose_name="département", on_delete=models.PROTECT, related_name="etablissements"
    )
    academie = models.ForeignKey(
        Academie, verbose_name="académie", on_delete=models.PROTECT, related_name="etablissements"
    )
    bassin = models.ForeignKey(
        Bassin,
        verbose_name="bassin",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="etablissements",
    )
    latitude = models.FloatField("latitude", null=True, blank=True)
    longitude = models.FloatField("longitude", null=True, blank=True)
    ips = models.DecimalField("indice de position sociale", max_digits=5, decimal_places=1, null=True, blank=True)
    effectif = models.PositiveIntegerField("effectif d’élèves", null=True, blank=True)
    niveaux = models.ManyToManyField(Niveau, verbose_name="niveaux enseignés", blank=True, related_name="+")
    is_active = models.BooleanField("ouvert", default=True)
    updated_at = models.DateTimeField("mis à jour le", auto_now=True)

    class Meta:
        verbose_name = "établissement"
        verbose_name_plural = "établissements"
        ordering = ["name"]
        indexes = [models.Index(fields=["academie", "kind"]), models.Index(fields=["bassin"])]

    def __str__(self):
        return f"{self.name} ({self.uai})"


class RepereFamille(models.Model):
    """A line of the families' guide of one level, the same for every school: what the pupil lives this year, what
    parents can do and when (meetings, Affelnet, Parcoursup, open days), whom to contact. Reference data, edited in
    the administration; the public page and the family PDF show it above the school's actions."""

    niveau = models.ForeignKey(Niveau, verbose_name="niveau", on_delete=models.CASCADE, related_name="reperes")
    kind = models.CharField("type", max_length=10, choices=TypeRepere.choices)
    period = models.CharField("quand", max_length=80, blank=True, help_text="Par exemple « janvier à mars ».")
    text = models.TextField("texte", help_text="En langage simple, adressé aux parents : « votre enfant … ».")
    order = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "repère pour les familles"
        verbose_name_plural = "repères pour les familles"
        ordering = ["niveau__order", "kind", "order", "pk"]

    def __str__(self):
        return f"{self.niveau.short_label} — {self.get_kind_display()} — {self.text[:40]}"


class FamilleCompetences(models.Model):
    """A family of ONISEP's « compétences à s’orienter » (three of them), with the source and version of the list.

    Reference data loaded by a migration (ppo.referentiel.competences) and edited by an operator in the
    administration: the actions of the programmes are tagged with its competences."""

    code = models.SlugField("code", max_length=20, unique=True)
    label = models.CharField("intitulé", max_length=200)
    order = models.PositiveSmallIntegerField("ordre", default=0)
    source = models.CharField("source", max_length=300, blank=True)
    version = models.CharField("version", max_length=60, blank=True, help_text="Par exemple « 2025 ».")

    class Meta:
        verbose_name = "famille de compétences à s’orienter"
        verbose_name_plural = "compétences à s’orienter (familles)"
        ordering = ["order", "pk"]

    def __str__(self):
        return self.label


class Competence(models.Model):
    """One of the five competences of a family, with its expected progression over each cycle (optional)."""

    famille = models.ForeignKey(
        FamilleCompetences, verbose_name="famille", on_delete=models.CASCADE, related_name="competences"
    )
    code = models.SlugField("code", max_length=20, unique=True, help_text="Par exemple « 1.2 » s’écrit « c1-2 ».")
    label = models.CharField("intitulé", max_length=300)
    order = models.PositiveSmallIntegerField("ordre", default=0)
    progression_college = models.TextField("progression au collège (5e–3e)", blank=True)
    progression_lycee = models.TextField("progression au lycée (2de–terminale)", blank=True)

    class Meta:
        verbose_name = "compétence à s’orienter"
        verbose_name_plural = "compétences à s’orienter"
        ordering = ["famille__order", "order", "pk"]

    def __str__(self):
        return self.label

    @property
    def number(self) -> str:
        """« 1.2 »: the family's rank, then the competence's."""
        return f"{self.famille.order}.{self.order}"
