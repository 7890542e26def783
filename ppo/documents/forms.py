from django import forms
from django.conf import settings
from dsfr.forms import DsfrBaseForm

from ppo.documents.importer.safety import size_label


def _year_label(year: int) -> str:
    return f"{year}-{year + 1}"


class WordImportForm(DsfrBaseForm):
    year = forms.TypedChoiceField(
        label="Année scolaire du nouveau programme",
        coerce=int,
        required=False,
        empty_value=None,
        help_text="Par défaut, l’année écrite dans le document ; vous pourrez la changer dans l’aperçu.",
    )
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
        self.fields["year"].choices = [("", "L’année indiquée dans le document")] + [
            (year, _year_label(year)) for year in years
        ]


class WordImportConfirmForm(DsfrBaseForm):
    """The last choices before writing: the year, and the two confirmations the document may call for."""

    year = forms.TypedChoiceField(label="Année scolaire où créer le programme", coerce=int)
    other_year = forms.BooleanField(required=False)
    other_school = forms.BooleanField(required=False)

    def __init__(self, *args, years, document_year, foreign_uai, **kwargs):
        super().__init__(*args, **kwargs)
        self.document_year, self.foreign_uai = document_year, foreign_uai
        self.fields["year"].choices = [(year, _year_label(year)) for year in years]
        if document_year is None:
            del self.fields["other_year"]
        else:
            self.fields[
                "other_year"
            ].label = f"Je confirme importer ce document de {_year_label(document_year)} dans une autre année scolaire"
        if foreign_uai:
            self.fields["other_school"].label = (
                f"Je confirme que ce document est le PPO d’un autre établissement (UAI {foreign_uai}), repris "
                "comme modèle pour le nôtre"
            )
        else:
            del self.fields["other_school"]

    def clean(self):
        data = super().clean()
        year = data.get("year")
        other_year = year is not None and self.document_year is not None and year != self.document_year
        if other_year and not data.get("other_year"):
            self.add_error(
                "other_year",
                f"Le document est daté de {_year_label(self.document_year)} et vous l’importez dans "
                f"{_year_label(year)} : cochez cette case pour confirmer, ou choisissez l’année du document.",
            )
        if self.foreign_uai and not data.get("other_school"):
            self.add_error(
                "other_school",
                f"Le document porte l’UAI {self.foreign_uai}, celle d’un autre établissement : l’import est refusé "
                "tant que vous ne confirmez pas qu’il s’agit d’une reprise du PPO de cet établissement.",
            )
        return data
