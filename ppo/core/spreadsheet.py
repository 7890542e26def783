"""Every spreadsheet and CSV file the platform writes goes through here: user text stays text (issue 12).

A value that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would become a formula (or a DDE
call) when the file is opened in Excel or LibreOffice. Numbers, dates and booleans are written as they are.
"""

import csv
from collections.abc import Iterable
from typing import IO, Any

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def csv_cell(value: Any) -> Any:
    """A CSV field: text that a spreadsheet would evaluate gets a leading apostrophe (OWASP's advice)."""
    if is_formula_like(value):
        return "'" + value
    return value


def write_csv(out: IO[str], rows: Iterable[Iterable[Any]], *, delimiter: str = ";") -> None:
    """Writes `rows` (the header included) to `out`, each text field neutralised."""
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
