from django import forms
from dsfr.forms import DsfrBaseForm

from ppo.campagnes.models import Priorite, TempsFort
from ppo.core.dates import current_school_year
from ppo.referentiel.enums import TypeEtablissement
from ppo.referentiel.models import Niveau

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
    requires_complete = forms.BooleanField(
        label="Exiger un programme complet pour la transmission",
        help_text="Sans cette option, un établissement peut transmettre avec des points ouverts en expliquant "
        "pourquoi ; avec elle, la transmission est refusée tant qu’un point reste ouvert.",
        required=False,
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
    field_order = ["academie", "year", "deadline", "kinds", "resources", "requires_complete", "copy_previous"]

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
