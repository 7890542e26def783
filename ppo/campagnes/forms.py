from django import forms
from dsfr.forms import DsfrBaseForm

from ppo.campagnes.enums import Decision
from ppo.campagnes.models import Priorite, TempsFort
from ppo.core.dates import current_school_year
from ppo.referentiel.enums import Secteur, TypeEtablissement
from ppo.referentiel.models import Bassin, Departement, Niveau

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
KIND_CHOICES = [(k.value, k.label) for k in TypeEtablissement if k != TypeEtablissement.AUTRE]


class CampagneForm(DsfrBaseForm):
    deadline = forms.DateField(label="Date limite de transmission", widget=DATE)
    kinds = forms.MultipleChoiceField(
        label="Types d’établissement concernés",
        choices=KIND_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        initial=[k for k, _ in KIND_CHOICES],
    )
    resources = forms.CharField(
        label="Ressources recommandées", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )


class CampagneCreateForm(CampagneForm):
    academie = forms.ModelChoiceField(label="Académie", queryset=None, empty_label=None)
    year = forms.TypedChoiceField(label="Année scolaire", coerce=int)
    copy_previous = forms.BooleanField(
        label="Reprendre la campagne précédente",
        help_text="Priorités, volumes horaires et temps forts de la dernière campagne, dates décalées d’autant "
        "d’années.",
        required=False,
        initial=True,
    )
    field_order = ["academie", "year", "deadline", "kinds", "resources", "copy_previous"]

    def __init__(self, *args, academies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["academie"].queryset = academies
        year = current_school_year()
        self.fields["year"].choices = [(y, f"{y}-{y + 1}") for y in range(year - 1, year + 3)]
        self.fields["year"].initial = year


class PrioriteForm(DsfrBaseForm, forms.ModelForm):
    class Meta:
        model = Priorite
        fields = ["text", "indicator_label", "indicator_code", "target", "unit", "target_direction"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}


class TempsFortForm(DsfrBaseForm, forms.ModelForm):
    niveaux = forms.ModelMultipleChoiceField(
        label="Niveaux",
        queryset=Niveau.objects.order_by("order"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Aucun niveau coché : tous les niveaux.",
    )

    class Meta:
        model = TempsFort
        fields = ["label", "kind", "start_date", "end_date", "description", "niveaux"]
        widgets = {"start_date": DATE, "end_date": DATE, "description": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "La fin ne peut pas précéder le début.")
        return data


class VolumeForm(DsfrBaseForm):
    niveau = forms.ModelChoiceField(label="Niveau", queryset=Niveau.objects.order_by("order"))
    hours = forms.DecimalField(
        label="Heures par an",
        max_digits=5,
        decimal_places=1,
        min_value=0,
        required=False,
        help_text="Laisser vide pour revenir au volume national.",
    )


class DecisionForm(DsfrBaseForm):
    decision = forms.ChoiceField(label="Décision", choices=Decision.choices, widget=forms.RadioSelect)
    message = forms.CharField(
        label="Message à l’établissement", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class CommentaireForm(DsfrBaseForm):
    anchor = forms.ChoiceField(label="Porte sur")
    text = forms.CharField(label="Commentaire", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, anchors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["anchor"].choices = anchors


class ReponseForm(DsfrBaseForm):
    text = forms.CharField(label="Votre réponse", widget=forms.Textarea(attrs={"rows": 2}))


class FiltresForm(DsfrBaseForm):
    """The GET filters of the dashboard, the list of schools, the map and the exports."""

    annee = forms.TypedChoiceField(label="Année scolaire", coerce=int, required=False)
    departement = forms.ModelChoiceField(label="Département", queryset=None, required=False, empty_label="Tous")
    bassin = forms.ModelChoiceField(label="Bassin", queryset=None, required=False, empty_label="Tous")
    type_etablissement = forms.ChoiceField(
        label="Type d’établissement", choices=[("", "Tous")] + KIND_CHOICES, required=False
    )
    secteur = forms.ChoiceField(label="Secteur", choices=[("", "Public et privé")] + Secteur.choices, required=False)

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        year = current_school_year()
        self.fields["annee"].choices = [(y, f"{y}-{y + 1}") for y in range(year - 3, year + 2)]
        self.fields["departement"].queryset = Departement.objects.filter(
            pk__in=schools.values("departement_id")
        ).order_by("code")
        self.fields["bassin"].queryset = Bassin.objects.filter(pk__in=schools.values("bassin_id")).order_by("name")

    def show_year(self, year: int) -> None:
        """Make the year select show the year the page displays, also when the query string has none or a bad one.

        A bound form renders what the query string holds: without this, "Appliquer les filtres" would send the
        first year of the list instead of the year on screen.
        """
        field = self.fields["annee"]
        if year not in {value for value, _label in field.choices}:
            field.choices = sorted([*field.choices, (year, f"{year}-{year + 1}")])
        field.initial = year
        if self.is_bound:
            self.data = self.data.copy()
            self.data["annee"] = str(year)
