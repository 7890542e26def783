"""XLSX exports of the dashboard's tables and of the lists of schools, written by `ppo.core.spreadsheet`."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ppo.core.spreadsheet import xlsx_append
from ppo.pilotage.analysis import Table


def workbook_bytes(*, tables: list[Table], title_suffix: str = "") -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for table in tables:
        ws = wb.create_sheet(title=table.code[:31])
        xlsx_append(ws, [table.caption + title_suffix], font=Font(bold=True))
        xlsx_append(ws, table.columns, font=Font(bold=True))
        for row in table.rows:
            xlsx_append(ws, [c.value for c in row])
        if table.note:
            ws.append([])
            xlsx_append(ws, [table.note])
        for i, column in enumerate(table.columns, start=1):
            ws.column_dimensions[get_column_letter(i)].width = max(12, min(60, len(column) + 4))
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
