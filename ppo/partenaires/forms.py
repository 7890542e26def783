from django import forms
from dsfr.forms import DsfrBaseForm

from ppo.partenaires.enums import TypeIntervention, TypeOffre
from ppo.partenaires.models import Ambassadeur, DemandeIntervention, Metier, Offre, RetourIntervention, Secteur
from ppo.plans.models import Axe
from ppo.referentiel.models import Bassin, Departement, Niveau

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Boxes with the DSFR markup: django.forms' own option template otherwise wins over django-dsfr's.

    Same class name as Django's, as django-dsfr picks its fieldset snippet by the widget's class name.
    """

    option_template_name = "partenaires/widgets/checkbox_option.html"


class RadioSelect(forms.RadioSelect):
    option_template_name = "partenaires/widgets/radio_option.html"


Checkboxes, Radios = CheckboxSelectMultiple, RadioSelect


# The principles of the répertoire des partenaires (seed 003), checked by the moderator before validating.
PRINCIPLES = [
    ("gratuite", "Gratuité : l’offre est gratuite, ou son coût est justifié."),
    ("qualite", "Qualité de l’information et de l’intervention."),
    ("age", "Information adaptée à l’âge des élèves visés."),
    ("mixite", "Sensibilisation à la mixité des métiers et à l’égalité professionnelle."),
    ("equite", "Équité : l’offre est accessible quelle que soit la localisation de l’établissement."),
]


class CatalogueFilterForm(DsfrBaseForm):
    q = forms.CharField(
        label="Mots-clés", required=False, help_text="Par exemple « soudure » ou « métiers du numérique »."
    )
    niveau = forms.ModelChoiceField(Niveau.objects.all(), label="Niveau", required=False, empty_label="Tous")
    axe = forms.ModelChoiceField(Axe.objects.all(), label="Axe du PPO", required=False, empty_label="Tous")
    kind = forms.ChoiceField(label="Type d’offre", required=False, choices=[("", "Tous"), *TypeOffre.choices])
    secteur = forms.ModelChoiceField(Secteur.objects.all(), label="Secteur", required=False, empty_label="Tous")
    departement = forms.ModelChoiceField(
        Departement.objects.all(), label="Département", required=False, empty_label="Tous"
    )
    bassin = forms.ModelChoiceField(Bassin.objects.all(), label="Bassin", required=False, empty_label="Tous")
    gratuit = forms.BooleanField(label="Offres gratuites seulement", required=False)


class OffreForm(DsfrBaseForm, forms.ModelForm):
    class Meta:
        model = Offre
        fields = [
            "title", "description", "kind", "niveaux", "axes", "metiers", "secteurs", "academie", "departements",
            "bassins", "all_year", "start_date", "end_date", "capacity", "is_free", "cost_justification",
            "is_accessible", "accessibility_note", "contact_name", "contact_email", "contact_phone",
        ]  # fmt: skip
        widgets = {
            "niveaux": Checkboxes,
            "axes": Checkboxes,
            "secteurs": Checkboxes,
            "departements": Checkboxes,
            "bassins": Checkboxes,
            "metiers": forms.SelectMultiple(attrs={"size": 8}),
            "start_date": DATE,
            "end_date": DATE,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["metiers"].queryset = Metier.objects.order_by("label")
        self.fields["metiers"].help_text = "Liste des métiers de l’ONISEP (avec leurs codes ROME)."
        self.fields["bassins"].queryset = Bassin.objects.select_related("academie")

    def clean(self):
        data = super().clean()
        academie = data.get("academie")
        if academie:
            if any(d.academie_id != academie.pk for d in data.get("departements") or []):
                self.add_error("departements", "Choisissez des départements de l’académie de l’offre.")
            if any(b.academie_id != academie.pk for b in data.get("bassins") or []):
                self.add_error("bassins", "Choisissez des bassins de l’académie de l’offre.")
        if data.get("is_free") is False and not (data.get("cost_justification") or "").strip():
            self.add_error("cost_justification", "Une offre payante doit indiquer son coût et le justifier.")
        if not data.get("all_year") and not data.get("start_date"):
            self.add_error("start_date", "Indiquez une date de début, ou cochez « toute l’année ».")
        return data


class OffreCreateForm(OffreForm):
    """A new offer: the partner chooses the structure it publishes for, when they belong to several."""

    structure = forms.ModelChoiceField(queryset=None, label="Structure partenaire", empty_label=None)
    field_order = ["structure"]

    def __init__(self, *args, structures, **kwargs):
        super().__init__(*args, **kwargs)
        self.structures = list(structures)
        field = self.fields["structure"]
        field.queryset = structures
        if len(self.structures) == 1:
            field.required = False
            field.widget = forms.HiddenInput()
        first = self.structures[0] if self.structures else None
        if first is not None:
            field.initial = first.pk
            self.fields["academie"].initial = first.academie_id
            self.fields["contact_email"].initial = first.email
        self.order_fields(self.field_order)

    def clean_structure(self):
        structure = self.cleaned_data.get("structure")
        if structure is None and len(self.structures) == 1:
            return self.structures[0]
        return structure


class ModerationForm(DsfrBaseForm):
    decision = forms.ChoiceField(
        label="Décision",
        choices=[("valider", "Valider l’offre"), ("refuser", "Refuser l’offre")],
        widget=Radios,
    )
    principles = forms.MultipleChoiceField(
        label="Principes du répertoire vérifiés",
        choices=PRINCIPLES,
        widget=Checkboxes,
        required=False,
        help_text="Pour valider, chaque principe doit être respecté.",
    )
    reason = forms.CharField(
        label="Motif ou commentaire", widget=forms.Textarea(attrs={"rows": 3}), required=False,
        help_text="Obligatoire en cas de refus : il est transmis au partenaire.",
    )  # fmt: skip

    def clean(self):
        data = super().clean()
        if data.get("decision") == "valider" and len(data.get("principles") or []) != len(PRINCIPLES):
            self.add_error("principles", "Pour valider l’offre, vérifiez chacun des principes.")
        if data.get("decision") == "refuser" and not (data.get("reason") or "").strip():
            self.add_error("reason", "Indiquez le motif du refus.")
        return data


class AddToProgrammeForm(DsfrBaseForm):
    programme = forms.ModelChoiceField(queryset=None, label="Programme annuel", empty_label=None)
    axe = forms.ModelChoiceField(Axe.objects.all(), label="Axe", empty_label=None)
    niveaux = forms.ModelMultipleChoiceField(Niveau.objects.all(), label="Niveaux concernés", widget=Checkboxes)
    period = forms.CharField(label="Quand (période)", required=False, max_length=200)

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes
        self.fields["programme"].label_from_instance = lambda p: f"{p.ppo.etablissement.name} — {p.year_label}"


class AmbassadeurForm(DsfrBaseForm, forms.ModelForm):
    class Meta:
        model = Ambassadeur
        fields = [
            "job_title", "metier", "secteur", "employer", "academie", "departements", "availability",
            "offers_groupe", "offers_rencontre", "offers_visite", "phone", "presentation", "show_name_publicly",
        ]  # fmt: skip
        widgets = {"departements": Checkboxes}

    def clean(self):
        data = super().clean()
        if not (data.get("offers_groupe") or data.get("offers_rencontre") or data.get("offers_visite")):
            raise forms.ValidationError("Proposez au moins un type d’intervention.")
        academie = data.get("academie")
        if academie and any(d.academie_id != academie.pk for d in data.get("departements") or []):
            self.add_error("departements", "Choisissez des départements de votre académie.")
        return data


class AmbassadeurFilterForm(DsfrBaseForm):
    q = forms.CharField(label="Métier", required=False)
    kind = forms.ChoiceField(
        label="Type d’intervention", required=False, choices=[("", "Tous"), *TypeIntervention.choices]
    )
    secteur = forms.ModelChoiceField(Secteur.objects.all(), label="Secteur", required=False, empty_label="Tous")
    departement = forms.ModelChoiceField(
        Departement.objects.all(), label="Département", required=False, empty_label="Tous"
    )


class DemandeForm(DsfrBaseForm, forms.ModelForm):
    etablissement = forms.ModelChoiceField(queryset=None, label="Établissement", empty_label=None)

    class Meta:
        model = DemandeIntervention
        fields = ["etablissement", "kind", "niveau", "pupils_count", "wished_dates", "message"]

    def __init__(self, *args, ambassadeur, etablissements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["etablissement"].queryset = etablissements
        self.fields["kind"].choices = [(k.value, k.label) for k in ambassadeur.kinds]


class DeclineForm(DsfrBaseForm):
    reason = forms.CharField(label="Motif", widget=forms.Textarea(attrs={"rows": 3}))


class ScheduleForm(DsfrBaseForm):
    date = forms.DateField(label="Date de l’intervention", widget=DATE)


class RetourForm(DsfrBaseForm, forms.ModelForm):
    class Meta:
        model = RetourIntervention
        fields = ["rating", "comment"]
        widgets = {"rating": Radios(choices=[(i, f"{i} sur 5") for i in range(1, 6)])}
