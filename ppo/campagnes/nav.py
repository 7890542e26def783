from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.comptes.perms import is_operator
from ppo.core.registry import NavItem


def items(request) -> list[NavItem]:
    """« Campagnes » for the académie and the operators."""
    membership = getattr(request, "membership", None)
    staff = is_operator(request.user)
    role = membership.role if membership else None
    if role == Role.ACADEMIE or staff:
        return [NavItem(label="Campagnes", url=reverse("campagnes:campagnes"), active_prefix="/campagnes/", order=40)]
    return []
