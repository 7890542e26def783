from django.urls import reverse

from ppo.comptes.enums import SCHOOL_ROLES
from ppo.core.registry import NavItem


def items(request) -> list[NavItem]:
    """« Mon PPO » for the staff of a school, under the membership they work with."""
    membership = getattr(request, "membership", None)
    if not membership or membership.role not in SCHOOL_ROLES or not membership.etablissement_id:
        return []
    url = reverse("plans:etablissement", kwargs={"uai": membership.etablissement.uai})
    return [NavItem(label="Mon PPO", url=url, active_prefix="/ppo/", order=10)]
