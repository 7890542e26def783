from django.urls import reverse

from ppo.campagnes import perms
from ppo.comptes.enums import Role
from ppo.core.registry import NavItem


def items(request) -> list[NavItem]:
    """« Campagnes » for the académie, « Analyse » for the académie and the bassins."""
    membership = getattr(request, "membership", None)
    staff = request.user.is_authenticated and request.user.is_staff
    role = membership.role if membership else None
    entries = []
    if role == Role.ACADEMIE or staff:
        entries.append(
            NavItem(
                label="Campagnes", url=reverse("campagnes:campagnes"), active_prefix="/academie/campagnes/", order=40
            )
        )
    if role in (Role.ACADEMIE, Role.BASSIN) or (staff and perms.can_analyse(request.user)):
        entries.append(
            NavItem(
                label="Analyse", url=reverse("campagnes:tableau_de_bord"), active_prefix="/academie/analyse/", order=41
            )
        )
    return entries
