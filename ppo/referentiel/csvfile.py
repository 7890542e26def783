"""The one CSV reader of every importer (annuaire, IPS, départements, indicators, ONISEP métiers).

Files are read as they are published: UTF-8 with or without BOM (some importers also accept Windows-1252), `;`
separator unless told or sniffed from the header. Everything that makes a file unusable (wrong encoding, empty
file, not a CSV, missing column, **a file cut mid-row** by an interrupted download) raises `ImportFileError` with
a French message *before* anything is written: an importer never imports the first part of a cut file.

Rows come with the number of the line where they start in the file (1 is the header), so that a skipped row can
be reported with its line (`ImportSummary.skip`, `ImportSummary.report_rows`).
"""

import csv
import io
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from ppo.core.spreadsheet import write_csv


class ImportFileError(Exception):
    """The file cannot be imported at all; the message is shown as is, `details` lists what is wrong."""

    def __init__(self, message: str, details: list[str] | None = None):
        super().__init__(" ".join([message, *(details or [])]))
        self.message = message
        self.details = details or []


class Row(dict):
    """A data row as a dict of its columns, with the line where it starts in the file."""

    def __init__(self, values, *, line: int):
        super().__init__(values)
        self.line = line


@dataclass
class CsvTable:
    """A CSV file read whole: its header as written and its non-empty rows with their line numbers."""

    name: str
    header: list[str]
    rows: list[tuple[int, list[str]]]


def _decode(raw: bytes, *, name: str, encodings: tuple[str, ...]) -> str:
    for encoding in encodings:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError as exc:
            error = exc
    if encodings == ("utf-8-sig",):
        raise ImportFileError(
            f"Le fichier {name} n’est pas encodé en UTF-8 (octet illisible à la position {error.start}). "
            "Enregistrez-le en UTF-8, tel que publié sur data.education.gouv.fr, puis recommencez."
        )
    raise ImportFileError(f"Le fichier {name} n’est pas un texte lisible (ni UTF-8 ni Windows-1252).")


def _incomplete(name: str, line: int, detail: str) -> ImportFileError:
    return ImportFileError(
        f"Le fichier {name} semble incomplet (téléchargement interrompu ?) : rien n’a été enregistré.",
        [f"Ligne {line} : {detail}. Téléchargez à nouveau le fichier complet puis recommencez."],
    )


def parse_csv(
    raw: bytes,
    *,
    name: str,
    delimiter: str | None = ";",
    encodings: tuple[str, ...] = ("utf-8-sig",),
) -> CsvTable:
    """Reads a whole CSV file; `delimiter=None` takes the most frequent of `;`, `,` and tab in the header.

    A row with another number of columns than the header refuses the file: when it is the last row, or when a
    quoted field is never closed, the message says the file looks cut (an interrupted download).
    """
    if not raw.removeprefix(b"\xef\xbb\xbf").strip():
        raise ImportFileError(f"Le fichier {name} est vide.")
    if b"\x00" in raw:
        raise ImportFileError(f"Le fichier {name} n’est pas un fichier CSV (contenu binaire).")
    text = _decode(raw, name=name, encodings=encodings)
    if delimiter is None:
        first = text.lstrip("\ufeff\r\n").split("\n", 1)[0]
        delimiter = max([";", ",", "\t"], key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    table, start = [], 1
    try:
        for cells in reader:
            table.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        if "end of data" in str(exc) or "EOF" in str(exc):
            raise _incomplete(name, start, "un champ entre guillemets n’est jamais refermé") from None
        raise ImportFileError(
            f"Le fichier {name} n’est pas un fichier CSV lisible : rien n’a été enregistré.",
            [f"Ligne {start} : {exc}."],
        ) from None
    while table and not any(cell.strip() for cell in table[0][1]):
        table.pop(0)
    if not table:
        raise ImportFileError(f"Le fichier {name} est vide.")
    header = [cell.replace("\ufeff", "").strip() for cell in table[0][1]]
    rows = [(line, cells) for line, cells in table[1:] if any(cell.strip() for cell in cells)]
    ends_cleanly = text.endswith(("\n", "\r"))
    for index, (line, cells) in enumerate(rows):
        if len(cells) == len(header):
            continue
        if index == len(rows) - 1 and len(cells) < len(header) and not ends_cleanly:
            raise _incomplete(name, line, f"{len(cells)} colonnes au lieu de {len(header)}, la ligne est coupée")
        raise ImportFileError(
            f"Le fichier {name} est incomplet ou mal formé : rien n’a été enregistré.",
            [f"Ligne {line} : {len(cells)} colonnes au lieu de {len(header)}."],
        )
    return CsvTable(name=name, header=header, rows=[(line, [c.strip() for c in cells]) for line, cells in rows])


def read_csv(path: str | Path, *, required: list[str], delimiter: str = ";") -> list[Row]:
    """The rows of the file as dicts (with `.line`), after checking its encoding, its header and its end."""
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(f"Fichier introuvable : {path}")
    table = parse_csv(path.read_bytes(), name=path.name, delimiter=delimiter)
    missing = [name for name in required if name not in table.header]
    if len(table.header) < 2 or len(missing) == len(required):
        raise ImportFileError(
            f"Le fichier {path.name} n’est pas un fichier CSV attendu (séparateur « {delimiter} », "
            f"colonnes attendues : {', '.join(required)})."
        )
    if missing:
        raise ImportFileError(f"Colonnes manquantes dans {path.name} : {', '.join(missing)}.")
    if not table.rows:
        raise ImportFileError(f"Le fichier {path.name} ne contient aucune ligne de données.")
    return [Row(zip(table.header, cells, strict=True), line=line) for line, cells in table.rows]


@dataclass
class Skipped:
    line: int
    key: str  # what identifies the row for a person: a UAI, a code, a label
    reason: str


@dataclass
class ImportSummary:
    """What an import did (or would do, in a dry run), with every skipped row, its line and its reason."""

    title: str
    dry_run: bool = False
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    skipped: Counter = field(default_factory=Counter)
    skipped_rows: list[Skipped] = field(default_factory=list)
    extra: Counter = field(default_factory=Counter)

    def skip(self, reason: str, *, line: int | None = None, key: str = "") -> None:
        self.skipped[reason] += 1
        if line is not None:
            self.skipped_rows.append(Skipped(line=line, key=key, reason=reason))

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def lines(self) -> list[str]:
        head = self.title + (" — simulation : rien n’a été enregistré" if self.dry_run else "")
        lines = [
            head,
            f"Lignes lues : {self.rows}",
            f"Créés : {self.created}",
            f"Mis à jour : {self.updated}",
            f"Inchangés : {self.unchanged}",
        ]
        if self.duplicates:
            lines.append(f"Lignes en double (identiques, comptées une fois) : {self.duplicates}")
        lines.extend(f"{label} : {count}" for label, count in sorted(self.extra.items()))
        lines.append(f"Ignorés : {self.skipped_total}")
        lines.extend(f"  - {reason} : {count}" for reason, count in sorted(self.skipped.items()))
        return lines

    def write_report(self, out: IO[str]) -> None:
        """The skipped rows as a CSV file (`;`, one row per skipped line), text kept as text."""
        write_report(out, self.skipped_rows)


REPORT_HEADER = ["ligne", "identifiant", "motif"]


def write_report(out: IO[str], skipped: list[Skipped]) -> None:
    rows = sorted(skipped, key=lambda s: s.line)
    write_csv(out, [REPORT_HEADER, *([s.line, s.key, s.reason] for s in rows)])


def fold(value: str) -> str:
    """Uppercase without accents, dashes or apostrophes: « Aix-Marseille » and « AIX MARSEILLE » match."""
    value = unicodedata.normalize("NFKD", value or "")
    value = "".join(c for c in value if not unicodedata.combining(c))
    for char in "-'’_":
        value = value.replace(char, " ")
    return " ".join(value.upper().split())
