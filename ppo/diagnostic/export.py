"""The import template offered for download: the columns the `modele` format reads, and the indicator codes."""

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font

from ppo.core.dates import current_school_year
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
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(_examples())
    return out.getvalue().encode("utf-8-sig")


def import_template_xlsx() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "valeurs"
    sheet.append(COLUMNS)
    for row in _examples():
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    codes = workbook.create_sheet("indicateurs")
    codes.append(["code", "libellé", "unité", "source habituelle"])
    for ind in Indicateur.objects.order_by("order"):
        codes.append([ind.code, ind.label, ind.get_unit_display(), ind.source])
    notice = workbook.create_sheet("mode d’emploi")
    notice.append(["colonne", "contenu"])
    for row in HELP:
        notice.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
