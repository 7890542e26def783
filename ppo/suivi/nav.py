from django.urls import reverse

from ppo.comptes import perms as scope
from ppo.comptes.enums import Role
from ppo.core.registry import NavItem


def items(request) -> list[NavItem]:
    """« Mes actions à renseigner » for whoever records follow-ups somewhere (direction, rédacteur)."""
    if not any(m.role in (Role.DIRECTION, Role.REDACTEUR) for m in scope.active_memberships(request.user)):
        return []
    return [
        NavItem(label="Mes actions à renseigner", url=reverse("suivi:mes_actions"), active_prefix="/suivi/", order=30)
    ]
