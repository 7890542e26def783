"""Every spreadsheet and CSV file the platform writes goes through here: user text stays text (issue 12).

A value that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would become a formula (or a DDE
call) when the file is opened in Excel or LibreOffice. Numbers, dates and booleans are written as they are.

- XLSX: `xlsx_append(sheet, values)` writes one row; text is a string cell (``t="inlineStr"``, never ``<f>``), and text
  that looks like a formula also gets the "quote prefix" style, so that editing the cell keeps it text.
- CSV: `write_csv(out, rows)`; text that looks like a formula gets a leading apostrophe (see the ADR
  « sheets : le texte reste du texte »), numbers are written with a decimal comma when the separator is ``;``.
"""

import csv
import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, Any

from django.utils import timezone
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX_MAX_TEXT = 32_767  # longer text makes Excel call the file damaged
DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
PERCENT_FORMAT = "0 %"
# Characters XML 1.0 forbids (openpyxl refuses them): Word's manual line break and page break become line breaks,
# the others are dropped.
_XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_LINE_BREAKS = {"\x0b": "\n", "\x0c": "\n"}


@dataclass(frozen=True)
class Percent:
    """A share (0.52): shown « 52 % » on a page, written as the number 0.52 in the ``0 %`` format in XLSX."""

    fraction: float

    def __str__(self) -> str:
        return f"{round(100 * self.fraction)} %"


def is_formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


# -- CSV ----------------------------------------------------------------------------------------------------------


def csv_cell(value: Any, *, decimal_comma: bool = True) -> Any:
    """A CSV field: text that a spreadsheet would evaluate gets a leading apostrophe (OWASP's advice); numbers and
    dates are written as such (decimal comma by default, as French spreadsheets read a « ; » file)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, Percent):
        value = Decimal(str(round(100 * value.fraction, 1))).normalize()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        text = format(value, "f") if isinstance(value, Decimal) else repr(value)
        return text.replace(".", ",") if decimal_comma else text
    if isinstance(value, datetime.datetime):
        return _naive(value).isoformat(sep=" ", timespec="minutes")
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value)
    if is_formula_like(text):
        return "'" + text
    return text


def write_csv(out: IO[str], rows: Iterable[Iterable[Any]], *, delimiter: str = ";") -> None:
    """Writes `rows` (the header included) to `out`, each text field neutralised."""
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    decimal_comma = delimiter != ","
    for row in rows:
        writer.writerow([csv_cell(value, decimal_comma=decimal_comma) for value in row])


# -- XLSX ---------------------------------------------------------------------------------------------------------


def xlsx_cell(sheet: Worksheet, value: Any) -> Cell:
    """A cell of `sheet` holding `value`: text as a string cell, numbers, dates and booleans native."""
    cell = Cell(sheet)
    if value is None:
        return cell
    if isinstance(value, Percent):
        cell.value = value.fraction
        cell.number_format = PERCENT_FORMAT
    elif isinstance(value, bool | int | float | Decimal):
        cell.value = value
    elif isinstance(value, datetime.datetime):
        cell.value = _naive(value)
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, datetime.date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    else:
        text = _xml_text(str(value))
        cell.value = text
        # openpyxl reads "=…" as a formula and "#N/A" as an error: a user's text is always a string.
        cell.data_type = "s"
        if is_formula_like(text):
            cell.quotePrefix = True
    return cell


def xlsx_append(sheet: Worksheet, values: Iterable[Any], *, font: Font | None = None) -> list[Cell]:
    """Appends one row to `sheet` (as `Worksheet.append` does), each value through `xlsx_cell`."""
    cells = [xlsx_cell(sheet, value) for value in values]
    if font is not None:
        for cell in cells:
            cell.font = font
    sheet.append(cells)
    return cells


def _xml_text(text: str) -> str:
    text = _XML_FORBIDDEN.sub(lambda m: _LINE_BREAKS.get(m.group(), ""), text)
    if len(text) > XLSX_MAX_TEXT:
        text = text[: XLSX_MAX_TEXT - 1] + "…"
    return text


def _naive(value: datetime.datetime) -> datetime.datetime:
    """Spreadsheets have no time zones: an aware datetime is written in the platform's local time."""
    return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
