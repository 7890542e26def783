"""Free-text periods read into the months of the school year (ppo/plans/periods.py, ADR 032)."""

import datetime

import pytest

from ppo.plans.periods import last_day, month_choices, read_period

Y = 2026  # the school year 2026-2027


def months(*pairs):
    return set(pairs)


AUTUMN = months((Y, 9), (Y, 10), (Y, 11), (Y, 12))
WINTER = months((Y + 1, 1), (Y + 1, 2), (Y + 1, 3))
SPRING = months((Y + 1, 4), (Y + 1, 5), (Y + 1, 6))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One month, however written.
        ("septembre", months((Y, 9))),
        ("Septembre", months((Y, 9))),
        ("en novembre", months((Y, 11))),
        ("début mars", months((Y + 1, 3))),
        ("mi-mai", months((Y + 1, 5))),
        ("fin juin", months((Y + 1, 6))),
        ("8 mars", months((Y + 1, 3))),
        ("1er décembre", months((Y, 12))),
        ("decembre", months((Y, 12))),
        ("Février", months((Y + 1, 2))),
        ("fevrier", months((Y + 1, 2))),
        ("août", months((Y + 1, 8))),
        ("janv.", months((Y + 1, 1))),
        ("sept.", months((Y, 9))),
        ("oct", months((Y, 10))),
        ("octobre 2026", months((2026, 10))),
        ("janvier 2027", months((2027, 1))),
        ("Forum des métiers (mars)", months((Y + 1, 3))),
        ("à la rentrée", months((Y, 9))),
        # Spans of months.
        ("mai-juin", months((Y + 1, 5), (Y + 1, 6))),
        ("mai – juin", months((Y + 1, 5), (Y + 1, 6))),
        ("fin janvier – début février", months((Y + 1, 1), (Y + 1, 2))),
        ("fin janvier - début février", months((Y + 1, 1), (Y + 1, 2))),
        ("de septembre à décembre", AUTUMN),
        ("octobre-décembre", months((Y, 10), (Y, 11), (Y, 12))),
        ("novembre à janvier", months((Y, 11), (Y, 12), (Y + 1, 1))),
        ("du 12 au 16 octobre", months((Y, 10))),
        ("du 28 novembre au 3 décembre", months((Y, 11), (Y, 12))),
        ("jusqu’en février", months((Y + 1, 2))),
        # Months listed one by one stay apart.
        ("octobre et mars", months((Y, 10), (Y + 1, 3))),
        ("octobre, mars", months((Y, 10), (Y + 1, 3))),
        ("septembre/octobre", months((Y, 9), (Y, 10))),
        # Trimestres: T1 = septembre–décembre, T2 = janvier–mars, T3 = avril–juin.
        ("T1", AUTUMN),
        ("t2", WINTER),
        ("T3", SPRING),
        ("1er trimestre", AUTUMN),
        ("premier trimestre", AUTUMN),
        ("2e trimestre", WINTER),
        ("2ème trimestre", WINTER),
        ("deuxième trimestre", WINTER),
        ("second trimestre", WINTER),
        ("3e trimestre", SPRING),
        ("troisième trimestre", SPRING),
        ("dernier trimestre", SPRING),
        ("trimestre 2", WINTER),
        ("T1/T2", AUTUMN | WINTER),
        ("T1-T2", AUTUMN | WINTER),
        ("T1 et T3", AUTUMN | SPRING),
        ("T1/T2/T3", AUTUMN | WINTER | SPRING),
        # Semestres: S1 = septembre–janvier, S2 = février–juin.
        ("S1", AUTUMN | months((Y + 1, 1))),
        ("S2", months((Y + 1, 2), (Y + 1, 3)) | SPRING),
        ("1er semestre", AUTUMN | months((Y + 1, 1))),
        ("second semestre", months((Y + 1, 2), (Y + 1, 3)) | SPRING),
        ("semestre 2", months((Y + 1, 2), (Y + 1, 3)) | SPRING),
        # Weeks (ISO numbers): the months of their school days, in the school year.
        ("semaine 48", months((Y, 11))),
        ("Semaine 48", months((Y, 11))),
        ("semaine n° 48", months((Y, 11))),
        ("sem. 10", months((Y + 1, 3))),
        ("S48", months((Y, 11))),
        ("semaine 2", months((Y + 1, 1))),
        ("semaine 40", months((Y, 9), (Y, 10))),  # lundi 28 septembre – vendredi 2 octobre 2026
        # The whole year: septembre to juin.
        ("toute l’année", AUTUMN | WINTER | SPRING),
        ("toute l'année", AUTUMN | WINTER | SPRING),
        ("Toute l’année scolaire", AUTUMN | WINTER | SPRING),
        ("tout au long de l’année", AUTUMN | WINTER | SPRING),
        ("année entière", AUTUMN | WINTER | SPRING),
        # Dates.
        ("12/10/2026", months((2026, 10))),
        ("12/10/26", months((2026, 10))),
        ("12.10.2026", months((2026, 10))),
        ("2026-10-12", months((2026, 10))),
        ("12/10", months((Y, 10))),
        ("05/03", months((Y + 1, 3))),
        ("le 14/11/2026 et le 15/03/2027", months((2026, 11), (2027, 3))),
        ("du 12/10/2026 au 20/11/2026", months((2026, 10), (2026, 11))),
    ],
)
def test_readable_periods(text, expected):
    assert read_period(text, Y) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        None,
        "après les conseils de classe",
        "à définir",
        "quand la salle est libre",
        "1/2 journée",
        "31/02/2027",
        "12/13/2026",
        "semaine 60",
        "T4",
        "S3",
        "2027",
        "mardi",
        "maison des lycéens",
    ],
)
def test_unreadable_periods_give_none(text):
    assert read_period(text, Y) is None


def test_the_school_year_decides_the_calendar_year():
    assert read_period("mars", 2025) == {(2026, 3)}
    assert read_period("septembre", 2025) == {(2025, 9)}


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("septembre", datetime.date(2026, 9, 30)),
        ("T2", datetime.date(2027, 3, 31)),
        ("fin janvier – début février", datetime.date(2027, 2, 28)),
        ("toute l’année", datetime.date(2027, 6, 30)),
    ],
)
def test_last_day(text, day):
    assert last_day(read_period(text, Y)) == day


def test_month_choices_follow_the_school_year():
    choices = month_choices(2026)
    assert choices[0] == ("2026-09", "septembre 2026")
    assert choices[4] == ("2027-01", "janvier 2027")
    assert len(choices) == 12
