from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from dsfr.forms import DsfrBaseForm

from ppo.comptes.enums import Role
from ppo.comptes.selectors import team_members
from ppo.core.dates import current_school_year
from ppo.plans.enums import CategorieRessource, StatutProgramme
from ppo.plans.models import Action, Axe, RessourceItem
from ppo.plans.periods import month_choices, read_period
from ppo.referentiel.models import Competence, Niveau


class CheckboxesWidget(forms.CheckboxSelectMultiple):
    """Checkboxes in the DSFR markup (django.forms comes before dsfr in INSTALLED_APPS, so its template wins)."""

    option_template_name = "plans/widgets/checkbox_option.html"


class GroupedCheckboxesWidget(CheckboxesWidget):
    """Checkboxes under a sub-title per group (the competences of each family)."""

    template_name = "plans/widgets/grouped_checkboxes.html"


class CompetenceChoiceField(forms.ModelMultipleChoiceField):
    """The competences, grouped by family, numbered « 1.2 »."""

    def __init__(self, **kwargs):
        queryset = Competence.objects.select_related("famille").order_by("famille__order", "order")
        super().__init__(queryset=queryset, widget=GroupedCheckboxesWidget, required=False, **kwargs)

    def label_from_instance(self, obj):
        return f"{obj.number} {obj.label}"

    def grouped_choices(self) -> list:
        """[(family, [(pk, label), …]), …] for the widget: one query."""
        groups: dict = {}
        for competence in self.queryset:
            key = f"{competence.famille.order}. {competence.famille.label}"
            groups.setdefault(key, []).append((competence.pk, self.label_from_instance(competence)))
        return list(groups.items())


CHECKBOXES = CheckboxesWidget


class ItemChoiceField(forms.ModelMultipleChoiceField):
    """A checklist item, labelled with its sub-title when it has one (« AROM — Xperiences Métiers »)."""

    def label_from_instance(self, obj):
        return f"{obj.group} — {obj.label}" if obj.group else obj.label


class PPOCreateForm(DsfrBaseForm):
    first_year = forms.TypedChoiceField(label="Première année scolaire", coerce=int)
    years = forms.TypedChoiceField(
        label="Durée", coerce=int, choices=[(3, "3 années scolaires"), (4, "4 années scolaires")], initial=3
    )

    def __init__(self, *args, current_year: int, taken: set, **kwargs):
        super().__init__(*args, **kwargs)
        years = [y for y in range(current_year - 1, current_year + 3) if y not in taken]
        self.fields["first_year"].choices = [(y, f"{y}-{y + 1}") for y in years]
        if current_year in years:
            self.fields["first_year"].initial = current_year


# The action form by part of the official table, each part a fieldset.
ACTION_GROUPS = [
    ("L’action", ["title", "axe", "niveaux", "kind", "objective"]),
    (
        "Mise en œuvre envisagée : qui, quand, quoi, comment",
        [
            "actors",
            "actors_other",
            "period",
            "start_date",
            "end_date",
            "description",
            "public_description",
        ],
    ),
    ("Partenaires", ["partner_items", "partners"]),
    ("Compétences à s’orienter (ONISEP)", ["competences"]),
    ("Élèves concernés et heures", ["classes", "pupils_count", "hours"]),
    ("Suivi et évaluation", ["expected_effects", "indicators", "gender_equality"]),
    ("Pour l’équipe", ["responsable", "internal_comment"]),
]


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.email


class ActionForm(DsfrBaseForm, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    actors = ItemChoiceField(
        label="Qui (acteurs)", queryset=RessourceItem.objects.none(), widget=CHECKBOXES, required=False
    )
    partner_items = ItemChoiceField(
        label="Catégories de partenaires", queryset=RessourceItem.objects.none(), widget=CHECKBOXES, required=False
    )
    competences = CompetenceChoiceField(
        label="Compétences travaillées",
        help_text="Facultatif : les compétences à s’orienter que l’action fait travailler.",
    )
    responsable = PersonChoiceField(
        label="Responsable de l’action",
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label="Personne pour l’instant",
        help_text=(
            "Une personne de la direction ou un rédacteur de l’établissement : l’action figure dans ses "
            "« actions à renseigner » et dans son rappel hebdomadaire."
        ),
        error_messages={"invalid_choice": "Choisissez une personne de l’équipe de l’établissement."},
    )

    # Shown only when the period says nothing readable and there is no date (ADR 032): the month is added to it.
    month = forms.ChoiceField(
        label="Mois de l’action",
        required=False,
        help_text="La période écrite ne dit pas quand l’action a lieu : le mois choisi y est ajouté entre parenthèses.",
    )

    class Meta:
        model = Action
        fields = [name for _, names in ACTION_GROUPS for name in names]
        widgets = {
            "niveaux": CHECKBOXES,
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "objective": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 3}),
            "public_description": forms.Textarea(attrs={"rows": 3}),
            "partners": forms.Textarea(attrs={"rows": 2}),
            "expected_effects": forms.Textarea(attrs={"rows": 3}),
            "indicators": forms.Textarea(attrs={"rows": 2}),
            "internal_comment": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "description": "Mise en œuvre envisagée : ce qui est fait et comment. Pour l’équipe et l’académie.",
            "public_description": (
                "Publiée pour les familles : deux ou trois phrases simples, sans sigle ni nom de personne "
                "(« Votre enfant visite une entreprise du territoire et rencontre des professionnels »). "
                "Vide : les familles ne lisent que le titre de l’action et sa date."
            ),
            "hours": "Heures consacrées à l’orientation pour chaque élève concerné.",
            "internal_comment": "Réservé à l’équipe : jamais publié.",
            "niveaux": "Seuls les niveaux enseignés dans l’établissement sont proposés.",
        }

    def __init__(self, *args, etablissement, year: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.year = year or current_school_year()
        self.fields["month"].choices = [("", "Choisir un mois")] + month_choices(self.year)
        # Asked again while the user answers it, and on opening an action whose period cannot be read.
        self.asks_month = bool(self.data.get(self.add_prefix("month"))) or (
            not self.is_bound and self.instance.pk is not None and self._unreadable(self.instance.__dict__)
        )
        self.fields["axe"].queryset = Axe.objects.all()
        self.fields["axe"].empty_label = None
        self.fields["niveaux"].queryset = Niveau.objects.filter(pk__in=etablissement.niveaux.all()).order_by("order")
        self.fields["niveaux"].error_messages["required"] = "Choisissez au moins un niveau."
        active = RessourceItem.objects.filter(is_active=True).order_by("order")
        self.fields["actors"].queryset = active.filter(category=CategorieRessource.ACTEURS)
        self.fields["partner_items"].queryset = active.filter(category=CategorieRessource.PARTENARIATS)
        self.fields["hours"].min_value = 0
        self.fields["hours"].validators.append(_non_negative)
        # The school's team who may record the follow-up (direction, rédacteurs: a lecteur could not fill it in); a
        # responsable who has left it since stays selectable on their action, no one else (ADR 032).
        writers = team_members(etablissement=etablissement).filter(role__in=(Role.DIRECTION, Role.REDACTEUR))
        team = Q(pk__in=writers.values("user_id"))
        if self.instance.responsable_id:
            team |= Q(pk=self.instance.responsable_id)
        self.fields["responsable"].queryset = (
            get_user_model().objects.filter(team).order_by("last_name", "first_name", "email")
        )
        self.fields["competences"].widget.choices = self.fields["competences"].grouped_choices()

    def groups(self):
        """The fields by part of the official table, each part a fieldset; the month after the period if asked."""
        groups = []
        for legend, names in ACTION_GROUPS:
            if self.asks_month and "period" in names:
                names = [*names[: names.index("period") + 1], "month", *names[names.index("period") + 1 :]]
            groups.append((legend, [self[name] for name in names]))
        return groups

    def _unreadable(self, values) -> bool:
        """A period is written, it says no month we can read, and there is no date."""
        period = (values.get("period") or "").strip()
        if not period or values.get("start_date") or values.get("end_date"):
            return False
        return read_period(period, self.year) is None

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "La date de fin doit suivre la date de début.")
        if "period" in cleaned and self._unreadable(cleaned):
            self._month_into_period(cleaned)
        return cleaned

    def _month_into_period(self, cleaned):
        period, month = cleaned["period"].strip(), cleaned.get("month")
        if not month:
            self.asks_month = True
            self.add_error(
                "month",
                f"La période « {period} » ne dit pas quand l’action a lieu : choisissez son mois, ou écrivez la "
                "période autrement (« novembre », « T2 », « fin janvier – début février », « semaine 48 », "
                "« 12/10/2026 »), ou indiquez une date.",
            )
            return
        label = dict(self.fields["month"].choices)[month]
        written = f"{period} ({label})"
        if len(written) > Action._meta.get_field("period").max_length:
            self.asks_month = True
            self.add_error("period", "Raccourcissez la période pour que le mois choisi y soit ajouté.")
            return
        cleaned["period"] = written

    def service_fields(self) -> dict:
        """What the services take: every field but the version and the month (added to the period); M2M as lists."""
        data = {name: value for name, value in self.cleaned_data.items() if name not in ("version", "month")}
        for name in ("niveaux", "actors", "partner_items", "competences"):
            data[name] = list(data[name])
        return data


def _non_negative(value):
    if value is not None and value < 0:
        raise forms.ValidationError("Le nombre d’heures ne peut pas être négatif.")


class DeleteForm(DsfrBaseForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class RessourcesForm(DsfrBaseForm):
    """The four checklists of seed 000, each with its free « Autre », and the training to plan."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    training = forms.CharField(
        label="Actions de formation à prévoir", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, items_by_category: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.categories = []
        for category in CategorieRessource:
            items = items_by_category.get(category.value, [])
            name = f"items_{category.value}"
            self.fields[name] = ItemChoiceField(
                label=category.label,
                queryset=RessourceItem.objects.filter(pk__in=[i.pk for i in items]).order_by("order"),
                widget=CHECKBOXES,
                required=False,
            )
            self.fields[f"autre_{category.value}"] = forms.CharField(
                label="Autre", required=False, max_length=500, help_text=f"{category.label} : précisez."
            )
            self.categories.append((category, self[name], self[f"autre_{category.value}"]))
        # Keep the training field last.
        self.fields["training"] = self.fields.pop("training")

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "ressources": [item for c in CategorieRessource for item in data[f"items_{c.value}"]],
            "ressources_autres": {c.value: data[f"autre_{c.value}"] for c in CategorieRessource},
            "training": data["training"],
        }


class DecisionForm(DsfrBaseForm):
    """The conseil pédagogique's advice or the CA's adoption (with the date of the meeting), or the publication."""

    status = forms.ChoiceField(widget=forms.HiddenInput)
    date_of_decision = forms.DateField(
        label="Date de la séance", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    comment = forms.CharField(
        label="Commentaire",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Par exemple le sens de l’avis ou le numéro de la délibération.",
    )

    def __init__(self, *args, status=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (s.value, s.label) for s in (StatutProgramme.AVIS_CP, StatutProgramme.ADOPTE_CA, StatutProgramme.PUBLIE)
        ]
        if status is not None:
            self.fields["status"].initial = status
            if status == StatutProgramme.PUBLIE:
                del self.fields["date_of_decision"]
            else:
                self.fields["date_of_decision"].required = True
                self.fields["date_of_decision"].error_messages["required"] = "Indiquez la date de la séance."
