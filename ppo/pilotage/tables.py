"""The figures and tables of the dashboard: what the page renders and `export.py` writes to XLSX."""

from dataclasses import dataclass, field

from ppo.core.spreadsheet import Percent


@dataclass
class Cell:
    value: object
    text: str = ""
    params: dict | None = None
    level: int | None = None

    def __post_init__(self):
        if not self.text:
            self.text = "—" if self.value is None else str(self.value)


@dataclass
class Table:
    code: str
    caption: str
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    note: str = ""


def pct(n, d) -> Percent | str:
    """The share n / d: « 52 % » on the page, the number 0.52 in the XLSX export; « — » when d is zero."""
    return Percent(n / d) if d else "—"


def level(n, d) -> int:
    return 0 if not d or not n else min(4, 1 + int(4 * n / d - 1e-9))
