"""The free-text period of an action (« septembre », « T2 », « fin janvier – début février », « semaine 48 ») read
into the months of the school year it names. Pure functions, no database: the rules are in
docs/adr/032-a-renseigner-et-periodes.md.

`read_period(text, year)` gives the set of (calendar year, month) the period covers in the school year starting in
September of `year`, or None when nothing in the text says when (« après les conseils de classe »).
"""

import calendar
import datetime
import re
import unicodedata

from ppo.core.dates import MONTH_NAMES

# The months of a school year, in its order (September first); a month of September to December belongs to the
# first calendar year of the school year, January to August to the second.
SCHOOL_MONTHS = (9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8)
# Names without accents, and the usual abbreviations (« janv. », « sept. »), in the text folded to lower case ASCII.
_MONTH_WORDS = {
    "janvier": 1,
    "janv": 1,
    "fevrier": 2,
    "fevr": 2,
    "fev": 2,
    "mars": 3,
    "avril": 4,
    "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "juil": 7,
    "aout": 8,
    "septembre": 9,
    "sept": 9,
    "octobre": 10,
    "oct": 10,
    "novembre": 11,
    "nov": 11,
    "decembre": 12,
    "dec": 12,
}
# Trimestres and semestres as the calendar of the classes (conseils de classe) cuts the year.
TRIMESTRES = {1: (9, 10, 11, 12), 2: (1, 2, 3), 3: (4, 5, 6)}
SEMESTRES = {1: (9, 10, 11, 12, 1), 2: (2, 3, 4, 5, 6)}
WHOLE_YEAR = (9, 10, 11, 12, 1, 2, 3, 4, 5, 6)

_ORDINALS = {
    "1": 1,
    "1er": 1,
    "1re": 1,
    "1ere": 1,
    "premier": 1,
    "premiere": 1,
    "2": 2,
    "2e": 2,
    "2eme": 2,
    "2nd": 2,
    "2nde": 2,
    "deuxieme": 2,
    "second": 2,
    "seconde": 2,
    "3": 3,
    "3e": 3,
    "3eme": 3,
    "troisieme": 3,
    "dernier": 3,
}
_ORDINAL = r"(1er|1re|1ere|premier|premiere|2e|2eme|2nde|2nd|deuxieme|seconde|second|3e|3eme|troisieme|dernier)"
_MONTH = "|".join(sorted(_MONTH_WORDS, key=len, reverse=True))

# Every way of saying when, in the folded text; each alternative is a named group.
_TOKEN = re.compile(
    r"""
    (?P<year_all>\b(?:toute?\s+l\s*'?\s*annee(?:\s+scolaire)?|tout\s+au\s+long\s+de\s+l\s*'?\s*annee|annee\s+entiere)\b)
    | (?P<iso>\b(?P<iso_y>\d{4})-(?P<iso_m>\d{1,2})-(?P<iso_d>\d{1,2})\b)
    | (?P<date>\b(?P<date_d>\d{1,2})[/.](?P<date_m>\d{1,2})(?:[/.](?P<date_y>\d{4}|\d{2}))?\b)
    | (?P<week>\b(?:semaines?|sem\.?)\s*(?:n\s*[o°]\s*)?(?P<week_n>\d{1,2})\b|\bs(?P<week_s>\d{2})\b)
    | (?P<trim>\bt(?P<trim_t>[123])\b|\btrimestre\s*(?P<trim_n>[123])\b|\b(?P<trim_o>"""
    + _ORDINAL
    + r""")\s+trimestre\b)
    | (?P<sem>\bs(?P<sem_s>[12])\b|\bsemestre\s*(?P<sem_n>[12])\b|\b(?P<sem_o>"""
    + _ORDINAL
    + r""")\s+semestre\b)
    | (?P<month>\b(?P<month_w>"""
    + _MONTH
    + r""")\b\.?(?:\s+(?P<month_y>20\d{2})\b)?)
    | (?P<rentree>\brentree\b(?!\s+(?:de|des|du|d)\b))
    """,
    re.VERBOSE,
)
# What may stand between two readings for the second to end a span started by the first: a dash, « à », « au »,
# « jusqu’à », with « début », « mi », « fin » and day numbers (« fin janvier – début février », « du 28 novembre au
# 3 décembre », « T1-T2 »). Anything else (« et », « , », « / », words) lists them one by one.
_SPAN = re.compile(
    r"\s*(?:-|–|—|\ba\b|\bau\b|\bjusqu\s*'?\s*(?:a|au|en)\b)\s*(?:(?:debut|mi|fin|le|\d{1,2}(?:er)?)\b[\s-]*)*"
)


def fold(text: str) -> str:
    """Lower case, without accents, the typographic apostrophe and dashes made plain."""
    text = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("\u2011", "-").replace("\u2010", "-")


def school_month(year: int, month: int) -> tuple[int, int]:
    """The (calendar year, month) of `month` in the school year starting in September of `year`."""
    return (year if month >= 9 else year + 1, month)


def _index(ym: tuple[int, int]) -> int:
    return ym[0] * 12 + ym[1] - 1


def _from_index(index: int) -> tuple[int, int]:
    return (index // 12, index % 12 + 1)


def _ordinal(word: str | None) -> int | None:
    return _ORDINALS.get(word) if word else None


def _week_months(year: int, week: int) -> list[tuple[int, int]] | None:
    """The months of the school days (Monday to Friday) of ISO week `week` in the school year of `year`."""
    calendar_year = year if week >= 35 else year + 1
    try:
        monday = datetime.date.fromisocalendar(calendar_year, week, 1)
    except ValueError:
        return None
    friday = monday + datetime.timedelta(days=4)
    return sorted({(monday.year, monday.month), (friday.year, friday.month)})


def _date_month(day: int, month: int, calendar_year: int | None, year: int) -> list[tuple[int, int]] | None:
    if not 1 <= month <= 12:
        return None
    if calendar_year is None:
        calendar_year = school_month(year, month)[0]
    if not 1 <= day <= calendar.monthrange(calendar_year, month)[1]:
        return None
    return [(calendar_year, month)]


def _months_of(match: re.Match, year: int) -> list[tuple[int, int]] | None:
    """The months one reading names, in order, or None when it is no real date (« 31/02 », « semaine 60 »)."""
    group = match.lastgroup
    g = match.group
    if group == "year_all":
        return [school_month(year, m) for m in WHOLE_YEAR]
    if group == "iso":
        return _date_month(int(g("iso_d")), int(g("iso_m")), int(g("iso_y")), year)
    if group == "date":
        day, month = g("date_d"), g("date_m")
        # « 1/2 journée » is no date: without a year, a date is written with two digits somewhere (« 12/10 »).
        if g("date_y") is None and len(day) == 1 and len(month) == 1:
            return None
        calendar_year = g("date_y")
        if calendar_year is not None:
            calendar_year = int(calendar_year) + (2000 if len(calendar_year) == 2 else 0)
        return _date_month(int(day), int(month), calendar_year, year)
    if group == "week":
        week = int(g("week_n") or g("week_s"))
        return _week_months(year, week) if 1 <= week <= 53 else None
    if group == "trim":
        number = int(g("trim_t") or g("trim_n") or 0) or _ordinal(g("trim_o"))
        return [school_month(year, m) for m in TRIMESTRES[number]]
    if group == "sem":
        number = int(g("sem_s") or g("sem_n") or 0) or min(_ordinal(g("sem_o")), 2)
        return [school_month(year, m) for m in SEMESTRES[number]]
    if group == "month":
        month = _MONTH_WORDS[g("month_w")]
        if g("month_y"):
            return [(int(g("month_y")), month)]
        return [school_month(year, month)]
    if group == "rentree":
        return [school_month(year, 9)]
    return None


def read_period(text: str | None, year: int) -> set[tuple[int, int]] | None:
    """The (calendar year, month) pairs the period covers in the school year of `year`, or None if unreadable."""
    if not text or not text.strip():
        return None
    folded = fold(text)
    readings = []
    for match in _TOKEN.finditer(folded):
        months = _months_of(match, year)
        if months:
            readings.append((match.start(), match.end(), months))
    if not readings:
        return None
    found = set()
    for position, (start, _end, months) in enumerate(readings):
        found.update(months)
        if position == 0:
            continue
        previous_end, previous = readings[position - 1][1], readings[position - 1][2]
        if _SPAN.fullmatch(folded[previous_end:start]):
            first, last = _index(previous[0]), _index(months[-1])
            found.update(_from_index(i) for i in range(first, last + 1))
    return found


def last_day(months: set[tuple[int, int]]) -> datetime.date:
    """The last day of the last month of a reading."""
    calendar_year, month = max(months)
    return datetime.date(calendar_year, month, calendar.monthrange(calendar_year, month)[1])


def month_choices(year: int) -> list[tuple[str, str]]:
    """The months of the school year of `year`, for a select: (« 2026-09 », « septembre 2026 »)."""
    return [(f"{y}-{m:02d}", f"{MONTH_NAMES[m - 1]} {y}") for y, m in (school_month(year, m) for m in SCHOOL_MONTHS)]
