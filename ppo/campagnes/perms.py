"""Who may set the campaign frame and read it (see docs/academie.md)."""

from ppo.comptes import perms as scope
from ppo.comptes.enums import Role
from ppo.plans.perms import can_view_programme


def managed_academie_ids(user) -> set[int]:
    """Académies whose campaigns the user sets (académie role); admins manage every académie."""
    return {m.academie_id for m in scope.active_memberships(user) if m.role == Role.ACADEMIE}


def can_manage_campagnes(user, academie=None) -> bool:
    if scope.is_operator(user):
        return True
    ids = managed_academie_ids(user)
    return bool(ids) if academie is None else academie.pk in ids


def can_view_cadre(user, programme) -> bool:
    return can_view_programme(user, programme)
