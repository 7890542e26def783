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
    """The last choices before writing: the year, and the two confirmations the document may call for.

    « Another year » is asked (and required) when the chosen year is not the one written in the document; « another
    school » when the document carries another school's UAI."""

    year = forms.TypedChoiceField(label="Année scolaire où créer le programme", coerce=int)
    other_year = forms.BooleanField(required=False)
    other_school = forms.BooleanField()

    def __init__(self, *args, years, document_year, foreign_uai, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, _year_label(year)) for year in years]
        chosen = self.data.get("year") if self.is_bound else self.initial.get("year")
        try:
            chosen = int(chosen)
        except (TypeError, ValueError):
            chosen = None
        if document_year is None:
            del self.fields["other_year"]
        else:
            field = self.fields["other_year"]
            field.label = f"Je confirme importer ce document de {_year_label(document_year)} dans une autre année"
            field.help_text = f"Obligatoire si l’année choisie n’est pas {_year_label(document_year)}."
            field.required = chosen is not None and chosen != document_year
            field.error_messages["required"] = (
                f"Le document est daté de {_year_label(document_year)} et vous l’importez dans "
                f"{_year_label(chosen) if chosen else 'une autre année'} : cochez cette case pour confirmer, ou "
                "choisissez l’année du document."
            )
        if foreign_uai:
            field = self.fields["other_school"]
            field.label = (
                f"Je confirme que ce document est le PPO d’un autre établissement (UAI {foreign_uai}), repris comme "
                "modèle pour le nôtre"
            )
            field.error_messages["required"] = (
                f"Le document porte l’UAI {foreign_uai}, celle d’un autre établissement : l’import est refusé tant "
                "que vous ne confirmez pas qu’il s’agit d’une reprise du PPO de cet établissement."
            )
        else:
            del self.fields["other_school"]
        self._bound_fields_cache.clear()  # DsfrBaseForm bound the fields before their labels were set
