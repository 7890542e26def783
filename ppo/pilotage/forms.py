from django import forms
from dsfr.forms import DsfrBaseForm

from ppo.campagnes.forms import KIND_CHOICES
from ppo.core.dates import current_school_year
from ppo.referentiel.enums import Secteur
from ppo.referentiel.models import Bassin, Departement


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
