import datetime

from django.utils import timezone

# The French month names, January first: `MONTH_NAMES[day.month - 1]`.
MONTH_NAMES = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def current_school_year(today: datetime.date | None = None) -> int:
    """The first calendar year of the current school year: 2025 from 1 September 2025 to 31 August 2026."""
    today = today or timezone.localdate()
    return today.year if today.month >= 9 else today.year - 1


def school_year_label(year: int) -> str:
    return f"{year}-{year + 1}"
