"""An action dated only by its period is due once the months it names are over (ADR 032)."""

import datetime

import pytest

from ppo.suivi.selectors import actions_to_fill, needs_follow_up, planned_last_day
from tests.suivi.helpers import make_action


@pytest.mark.parametrize(
    ("period", "today", "due"),
    [
        ("septembre", datetime.date(2025, 12, 3), True),
        ("septembre", datetime.date(2025, 9, 30), False),
        ("T1", datetime.date(2026, 1, 1), True),
        ("T1", datetime.date(2025, 12, 31), False),
        ("semaine 48", datetime.date(2025, 12, 1), True),
        ("fin janvier – début février", datetime.date(2026, 2, 20), False),
        ("fin janvier – début février", datetime.date(2026, 3, 1), True),
        ("toute l’année", datetime.date(2026, 5, 1), False),
        # Unreadable: due when the school year is over, as before.
        ("quand la salle est libre", datetime.date(2026, 6, 30), False),
        ("quand la salle est libre", datetime.date(2026, 9, 1), True),
    ],
)
def test_due_by_period(programme, direction, period, today, due):
    action = make_action(programme, direction, period=period)
    assert needs_follow_up(action, today) is due


def test_a_date_wins_over_the_period(programme, direction):
    action = make_action(programme, direction, period="septembre", start_date=datetime.date(2026, 3, 2))
    assert planned_last_day(action) == datetime.date(2026, 3, 2)


def test_september_is_late_in_december_on_my_page(client, world, programme, direction):
    make_action(programme, direction, title="Accueil des 2ndes", period="septembre")
    make_action(programme, direction, title="Salon", period="T3")
    listed = actions_to_fill(user=direction, today=datetime.date(2025, 12, 3))
    assert [(a.title, needs_follow_up(a, datetime.date(2025, 12, 3))) for a in listed] == [
        ("Accueil des 2ndes", True),
        ("Salon", False),
    ]
