import pytest

from ppo.core.dates import current_school_year
from ppo.demo import base as core_demo
from ppo.plans.enums import OrigineAction, StatutProgramme
from ppo.plans.models import PPO, Action
from ppo.plans.selectors import programme_completeness


@pytest.fixture
def demo(db, monkeypatch):
    monkeypatch.setattr(core_demo, "APP_ORDER", ["plans"])
    return core_demo.demo_load()


def _programme(demo, key, year=None):
    """The programme of the current school year by default; the PPO started the year before."""
    current = current_school_year()
    ppo = PPO.objects.get(etablissement=demo.schools[key], first_year=current - 1, last_year=current + 1)
    return ppo.programmes.get(year=year or current)


def test_demo_last_year_is_adopted_and_this_year_starts_as_its_copy(demo):
    previous = _programme(demo, "lp", current_school_year() - 1)
    current = _programme(demo, "lp")
    assert previous.status == StatutProgramme.ADOPTE_CA
    assert current.status == StatutProgramme.BROUILLON and current.previous == previous
    dropped = set(previous.actions.values_list("title", flat=True)) - set(
        current.actions.values_list("title", flat=True)
    )
    assert dropped == {"Conférence « Les métiers de demain »"}
    assert not current.actions.exclude(origin=OrigineAction.REPRISE).exists()
    assert not current.actions.filter(copied_from__isnull=True).exists()


def test_demo_lp_has_actions_on_every_axis_and_level_with_gaps_left(demo):
    programme = _programme(demo, "lp")
    niveaux = set(demo.schools["lp"].niveaux.values_list("code", flat=True))
    assert set(Action.objects.filter(programme=programme).values_list("niveaux__code", flat=True)) == niveaux
    assert set(programme.actions.values_list("axe__number", flat=True)) == {1, 2, 3}
    codes = sorted(item.code for item in programme_completeness(programme=programme))
    assert codes == ["action_sans_effets", "action_sans_quand", "cellule_vide"]


def test_demo_college_and_lgt(demo):
    assert [i.code for i in programme_completeness(programme=_programme(demo, "college"))] == ["cellule_vide"]
    assert programme_completeness(programme=_programme(demo, "lgt")) == []


def test_demo_is_idempotent(demo):
    before = Action.objects.count()
    core_demo.demo_load()
    assert Action.objects.count() == before
