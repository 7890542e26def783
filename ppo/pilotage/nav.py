from django.urls import reverse

from ppo.comptes.enums import SUPERVISION_ROLES
from ppo.comptes.perms import is_operator
from ppo.core.registry import NavItem
from ppo.pilotage import perms


def items(request) -> list[NavItem]:
    """« Analyse » for the académie and the bassins (and the operators who may read it)."""
    membership = getattr(request, "membership", None)
    staff = is_operator(request.user)
    role = membership.role if membership else None
    if role in SUPERVISION_ROLES or (staff and perms.can_analyse(request.user)):
        return [
            NavItem(label="Analyse", url=reverse("pilotage:tableau_de_bord"), active_prefix="/pilotage/", order=41)
        ]
    return []
