"""Plans objects for tests: a programme of a school, actions on its grid."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from ppo.comptes.enums import Role
from ppo.plans.models import Axe
from ppo.plans.services import action_create, ppo_create
from tests.factories import EtablissementFactory, user_with


def programme_for(etablissement=None, *, first_year=2025, user=None):
    etablissement = etablissement or EtablissementFactory(lp=True)
    user = user or user_with(Role.DIRECTION, etablissement=etablissement)
    return ppo_create(etablissement=etablissement, first_year=first_year, years=3, user=user).programmes.get()


def add_action(programme, *, axe=1, niveaux=None, user=None, **fields):
    niveaux = niveaux if niveaux is not None else [programme.ppo.etablissement.niveaux.order_by("order").first()]
    fields.setdefault("title", "Forum des métiers")
    user = user or programme.ppo.created_by
    return action_create(
        programme=programme, user=user, axe=Axe.objects.get(number=axe), niveaux=list(niveaux), **fields
    )


def page_queries(client, url):
    """The response and the number of queries of a page, the session being warm already."""
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(ctx.captured_queries)
