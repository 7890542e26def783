"""Follow-up states and their rules: reason required, no negative numbers, reached ≤ concerned, versions."""

import pytest
from django.core.exceptions import ValidationError

from ppo.suivi.enums import StatutSuivi
from ppo.suivi.models import SuiviAction
from ppo.suivi.services import suivi_record
from tests.suivi.helpers import DAY, D, make_action


@pytest.fixture
def action(programme, direction):
    return make_action(programme, direction, title="Forum des métiers", pupils_count=50, hours=D("3"))


@pytest.mark.parametrize(
    "status", [StatutSuivi.PREVUE, StatutSuivi.REALISEE, StatutSuivi.REPORTEE, StatutSuivi.ANNULEE]
)
def test_every_state_can_be_recorded(action, direction, status):
    suivi = suivi_record(action=action, user=direction, status=status, reason="Intervenant malade")
    assert SuiviAction.objects.get(action=action).status == status
    assert suivi.version == 1


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (StatutSuivi.REPORTEE, "Indiquez le motif du report."),
        (StatutSuivi.ANNULEE, "Indiquez le motif de l’annulation."),
    ],
)
def test_postponed_or_cancelled_needs_a_reason(action, direction, status, message):
    with pytest.raises(ValidationError) as exc:
        suivi_record(action=action, user=direction, status=status, reason="   ")
    assert exc.value.message_dict == {"reason": [message]}
    assert not SuiviAction.objects.exists()


def test_negative_counts_are_refused_with_french_messages(action, direction):
    with pytest.raises(ValidationError) as exc:
        suivi_record(action=action, user=direction, status="realisee", girls=-1, boys=-2, hours_spent=D("-1"))
    assert exc.value.message_dict == {
        "girls": ["Le nombre de filles ne peut pas être négatif."],
        "boys": ["Le nombre de garçons ne peut pas être négatif."],
        "hours_spent": ["Le nombre d’heures ne peut pas être négatif."],
    }
    assert not SuiviAction.objects.exists()


def test_reached_cannot_exceed_concerned(action, direction):
    with pytest.raises(ValidationError) as exc:
        suivi_record(action=action, user=direction, status="realisee", girls=30, boys=21)
    assert exc.value.messages == [
        "Filles et garçons touchés (51) dépassent le nombre d’élèves concernés prévu pour cette action (50). "
        "Corrigez les nombres ou le nombre d’élèves concernés de l’action."
    ]
    suivi = suivi_record(action=action, user=direction, status="realisee", girls=30, boys=20)
    assert suivi.pupils_reached == 50


def test_reached_is_free_when_concerned_is_unknown(programme, direction):
    action = make_action(programme, direction, title="Sans effectif prévu")
    suivi = suivi_record(action=action, user=direction, status="realisee", girls=300, boys=280)
    assert suivi.pupils_reached == 580


def test_actual_date_must_fall_in_the_school_year(action, direction):
    with pytest.raises(ValidationError) as exc:
        suivi_record(action=action, user=direction, status="realisee", actual_date=DAY(2026, 9, 2))
    assert "doit tomber dans l’année scolaire 2025-2026" in exc.value.messages[0]
    assert suivi_record(action=action, user=direction, status="realisee", actual_date=DAY(2026, 6, 30))


def test_stale_version_is_refused_and_changes_nothing(action, direction, world):
    first = suivi_record(action=action, user=direction, status="realisee", girls=10, boys=10)
    suivi_record(action=action, user=world.users["redacteur"], version=first.version, status="realisee", girls=12)
    with pytest.raises(ValidationError) as exc:
        suivi_record(action=action, user=direction, version=first.version, status="realisee", girls=1)
    assert "Quelqu’un d’autre a modifié ce suivi" in exc.value.messages[0]
    suivi = SuiviAction.objects.get(action=action)
    assert (suivi.girls, suivi.version) == (12, 2)
    assert suivi.history.count() == 2
