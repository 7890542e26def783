"""Reading a CSV or XLSX file into a header and rows, and recognising its format from its columns."""

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from openpyxl import load_workbook

from ppo.referentiel.csvfile import ImportFileError, parse_csv

NOT_PUBLISHED = {"", "nd", "n.d.", "#n/a", "na", "s", "-"}


class ImportRefused(Exception):
    """The file cannot be imported; `details` lists what is wrong (line numbers, columns expected)."""

    def __init__(self, message: str, details: list[str] | None = None):
        super().__init__(message)
        self.message = message
        self.details = details or []


@dataclass(frozen=True)
class Parsed:
    """One value read from a file; `value` is None when the source did not publish it."""

    line: int
    uai: str | None
    code: str
    year: int
    scope: str
    value: Decimal | None


def normalize(name: str) -> str:
    """Column names and labels compared without case, accents, BOM or doubled spaces."""
    name = name.replace("\ufeff", "").replace("’", "'").strip().lower()
    name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", name)


def parse_number(raw: str, *, line: int, column: str) -> Decimal | None:
    """`12,5` or `12.5`; None when not published (`nd`, empty…). Anything else refuses the file."""
    text = (raw or "").strip().replace("\u00a0", "").replace(" ", "")
    if text.lower() in NOT_PUBLISHED:
        return None
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise ImportRefused(
            "Le fichier contient une valeur illisible : rien n’a été enregistré.",
            [f"Ligne {line}, colonne « {column} » : « {raw} » n’est pas un nombre."],
        ) from None
    if not value.is_finite() or abs(value) >= Decimal("1e8"):
        raise ImportRefused(
            "Le fichier contient une valeur hors limites : rien n’a été enregistré.",
            [f"Ligne {line}, colonne « {column} » : « {raw} »."],
        )
    return value


def parse_year(raw: str, *, line: int) -> int:
    """`2023`, `2023-2024` or `2023/2024` give 2023 (the school year is named by its start)."""
    match = re.fullmatch(r"\s*(\d{4})(?:\s*[-/_]\s*(\d{4}))?\s*", raw or "")
    if not match or not 1990 <= int(match.group(1)) <= 2100:
        raise ImportRefused(
            "Le fichier contient une année illisible : rien n’a été enregistré.",
            [f"Ligne {line} : « {raw} » n’est pas une année scolaire (par exemple 2024 ou 2024-2025)."],
        )
    return int(match.group(1))


def _read_csv(data: bytes, *, name: str) -> list[list[str]]:
    """Through the CSV reader shared by every importer: a cut or malformed file is refused with its line."""
    try:
        table = parse_csv(data, name=name, delimiter=None, encodings=("utf-8-sig", "cp1252"))
    except ImportFileError as error:
        raise ImportRefused(error.message, error.details) from None
    return [table.header, *(cells for _, cells in table.rows)], [line for line, _ in table.rows]


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(data: bytes) -> list[list[str]]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ImportRefused("Le classeur XLSX n’a pas pu être ouvert : rien n’a été enregistré.") from None
    try:
        sheet = workbook.worksheets[0]
        return [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def read_table(*, name: str, data: bytes) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The normalized header and the non-empty rows with their line numbers in the file (1 is the header)."""
    if not data:
        raise ImportRefused("Le fichier est vide.")
    if name.lower().endswith(".xlsx") or data[:2] == b"PK":
        return _xlsx_table(data)
    table, lines = _read_csv(data, name=name)
    return [normalize(cell) for cell in table[0]], list(zip(lines, table[1:], strict=True))


def _xlsx_table(data: bytes) -> tuple[list[str], list[tuple[int, list[str]]]]:
    table = _read_xlsx(data)
    start = 1
    while table and not any(cell.strip() for cell in table[0]):
        table.pop(0)
        start += 1
    if not table:
        raise ImportRefused("Le fichier est vide.")
    header = [normalize(cell) for cell in table[0]]
    while header and not header[-1]:
        header.pop()
    rows = []
    for index, row in enumerate(table[1:], start=start + 1):
        if any(cell.strip() for cell in row):
            rows.append((index, [cell.strip() for cell in (row + [""] * len(header))[: len(header)]]))
    return header, rows
