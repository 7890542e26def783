"""Reading the open-data CSV files as they are published: UTF-8 with or without BOM, `;` separator.

Everything that makes a file unusable (wrong encoding, empty file, not a CSV, missing column) raises
`ImportFileError` with a French message *before* anything is written.
"""

import csv
import io
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


class ImportFileError(Exception):
    """The file cannot be imported at all; the message is shown to the operator as is."""


@dataclass
class ImportSummary:
    """What an import did (or would do, in a dry run), with the reasons of every skipped row counted."""

    title: str
    dry_run: bool = False
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    skipped: Counter = field(default_factory=Counter)
    extra: Counter = field(default_factory=Counter)

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1

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


def read_csv(path: str | Path, *, required: list[str], delimiter: str = ";") -> list[dict[str, str]]:
    """The rows of the file as dicts, after checking its encoding and its header."""
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(f"Fichier introuvable : {path}")
    raw = path.read_bytes()
    if not raw.removeprefix(b"\xef\xbb\xbf").strip():
        raise ImportFileError(f"Le fichier {path.name} est vide.")
    if b"\x00" in raw:
        raise ImportFileError(f"Le fichier {path.name} n’est pas un fichier CSV (contenu binaire).")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            f"Le fichier {path.name} n’est pas encodé en UTF-8 (octet illisible à la position {exc.start}). "
            "Enregistrez-le en UTF-8, tel que publié sur data.education.gouv.fr, puis recommencez."
        ) from exc
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        header = [name.strip() for name in (reader.fieldnames or [])]
        missing = [name for name in required if name not in header]
        if len(header) < 2 or len(missing) == len(required):
            raise ImportFileError(
                f"Le fichier {path.name} n’est pas un fichier CSV attendu (séparateur « {delimiter} », "
                f"colonnes attendues : {', '.join(required)})."
            )
        if missing:
            raise ImportFileError(f"Colonnes manquantes dans {path.name} : {', '.join(missing)}.")
        reader.fieldnames = header
        rows = [{key: (value or "").strip() for key, value in row.items() if key is not None} for row in reader]
    except csv.Error as exc:
        raise ImportFileError(f"Le fichier {path.name} n’est pas un fichier CSV lisible : {exc}.") from exc
    if not rows:
        raise ImportFileError(f"Le fichier {path.name} ne contient aucune ligne de données.")
    return rows


def fold(value: str) -> str:
    """Uppercase without accents, dashes or apostrophes: « Aix-Marseille » and « AIX MARSEILLE » match."""
    value = unicodedata.normalize("NFKD", value or "")
    value = "".join(c for c in value if not unicodedata.combining(c))
    for char in "-'’_":
        value = value.replace(char, " ")
    return " ".join(value.upper().split())
