"""The import template offered for download: the columns the `modele` format reads, and the indicator codes.

Written by `ppo.core.spreadsheet`, like every file the platform writes: an indicator's label or source stays text.
"""

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from ppo.core.dates import current_school_year
from ppo.core.spreadsheet import write_csv, xlsx_append
from ppo.diagnostic.models import Indicateur

COLUMNS = ["uai", "indicateur", "annee", "valeur", "precision", "source"]
HELP = [
    (
        "uai",
        "Facultatif pour un établissement qui importe ses propres chiffres ; obligatoire pour un import national.",
    ),
    ("indicateur", "Code de l’indicateur (voir l’onglet « indicateurs »)."),
    ("annee", "Année scolaire : 2024 ou 2024-2025."),
    ("valeur", "Nombre, virgule ou point décimal ; vide ou « nd » si la valeur n’est pas publiée."),
    ("precision", "Facultatif : spécialité, diplôme, public (apprentis…)."),
    ("source", "Facultatif : d’où vient la valeur (fiche établissement, enquête…)."),
]


def _examples():
    year = current_school_year() - 1
    return [
        ["", "taux_poursuite_etudes", f"{year}-{year + 1}", "52,5", "", "Fiche établissement"],
        ["", "part_filles_specialite", f"{year}-{year + 1}", "24", "Numérique et sciences informatiques", ""],
    ]


def import_template_csv() -> bytes:
    out = io.StringIO()
    write_csv(out, [COLUMNS, *_examples()])
    return out.getvalue().encode("utf-8-sig")


def import_template_xlsx() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "valeurs"
    xlsx_append(sheet, COLUMNS, font=Font(bold=True))
    for row in _examples():
        xlsx_append(sheet, row)
    codes = workbook.create_sheet("indicateurs")
    xlsx_append(codes, ["code", "libellé", "unité", "source habituelle"], font=Font(bold=True))
    for ind in Indicateur.objects.order_by("order"):
        xlsx_append(codes, [ind.code, ind.label, ind.get_unit_display(), ind.source])
    notice = workbook.create_sheet("mode d’emploi")
    xlsx_append(notice, ["colonne", "contenu"], font=Font(bold=True))
    for row in HELP:
        xlsx_append(notice, row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
