from django import forms
from dsfr.forms import DsfrBaseForm

from ppo.partenaires.models import Structure
from ppo.plans.models import Axe
from ppo.suivi.enums import DecisionReprise, Evaluation, StatutSuivi
from ppo.suivi.models import Bilan
from ppo.suivi.rules import suivi_errors
from ppo.suivi.uploads import ALLOWED, ALLOWED_LABEL, attachment_check


def _count_field(label, negative_message):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        error_messages={"min_value": negative_message, "invalid": "Saisissez un nombre entier."},
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
    )


class SuiviForm(DsfrBaseForm):
    """The short follow-up form, made for a phone: the essentials first, details after."""

    status = forms.ChoiceField(label="État de l’action", choices=StatutSuivi.choices, widget=forms.RadioSelect)
    reason = forms.CharField(
        label="Motif (si reportée ou annulée)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    actual_date = forms.DateField(
        label="Date de réalisation",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Saisissez une date valide, par exemple 14/11/2025."},
    )
    hours_spent = forms.DecimalField(
        label="Heures effectivement consacrées",
        required=False,
        min_value=0,
        max_digits=5,
        decimal_places=1,
        error_messages={
            "min_value": "Le nombre d’heures ne peut pas être négatif.",
            "invalid": "Saisissez un nombre d’heures, par exemple 1,5.",
        },
        localize=True,  # « 1,5 » as well as « 1.5 »
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    girls = _count_field("Filles touchées", "Le nombre de filles ne peut pas être négatif.")
    boys = _count_field("Garçons touchés", "Le nombre de garçons ne peut pas être négatif.")
    evaluation = forms.ChoiceField(
        label="Les effets attendus sont-ils atteints ?",
        choices=Evaluation.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label="Commentaire de l’équipe", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    classes = forms.CharField(label="Classes touchées", required=False, max_length=300)
    partners = forms.ModelMultipleChoiceField(
        label="Partenaires mobilisés",
        queryset=Structure.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    partners_other = forms.CharField(label="Autres partenaires mobilisés", required=False, max_length=300)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    # On a phone, the details are folded under the essentials (plain <details>, no JavaScript).
    DETAILS = ("classes", "partners", "partners_other")

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        academie_id = action.programme.ppo.etablissement.academie_id
        self.fields["partners"].queryset = Structure.objects.filter(academie_id=academie_id).order_by("name")
        if action.pupils_count is not None:
            self.fields["girls"].help_text = f"Élèves concernés prévus : {action.pupils_count} (filles et garçons)."

    def essential_fields(self):
        return [f for f in self.visible_fields() if f.name not in self.DETAILS]

    def detail_fields(self):
        return [f for f in self.visible_fields() if f.name in self.DETAILS]

    def details_have_errors(self) -> bool:
        return any(self.errors.get(name) for name in self.DETAILS)

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        errors = suivi_errors(
            action=self.action,
            status=data.get("status", ""),
            reason=data.get("reason", ""),
            actual_date=data.get("actual_date"),
            hours_spent=data.get("hours_spent"),
            girls=data.get("girls"),
            boys=data.get("boys"),
        )
        for field, message in errors.items():
            self.add_error(field, message)
        return data


class PieceJointeForm(DsfrBaseForm):
    file = forms.FileField(
        label="Fichier",
        help_text=f"Formats acceptés : {ALLOWED_LABEL}.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED)}),
        error_messages={"required": "Choisissez un fichier.", "empty": "Le fichier est vide."},
    )
    description = forms.CharField(
        label="Description",
        required=False,
        max_length=200,
        help_text="Par exemple « feuille d’émargement » ou « programme de la journée ».",
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        attachment_check(uploaded)
        return uploaded


class BilanForm(DsfrBaseForm, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Bilan
        fields = list(Bilan.TEXT_FIELDS)
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in Bilan.TEXT_FIELDS}


class CalendarFilterForm(forms.Form):
    """The GET filters of the calendar; anything unexpected falls back to the defaults."""

    vue = forms.ChoiceField(label="Vue", choices=[("mois", "Par mois"), ("niveau", "Par niveau")], required=False)
    axe = forms.TypedChoiceField(label="Axe", coerce=int, required=False, empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["axe"].choices = [("", "Tous les axes")] + [
            (axe.number, f"Axe {axe.number} — {axe.short_label}") for axe in Axe.objects.order_by("number")
        ]

    def values(self):
        if not self.is_valid():
            return "mois", None
        return self.cleaned_data.get("vue") or "mois", self.cleaned_data.get("axe")


class RepriseForm(forms.Form):
    """One decision (keep / adjust / drop) and an optional note per action."""

    def __init__(self, *args, actions, initial_decisions, ask_without_bilan=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.actions = actions
        if ask_without_bilan:
            self.fields["without_validated_bilan"] = forms.BooleanField(
                label="Continuer sans bilan validé",
                help_text="Ce choix est enregistré dans l’historique des reprises, avec votre nom et la date.",
                required=False,
            )
        for action in actions:
            self.fields[f"decision_{action.pk}"] = forms.ChoiceField(
                label=f"Décision pour « {action.title} »",
                choices=DecisionReprise.choices,
                initial=initial_decisions.get(action.pk, DecisionReprise.GARDER),
                widget=forms.RadioSelect,
                error_messages={"required": "Choisissez garder, ajuster ou ne pas reprendre."},
            )
            self.fields[f"note_{action.pk}"] = forms.CharField(
                label="Ce qu’il faut ajuster", required=False, widget=forms.Textarea(attrs={"rows": 2})
            )

    def rows(self):
        for action in self.actions:
            yield action, self[f"decision_{action.pk}"], self[f"note_{action.pk}"]

    def decisions(self):
        return {action.pk: self.cleaned_data[f"decision_{action.pk}"] for action in self.actions}

    def notes(self):
        return {action.pk: self.cleaned_data[f"note_{action.pk}"] for action in self.actions}

    def continues_without_bilan(self) -> bool:
        return bool(self.cleaned_data.get("without_validated_bilan"))
