"""Reading a CSV or XLSX file into a header and rows, and recognising its format from its columns."""

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from openpyxl import load_workbook

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


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportRefused("Le fichier n’est pas un texte lisible (encodage inconnu).")


def _read_csv(data: bytes) -> list[list[str]]:
    text = _decode(data)
    first = text.split("\n", 1)[0]
    delimiter = max([";", ",", "\t"], key=first.count)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise ImportRefused("Le fichier CSV est mal formé : rien n’a été enregistré.", [str(exc)]) from None


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
    """The normalized header and the non-empty rows with their line numbers (1 is the header)."""
    if not data:
        raise ImportRefused("Le fichier est vide.")
    is_xlsx = name.lower().endswith(".xlsx") or data[:2] == b"PK"
    table = _read_xlsx(data) if is_xlsx else _read_csv(data)
    while table and not any(cell.strip() for cell in table[0]):
        table.pop(0)
    if not table:
        raise ImportRefused("Le fichier est vide.")
    header = [normalize(cell) for cell in table[0]]
    while header and not header[-1] and is_xlsx:
        header.pop()
    rows = []
    for index, row in enumerate(table[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if is_xlsx:
            row = (row + [""] * len(header))[: len(header)]
        elif len(row) != len(header):
            raise ImportRefused(
                "Le fichier est incomplet ou mal formé : rien n’a été enregistré.",
                [f"Ligne {index} : {len(row)} colonnes au lieu de {len(header)}."],
            )
        rows.append((index, [cell.strip() for cell in row]))
    return header, rows
