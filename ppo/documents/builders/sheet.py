"""The actions as an Excel workbook (.xlsx): one row per action and level, every field in its own column."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ppo.core.spreadsheet import xlsx_append
from ppo.documents.content import ProgrammeDocument

# header, width, value(action, level label, level code)
COLUMNS = [
    ("N° d’action", 10, lambda a, label, code: a.pk),
    ("Axe", 6, lambda a, label, code: a.axe_number),
    ("Intitulé de l’axe", 40, lambda a, label, code: a.axe_label),
    ("Niveau", 24, lambda a, label, code: label),
    ("Code du niveau", 12, lambda a, label, code: code),
    ("Intitulé de l’action", 40, lambda a, label, code: a.title),
    ("Type d’action", 28, lambda a, label, code: a.kind_label),
    ("Déclinaison en objectifs opérationnels", 40, lambda a, label, code: a.objective),
    ("Qui (acteurs)", 30, lambda a, label, code: ", ".join(a.actors)),
    ("Autres acteurs", 24, lambda a, label, code: a.actors_other),
    ("Quand (période)", 16, lambda a, label, code: a.period),
    ("Date de début", 13, lambda a, label, code: a.start_date),
    ("Date de fin", 13, lambda a, label, code: a.end_date),
    ("Quoi, comment", 50, lambda a, label, code: a.description),
    ("Catégories de partenaires", 30, lambda a, label, code: ", ".join(a.partner_items)),
    ("Partenaires", 30, lambda a, label, code: a.partners),
    ("Heures", 8, lambda a, label, code: float(a.hours) if a.hours is not None else None),
    ("Classes concernées", 20, lambda a, label, code: a.classes),
    ("Nombre d’élèves", 10, lambda a, label, code: a.pupils_count),
    ("Effets attendus", 40, lambda a, label, code: a.expected_effects),
    ("Indicateurs de suivi", 40, lambda a, label, code: a.indicators),
    ("Égalité filles-garçons", 10, lambda a, label, code: "oui" if a.gender_equality else "non"),
    ("Origine", 22, lambda a, label, code: a.origin_label),
]
INTERNAL_COLUMN = ("Commentaire interne", 40, lambda a, label, code: a.internal_comment)


def build_xlsx(content: ProgrammeDocument) -> bytes:
    columns = COLUMNS if content.public else [*COLUMNS, INTERNAL_COLUMN]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Actions"
    fill = PatternFill("solid", fgColor="000091")
    for cell in xlsx_append(sheet, [header for header, _, _ in columns], font=Font(bold=True, color="FFFFFF")):
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for action, label, code in content.action_level_rows:
        xlsx_append(sheet, [value(action, label, code) for _, _, value in columns])
    for index, (_, width, _) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    last = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A1:{last}{max(sheet.max_row, 1)}"
    sheet.freeze_panes = "A2"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    props = workbook.properties
    props.title = f"Actions du PPO — {content.etablissement_name} — {content.year_label}"
    props.creator = "Plateforme PPO"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
