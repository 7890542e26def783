"""The calendar of a school year, by month or by level, computed on the server (no JavaScript calendar).

An action sits on its dates (start to end; the actual date once done or postponed to a date); undated actions are
listed apart with their period as written (« novembre », « 2e trimestre »). The académie's temps forts come from
the campagnes app when it is installed and has them.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.apps import apps
from django.urls import NoReverseMatch, reverse

from ppo.comptes import perms as scope
from ppo.core.dates import MONTH_NAMES
from ppo.plans.enums import StatutProgramme
from ppo.suivi.enums import StatutSuivi


def month_of_period(period: str) -> int | None:
    """The month named by a period written as one month (« novembre », « 8 mars », « en janvier »), else None."""
    match = re.fullmatch(r"\s*(?:en\s+|début\s+|fin\s+|mi-)?(?:(\d{1,2})(?:er)?\s+)?([a-zéû]+)\s*", period.lower())
    if match and match.group(2) in MONTH_NAMES:
        return MONTH_NAMES.index(match.group(2)) + 1
    return None


@dataclass
class Entry:
    """One line of the calendar: an action of the school or a temps fort of the académie."""

    title: str
    start: datetime.date | None
    end: datetime.date | None
    period: str = ""
    action: object = None
    kind_label: str = ""
    niveaux: list = field(default_factory=list)

    @property
    def is_temps_fort(self) -> bool:
        return self.action is None

    def overlaps(self, first: datetime.date, last: datetime.date) -> bool:
        if self.start is None:
            return month_of_period(self.period) == first.month
        return self.start <= last and (self.end or self.start) >= first


def month_label(day: datetime.date) -> str:
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


def school_months(year: int) -> list[datetime.date]:
    """First day of each month, September to August."""
    return [datetime.date(year + (m < 9), m, 1) for m in [*range(9, 13), *range(1, 9)]]


def _month_last_day(first: datetime.date) -> datetime.date:
    nxt = datetime.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return nxt - datetime.timedelta(days=1)


def action_entry(action) -> Entry:
    suivi = getattr(action, "suivi", None)
    start, end = action.start_date, action.end_date
    if suivi is not None and suivi.actual_date and suivi.status in (StatutSuivi.REALISEE, StatutSuivi.REPORTEE):
        start, end = suivi.actual_date, None
    return Entry(
        title=action.title,
        start=start,
        end=end,
        period=action.period,
        action=action,
        niveaux=list(action.niveaux.all()),
    )


def temps_forts(programme) -> list[Entry]:
    """The académie's temps forts of this school year, if the campagnes app provides them (guarded)."""
    try:
        model = apps.get_model("campagnes", "TempsFort")
    except LookupError:
        return []
    rows = model.objects.filter(
        campagne__academie_id=programme.ppo.etablissement.academie_id, campagne__year=programme.year
    ).prefetch_related("niveaux")
    return [
        Entry(
            title=row.label,
            start=row.start_date,
            end=row.end_date,
            kind_label=row.get_kind_display(),
            niveaux=list(row.niveaux.all()),
        )
        for row in rows
    ]


@dataclass
class Subscription:
    """The calendar feeds of the school, shown on the calendar page (the documents app builds them)."""

    feed_path: str = ""  # the staff's secret feed, once the direction created it
    public_path: str = ""  # the families' feed, once a programme is published
    can_create: bool = False


def subscription(*, programme, user) -> Subscription:
    """The school's feeds, if the documents app is installed (guarded, as for the temps forts): the secret link
    for the school's staff, the public one for everybody once the school published a programme."""
    etablissement = programme.ppo.etablissement
    try:
        token_model = apps.get_model("documents", "CalendarToken")
        public_path = reverse("documents:public_calendar", args=[etablissement.uai])
    except (LookupError, NoReverseMatch):
        return Subscription()
    published = etablissement.ppos.filter(programmes__status=StatutProgramme.PUBLIE).exists()
    result = Subscription(public_path=public_path if published else "")
    if scope.is_school_staff(user, etablissement):
        token = token_model.objects.filter(etablissement=etablissement).first()
        if token is not None:
            result.feed_path = reverse("documents:calendar_feed", args=[token.token])
        result.can_create = scope.is_direction(user, etablissement)
    return result


def _sort_key(entry):
    return (entry.start or datetime.date.max, entry.is_temps_fort, entry.title)


def by_month(*, year: int, entries: list[Entry]) -> tuple[list[dict], list[Entry]]:
    """Months of the school year with their entries, and the entries that no month holds.

    An undated action whose period names one month (« mars ») sits in that month, with its period as written.
    """
    months = []
    for first in school_months(year):
        last = _month_last_day(first)
        inside = sorted((e for e in entries if e.overlaps(first, last)), key=_sort_key)
        months.append(
            {"first": first, "label": month_label(first), "entries": inside, "slug": first.strftime("%Y-%m")}
        )
    undated = [e for e in entries if e.start is None and month_of_period(e.period) is None]
    return months, undated


def by_level(*, niveaux, entries: list[Entry]) -> list[dict]:
    """Each level with its entries (dated first, by date). Temps forts without levels concern every level."""
    groups = []
    for niveau in niveaux:
        inside = [e for e in entries if (niveau in e.niveaux) or (e.is_temps_fort and not e.niveaux)]
        if inside:
            groups.append({"niveau": niveau, "entries": sorted(inside, key=_sort_key)})
    without = [e for e in entries if not e.niveaux and not e.is_temps_fort]
    if without:
        groups.append({"niveau": None, "entries": sorted(without, key=_sort_key)})
    return groups
