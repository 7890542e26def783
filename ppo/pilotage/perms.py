"""Who may read the académie's analysis: the dashboard, the map and the exports (docs/academie.md)."""

from ppo.comptes import perms as scope


def can_analyse(user) -> bool:
    """The dashboard, the map and the exports: supervisors at every level (national to bassin), admins."""
    if scope.is_operator(user):
        return True
    return scope.is_supervisor(user)
