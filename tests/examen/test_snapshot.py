from decimal import Decimal

import pytest

from ppo.examen.snapshot import programme_snapshot
from ppo.plans.enums import CategorieRessource
from ppo.plans.models import Action, RessourceItem
from tests.campagnes import factories

pytestmark = pytest.mark.django_db


def test_the_snapshot_keeps_every_field_of_every_action(django_assert_max_num_queries):
    programme = factories.programme()
    partner = RessourceItem.objects.filter(category=CategorieRessource.PARTENARIATS).first()
    actor = RessourceItem.objects.filter(category=CategorieRessource.ACTEURS).first()
    factories.action(
        programme,
        axe=3,
        niveaux=("2nde-pro", "tle-pro"),
        hours=Decimal("2.5"),
        partner_items=[partner],
        actors=[actor],
        description="Salon du supérieur",
    )
    for n in range(5):
        factories.action(programme, title=f"Action {n}")
    with django_assert_max_num_queries(9):  # + the competences, the indicator values and the target objectives
        snapshot = programme_snapshot(programme=programme)
    fields = {f.name for f in Action._meta.concrete_fields} | {f.name for f in Action._meta.many_to_many}
    first = snapshot["actions"][-1] if snapshot["actions"][-1]["axe"]["number"] == 3 else snapshot["actions"][0]
    assert fields - {"programme"} <= set(first)
    assert first["hours"] == "2.5"
    assert [n["code"] for n in first["niveaux"]] == ["2nde-pro", "tle-pro"]
    assert first["partner_items"][0]["label"] == partner.label
    assert first["actors"][0]["label"] == actor.label
    assert snapshot["etablissement"]["uai"] == programme.ppo.etablissement.uai
