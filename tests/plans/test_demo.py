import pytest

from ppo.core import demo as core_demo
from ppo.plans.models import PPO, Action
from ppo.plans.selectors import programme_completeness


@pytest.fixture
def demo(db, monkeypatch):
    monkeypatch.setattr(core_demo, "APP_ORDER", ["plans"])
    return core_demo.demo_load()


def _programme(demo, key):
    return PPO.objects.get(etablissement=demo.schools[key], first_year=2025).programmes.get()


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
