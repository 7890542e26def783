"""What every document of a programme shows, gathered once by `selectors.programme_document`.

Builders (Word, PDF, Excel, calendar) only read these plain objects: they never query the database, and the public
version is made once, in `selectors.programme_document(public=True)`, from the fields declared public in
`ppo.plans.public_fields` (no internal text, no staff name) rather than in each builder.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from ppo.plans.family import FamilyProgramme


@dataclass(frozen=True)
class DocAction:
    pk: int
    axe_number: int
    axe_label: str
    title: str
    kind: str
    kind_label: str
    objective: str
    actors: tuple[str, ...]
    actors_other: str
    period: str
    start_date: datetime.date | None
    end_date: datetime.date | None
    description: str
    partner_items: tuple[str, ...]
    partners: str
    hours: Decimal | None
    classes: str
    pupils_count: int | None
    expected_effects: str
    indicators: str
    gender_equality: bool
    internal_comment: str
    origin_label: str
    niveau_codes: tuple[str, ...]
    niveau_labels: tuple[str, ...]

    @property
    def dates_label(self) -> str:
        if not self.start_date:
            return ""
        if not self.end_date or self.end_date == self.start_date:
            return f"le {self.start_date:%d/%m/%Y}"
        return f"du {self.start_date:%d/%m/%Y} au {self.end_date:%d/%m/%Y}"


@dataclass(frozen=True)
class Block:
    """A sub-heading row of an official table (a level, or an axis in the 3e prépa-métiers table) and its rows."""

    label: str
    actions: tuple[DocAction, ...]


@dataclass(frozen=True)
class Table:
    title: str
    group: str
    inverted: bool
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class ChecklistItem:
    group: str
    label: str
    ticked: bool


@dataclass(frozen=True)
class Checklist:
    category: str
    label: str
    items: tuple[ChecklistItem, ...]
    other: str


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    title: str
    start: datetime.date
    end: datetime.date
    description: str = ""
    niveaux: str = ""
    stamp: datetime.datetime | None = None


@dataclass(frozen=True)
class HistoryLine:
    status_label: str
    at: datetime.datetime
    by: str
    date_of_decision: datetime.date | None
    comment: str


@dataclass(frozen=True)
class FigureTable:
    """A small table of figures of the bilan (caption, column headers, rows of already formatted cells)."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class BilanSection:
    """The year's bilan (from `suivi.selectors.bilan_for_programme`), formatted for print. The family version keeps
    the figures and drops the team's texts and the comments on each action (`documents.bilan`)."""

    title: str
    status_line: str
    summary: tuple[str, ...]
    tables: tuple[FigureTable, ...]
    texts: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ProgrammeDocument:
    public: bool
    programme_pk: int
    public_id: str
    etablissement_name: str
    uai: str
    kind: str
    kind_label: str
    commune: str
    academie: str
    year: int
    year_label: str
    ppo_period: str
    status_label: str
    version: int
    objectifs: tuple[str, ...]
    axes_amelioration: tuple[str, ...]
    checklists: tuple[Checklist, ...]
    training: str
    tables: tuple[Table, ...]
    actions: tuple[DocAction, ...]
    calendar: tuple[CalendarEvent, ...]
    history: tuple[HistoryLine, ...] = field(default=())
    notes: str = ""
    bilan: BilanSection | None = None
    # The family version: the programme as families read it (`ppo.plans.family`), from the public fields only.
    family: FamilyProgramme | None = None

    @property
    def slug(self) -> str:
        return f"ppo-{self.uai}-{self.year_label}".lower()

    @property
    def action_level_rows(self):
        """One (action, level label, level code) per action and level: the rows of the spreadsheet."""
        for action in self.actions:
            for code, label in zip(action.niveau_codes, action.niveau_labels, strict=True):
                yield action, label, code
