"""Who may read the académie's analysis: the dashboard, the map and the exports (docs/academie.md)."""

from ppo.comptes import perms as scope
from ppo.comptes.enums import Role


def can_analyse(user) -> bool:
    """The dashboard, the map and the exports: académie and bassin users, admins."""
    if scope.is_operator(user):
        return True
    return any(m.role in (Role.ACADEMIE, Role.BASSIN) for m in scope.active_memberships(user))
