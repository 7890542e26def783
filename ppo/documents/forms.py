from django import forms
from django.conf import settings
from dsfr.forms import DsfrBaseForm

from ppo.documents.importer.safety import size_label


class WordImportForm(DsfrBaseForm):
    year = forms.TypedChoiceField(label="Année scolaire du nouveau programme", coerce=int)
    file = forms.FileField(
        label="Document Word du PPO",
        help_text=(
            f"Format .docx, {size_label(settings.UPLOAD_MAX_BYTES)} au plus. Le document suit le modèle académique : "
            "un tableau à quatre colonnes par axe et par niveau."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
        ),
    )

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, f"{year}-{year + 1}") for year in years]
