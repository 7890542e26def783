"""API test helpers: a published programme with actions, keys for each kind of scope."""

from ppo.api.enums import ScopeKind
from ppo.api.services import api_key_create
from ppo.plans.enums import StatutProgramme
from ppo.plans.models import ProgrammeAnnuel
from tests.plans.factories import add_action, programme_for


def published(etablissement, *, actions=2, **fields):
    programme = programme_for(etablissement)
    for n in range(actions):
        add_action(programme, title=f"Action publique {n}", **fields)
    ProgrammeAnnuel.objects.filter(pk=programme.pk).update(status=StatutProgramme.PUBLIE)
    programme.refresh_from_db()
    return programme


def key_for(user, target, kind) -> str:
    return api_key_create(user=user, name="Service de test", scope_kind=kind, target=target)[1]


def auth(secret: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def academie_key(world):
    return key_for(world.users["academie"], world.school.academie, ScopeKind.ACADEMIE)


def bassin_key(world):
    return key_for(world.users["bassin"], world.bassin, ScopeKind.BASSIN)


def partner_key(world):
    return key_for(world.users["partenaire"], world.structure, ScopeKind.STRUCTURE)
