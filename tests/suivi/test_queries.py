"""The pages' query counts do not grow with the number of actions (30 then 300 actions)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ppo.partenaires.models import Structure
from ppo.plans.models import Action, Axe
from ppo.suivi.models import PieceJointe, SuiviAction
from tests.factories import StructureFactory
from tests.suivi.helpers import D, niveau


def add_actions(programme, user, count):
    """`count` actions in bulk: dated across the year, on one or two levels, two thirds followed up."""
    axes = list(Axe.objects.order_by("number"))
    seconde, premiere = niveau("2nde-pro"), niveau("1re-pro")
    start = Action.objects.filter(programme=programme).count()
    actions = Action.objects.bulk_create(
        Action(
            programme=programme,
            axe=axes[i % 3],
            title=f"Action {i}",
            start_date=datetime.date(2025, 9, 1) + datetime.timedelta(days=(i * 3) % 300) if i % 5 else None,
            period="printemps" if i % 5 == 0 else "",
            hours=D("2"),
            pupils_count=60,
            order=i,
            created_by=user,
        )
        for i in range(start, start + count)
    )
    through = Action.niveaux.through
    links = [through(action_id=a.pk, niveau_id=seconde.pk) for a in actions]
    links += [through(action_id=a.pk, niveau_id=premiere.pk) for a in actions[::2]]
    through.objects.bulk_create(links)
    suivis = SuiviAction.objects.bulk_create(
        SuiviAction(action=a, status="realisee", girls=10, boys=12, hours_spent=D("1.5"))
        for i, a in enumerate(actions)
        if i % 3
    )
    structure = Structure.objects.first() or StructureFactory()
    SuiviAction.partners.through.objects.bulk_create(
        SuiviAction.partners.through(suiviaction_id=s.pk, structure_id=structure.pk) for s in suivis[::4]
    )
    PieceJointe.objects.bulk_create(
        PieceJointe(suivi=s, file="suivi/x.pdf", original_name="x.pdf", content_type="application/pdf", size=3)
        for s in suivis[::5]
    )


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


PAGES = [
    ("suivi:programme", {}),
    ("suivi:calendrier", {}),
    ("suivi:calendrier", {"vue": "niveau", "axe": "2"}),
    ("suivi:bilan", {}),
    ("suivi:annee_suivante", {}),
    ("suivi:mes_actions", None),
]


@pytest.mark.parametrize(("name", "params"), PAGES)
def test_query_count_is_constant(client, world, programme, direction, name, params, django_assert_num_queries):
    url = reverse(name) if params is None else reverse(name, kwargs={"pk": programme.pk})
    if params:
        url += "?" + "&".join(f"{k}={v}" for k, v in params.items())
    # The programme must be « current » for « mes actions »: the world's programme is 2025-2026.
    client.force_login(direction)
    add_actions(programme, direction, 30)
    small = _count(client, url)
    add_actions(programme, direction, 270)
    assert Action.objects.filter(programme=programme).count() == 300
    with django_assert_num_queries(small):
        response = client.get(url)
    assert response.status_code == 200
