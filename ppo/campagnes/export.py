"""XLSX exports of the dashboard's tables and of the lists of schools (openpyxl)."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ppo.campagnes.analysis import Table


def workbook_bytes(*, tables: list[Table], title_suffix: str = "") -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for table in tables:
        ws = wb.create_sheet(title=table.code[:31])
        ws.append([table.caption + title_suffix])
        ws["A1"].font = Font(bold=True)
        ws.append(table.columns)
        for cell in ws[2]:
            cell.font = Font(bold=True)
        for row in table.rows:
            ws.append([_value(c.value) for c in row])
        if table.note:
            ws.append([])
            ws.append([table.note])
        for i, column in enumerate(table.columns, start=1):
            ws.column_dimensions[get_column_letter(i)].width = max(12, min(60, len(column) + 4))
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def _value(value):
    if value is None or isinstance(value, int | float | str):
        return value
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)
