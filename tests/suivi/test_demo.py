from ppo.core.dates import current_school_year
from ppo.demo.base import demo_load
from ppo.plans.models import Action
from ppo.suivi.enums import DecisionReprise, StatutBilan, StatutSuivi
from ppo.suivi.models import Bilan, RepriseAction, SuiviAction
from ppo.suivi.selectors import adjustments_for


def test_demo_closes_last_year_with_follow_ups_a_validated_bilan_and_next_year_decisions(db):
    demo = demo_load()
    year = current_school_year()
    previous = demo.schools["lp"].ppos.get().programmes.get(year=year - 1)
    current = demo.schools["lp"].ppos.get().programmes.get(year=year)
    # Every action of last year of the demo's schools is followed up (girls and boys counted), none of this year's
    # yet. The similar schools added for the comparisons (ppo/demo/peers.py) carry programmes, not follow-ups.
    schools = list(demo.schools.values())
    assert not Action.objects.filter(
        programme__year=year - 1, programme__ppo__etablissement__in=schools, suivi__isnull=True
    ).exists()
    assert not SuiviAction.objects.filter(action__programme__year=year).exists()
    recorded = SuiviAction.objects.filter(action__programme=previous)
    assert recorded.filter(status=StatutSuivi.REALISEE, girls__isnull=False, boys__isnull=False).exists()
    assert {StatutSuivi.REPORTEE, StatutSuivi.ANNULEE} <= set(recorded.values_list("status", flat=True))
    assert all(s.actual_date is None or s.actual_date.year in (year - 1, year) for s in recorded)
    # The three bilans of last year are validated, their figures frozen.
    assert Bilan.objects.count() == 3
    assert set(Bilan.objects.values_list("programme__year", "status")) == {(year - 1, StatutBilan.VALIDE)}
    assert Bilan.objects.get(programme=previous).figures["totals"]["actions"] == previous.actions.count()
    # Keep, adjust (with a note seen on this year's follow-up) and drop.
    decisions = dict(RepriseAction.objects.filter(action__programme=previous).values_list("action__title", "decision"))
    assert len(decisions) == previous.actions.count()
    assert set(decisions.values()) == set(DecisionReprise.values)
    assert decisions["Conférence « Les métiers de demain »"] == DecisionReprise.ABANDONNER
    assert len(adjustments_for(programme=current)) == 3
    counts = (SuiviAction.objects.count(), Bilan.objects.count(), RepriseAction.objects.count())
    demo_load()
    assert (SuiviAction.objects.count(), Bilan.objects.count(), RepriseAction.objects.count()) == counts
