from django import forms
from dsfr.forms import DsfrBaseForm

from ppo.referentiel.enums import Secteur, TypeEtablissement
from ppo.referentiel.models import Bassin, Departement, Etablissement, Niveau


class EtablissementFilterForm(DsfrBaseForm):
    q = forms.CharField(label="UAI, nom ou commune", required=False, max_length=100)
    kind = forms.ChoiceField(label="Type", required=False, choices=[("", "Tous")] + TypeEtablissement.choices)
    departement = forms.ModelChoiceField(
        label="Département", required=False, queryset=Departement.objects.none(), empty_label="Tous"
    )
    bassin = forms.ModelChoiceField(label="Bassin", required=False, queryset=Bassin.objects.none(), empty_label="Tous")
    secteur = forms.ChoiceField(label="Secteur", required=False, choices=[("", "Tous")] + Secteur.choices)

    def __init__(self, *args, academie, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["departement"].queryset = Departement.objects.filter(academie=academie)
        self.fields["bassin"].queryset = Bassin.objects.filter(academie=academie)


class BassinForm(DsfrBaseForm):
    name = forms.CharField(label="Nom du bassin", max_length=120)
    departement = forms.ModelChoiceField(
        label="Département principal",
        required=False,
        queryset=Departement.objects.none(),
        empty_label="Aucun (bassin sur plusieurs départements)",
    )

    def __init__(self, *args, academie, bassin=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.academie, self.bassin = academie, bassin
        self.fields["departement"].queryset = Departement.objects.filter(academie=academie)

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        same = Bassin.objects.filter(academie=self.academie, name__iexact=name)
        if self.bassin is not None:
            same = same.exclude(pk=self.bassin.pk)
        if same.exists():
            raise forms.ValidationError("Un bassin de ce nom existe déjà dans votre académie.")
        return name


class DepartementChoiceForm(DsfrBaseForm):
    departement = forms.ModelChoiceField(
        label="Département", queryset=Departement.objects.none(), empty_label=None, required=False
    )

    def __init__(self, *args, academie, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["departement"].queryset = Departement.objects.filter(academie=academie)


class EtablissementChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        where = f"bassin actuel : {obj.bassin.name}" if obj.bassin else "sans bassin"
        return f"{obj.name} ({obj.uai}), {obj.commune} — {where}"


class BassinEtablissementsForm(DsfrBaseForm):
    etablissements = EtablissementChoiceField(
        label="Établissements du bassin",
        help_text="Cochez les établissements du bassin ; décochez ceux qui n’en font plus partie.",
        queryset=Etablissement.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["etablissements"].queryset = candidates


class NiveauxForm(DsfrBaseForm):
    niveaux = forms.ModelMultipleChoiceField(
        label="Niveaux enseignés",
        queryset=Niveau.objects.order_by("order"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
