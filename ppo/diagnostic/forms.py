from django import forms
from dsfr.forms import DsfrBaseForm

from ppo.campagnes.models import Priorite
from ppo.campagnes.selectors import campagne_for
from ppo.core.dates import current_school_year
from ppo.diagnostic.enums import CategorieAxe, TypeQuestion
from ppo.diagnostic.models import Indicateur, ObjectifCible
from ppo.diagnostic.validation import value_error
from ppo.plans.enums import TypeAction
from ppo.plans.models import Axe
from ppo.referentiel.models import Niveau

MAX_UPLOAD = 20 * 1024 * 1024
YES_NO = [("oui", "Oui"), ("non", "Non")]


def _recent_years(back: int = 8, ahead: int = 0):
    now = current_school_year()
    return [(y, f"{y}-{y + 1}") for y in range(now + ahead, now - back - 1, -1)]


class IndicateurChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        if obj.range_label:
            return f"{obj.label} ({obj.range_label})"
        return f"{obj.label} ({obj.unit_symbol})" if obj.unit_symbol else obj.label


class ValeurForm(DsfrBaseForm):
    indicateur = IndicateurChoiceField(label="Indicateur", queryset=Indicateur.objects.all())
    year = forms.TypedChoiceField(label="Année scolaire", coerce=int)
    scope = forms.CharField(
        label="Précision (facultatif)",
        max_length=120,
        required=False,
        help_text="Par exemple une spécialité, un diplôme (CAP, bac pro) ou un public (apprentis).",
    )
    value = forms.DecimalField(label="Valeur", max_digits=10, decimal_places=2, localize=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = _recent_years()
        self.fields["year"].initial = current_school_year() - 1

    def clean(self):
        cleaned = super().clean()
        indicateur, value = cleaned.get("indicateur"), cleaned.get("value")
        if indicateur is not None and (error := value_error(indicateur=indicateur, value=value)):
            self.add_error("value", error)
        return cleaned


class ImportForm(DsfrBaseForm):
    fichier = forms.FileField(
        label="Fichier CSV ou XLSX",
        help_text=(
            "Le modèle de la plateforme, ou un fichier de données ouvertes de la DEPP tel que publié (InserJeunes, DNB, "
            "IVAC, IPS des collèges, spécialités de première et de terminale, effectifs par niveau et sexe). Seules les lignes de votre établissement sont prises en compte. Taille maximale : 20 Mo."
        ),
    )
    year = forms.TypedChoiceField(
        label="Année scolaire des données (si le fichier ne la donne pas)",
        coerce=int,
        required=False,
        empty_value=None,
        help_text="Utile pour le fichier InserJeunes lorsque son nom ne précise pas l’année.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", "Déduite du fichier"), *_recent_years()]

    def clean_fichier(self):
        fichier = self.cleaned_data["fichier"]
        if not fichier.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError("Choisissez un fichier .csv ou .xlsx.")
        if fichier.size > MAX_UPLOAD:
            raise forms.ValidationError("Le fichier dépasse 20 Mo.")
        return fichier


class ReponseForm(DsfrBaseForm):
    """One field (or two: the answer and « précisions ») per question of the questionnaire."""

    def __init__(self, *args, sections, answers: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.layout = []
        number = 0
        for section in sections:
            items = []
            for question in section.questions.all():
                if question.kind == TypeQuestion.ACTIONS:
                    continue
                number += 1
                items.append((number, question, self._add(question, answers.get(question.pk), number)))
            if items:
                self.layout.append((section, items))

    def _add(self, question, answer, number):
        name = f"q{question.pk}"
        label = question.text
        names = []
        if question.kind == TypeQuestion.OUI_NON:
            initial = None if answer is None or answer.yes_no is None else ("oui" if answer.yes_no else "non")
            self.fields[f"{name}_yes_no"] = forms.ChoiceField(
                label=label, choices=YES_NO, widget=forms.RadioSelect, required=False, initial=initial
            )
            names.append(f"{name}_yes_no")
            label = f"Précisions sur la question {number}"
        elif question.kind == TypeQuestion.CHOIX:
            self.fields[f"{name}_choice"] = forms.ChoiceField(
                label=label,
                choices=[(c, c) for c in question.choices],
                widget=forms.RadioSelect,
                required=False,
                initial=answer.choice if answer else None,
            )
            names.append(f"{name}_choice")
            label = f"Précisions sur la question {number}"
        elif question.kind == TypeQuestion.NOMBRE:
            self.fields[f"{name}_number"] = forms.DecimalField(
                label=label, required=False, min_value=0, max_digits=10, decimal_places=2, localize=True,
                initial=answer.number if answer else None,
            )  # fmt: skip
            names.append(f"{name}_number")
            label = f"Précisions sur la question {number}"
        self.fields[f"{name}_text"] = forms.CharField(
            label=label,
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text=question.help_text,
            initial=answer.text if answer else "",
        )
        names.append(f"{name}_text")
        return [self[n] for n in names]

    def answers(self) -> dict:
        result = {}
        for _section, items in self.layout:
            for _number, question, _fields in items:
                name = f"q{question.pk}"
                yes_no = self.cleaned_data.get(f"{name}_yes_no")
                result[question] = {
                    "text": self.cleaned_data.get(f"{name}_text", ""),
                    "yes_no": {"oui": True, "non": False}.get(yes_no),
                    "number": self.cleaned_data.get(f"{name}_number"),
                    "choice": self.cleaned_data.get(f"{name}_choice", ""),
                }
        return result


class InventaireItemForm(DsfrBaseForm):
    title = forms.CharField(label="Intitulé de l’action", max_length=200)
    niveaux = forms.ModelMultipleChoiceField(
        label="Niveaux concernés", queryset=Niveau.objects.none(), widget=forms.CheckboxSelectMultiple, required=False
    )
    axe = forms.ModelChoiceField(
        label="Axe (si connu)", queryset=Axe.objects.all(), required=False, empty_label="Je ne sais pas"
    )
    partners = forms.CharField(label="Partenaires", max_length=300, required=False)
    period = forms.CharField(label="Période", max_length=200, required=False, help_text="Par exemple « novembre ».")
    description = forms.CharField(
        label="Description", required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )

    def __init__(self, *args, etablissement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["niveaux"].queryset = Niveau.objects.filter(pk__in=etablissement.niveaux.all()).order_by("order")


class ConversionForm(DsfrBaseForm):
    """The plan action prefilled from an inventoried action; the direction completes it before creating it."""

    title = forms.CharField(label="Intitulé", max_length=200)
    axe = forms.ModelChoiceField(label="Axe", queryset=Axe.objects.all(), empty_label=None)
    niveaux = forms.ModelMultipleChoiceField(
        label="Niveaux", queryset=Niveau.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    kind = forms.ChoiceField(label="Type d’action", choices=TypeAction.choices)
    objective = forms.CharField(
        label="Déclinaison en objectifs opérationnels", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    period = forms.CharField(label="Quand (période)", max_length=200, required=False)
    description = forms.CharField(label="Quoi, comment", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    partners = forms.CharField(label="Partenaires", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, etablissement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["niveaux"].queryset = Niveau.objects.filter(pk__in=etablissement.niveaux.all()).order_by("order")
        self.fields["niveaux"].error_messages["required"] = "Choisissez au moins un niveau."

    @staticmethod
    def initial_from(item) -> dict:
        return {
            "title": item.title,
            "axe": item.axe_id,
            "niveaux": [n.pk for n in item.niveaux.all()],
            "period": item.period,
            "description": item.description,
            "partners": item.partners,
        }


class PrioriteChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        text = " ".join(obj.text.split())
        return text if len(text) <= 120 else f"{text[:119]}…"


class ObjectifForm(DsfrBaseForm, forms.ModelForm):
    indicateur = IndicateurChoiceField(label="Indicateur", queryset=Indicateur.objects.all())
    baseline_year = forms.TypedChoiceField(
        label="Année de la valeur de départ", coerce=int, required=False, empty_value=None
    )
    horizon_year = forms.TypedChoiceField(label="Horizon", coerce=int)
    priorite = PrioriteChoiceField(
        label="Priorité académique (facultatif)", queryset=Priorite.objects.none(), required=False, empty_label="—"
    )

    class Meta:
        model = ObjectifCible
        fields = [
            "indicateur",
            "scope",
            "baseline",
            "baseline_year",
            "target",
            "horizon_year",
            "comment",
            "priorite",
            "priorite_label",
        ]
        widgets = {"comment": forms.Textarea(attrs={"rows": 2})}
        localized_fields = ["baseline", "target"]
        help_texts = {
            "baseline": "Laissez vide pour reprendre la dernière valeur connue de l’indicateur.",
            "scope": "Par exemple la spécialité visée pour la part de filles.",
            "priorite_label": "Facultatif, seulement si la priorité n’est pas dans la liste de l’académie.",
        }

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["baseline_year"].choices = [("", "—"), *_recent_years()]
        ppo = programme.ppo
        self.fields["horizon_year"].choices = [
            (y, f"{y}-{y + 1}") for y in range(programme.year, max(ppo.last_year, programme.year) + 2)
        ]
        self.fields["horizon_year"].initial = ppo.last_year
        campagne = campagne_for(etablissement=ppo.etablissement, year=programme.year)
        field = self.fields["priorite"]
        field.error_messages["invalid_choice"] = (
            f"Cette priorité n’est pas une priorité de la campagne {programme.year_label} de votre académie."
        )
        if campagne is None:
            field.help_text = (
                f"L’académie n’a pas encore ouvert de campagne {programme.year_label} pour votre établissement."
            )
        else:
            field.queryset = campagne.priorites.all()
            field.help_text = f"Les priorités de la campagne {programme.year_label} de l’académie."

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("priorite") and (cleaned.get("priorite_label") or "").strip():
            self.add_error(
                "priorite_label", "Choisissez une priorité de la liste ou écrivez-en une autre, pas les deux."
            )
        return cleaned


class AxeAmeliorationForm(DsfrBaseForm):
    category = forms.ChoiceField(label="Catégorie", choices=CategorieAxe.choices)
    text = forms.CharField(label="Axe d’amélioration ou point de vigilance", widget=forms.Textarea(attrs={"rows": 2}))


class ConfirmForm(DsfrBaseForm):
    """An empty form: POST-only actions (delete, reopen) still go through a form and its CSRF token."""
