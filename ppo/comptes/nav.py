from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.core.registry import NavItem


def items(request) -> list[NavItem]:
    membership = getattr(request, "membership", None) if request.user.is_authenticated else None
    if not membership or membership.role != Role.DIRECTION:
        return []
    return [NavItem("Équipe", reverse("comptes:team", args=[membership.etablissement.uai]), "/compte/equipe/", 90)]
