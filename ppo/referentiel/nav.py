from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.comptes.perms import is_operator
from ppo.core.registry import NavItem
from ppo.referentiel.perms import managed_academie


def items(request) -> list[NavItem]:
    if not request.user.is_authenticated:
        return []
    if managed_academie(request) is not None or is_operator(request.user):
        return [
            NavItem("Établissements", reverse("referentiel:etablissement_list"), "/etablissements/", order=80),
            NavItem("Bassins", reverse("referentiel:bassin_list"), "/etablissements/bassins/", order=81),
        ]
    membership = request.membership
    if membership and membership.role == Role.BASSIN:
        url = reverse("referentiel:bassin_detail", args=[membership.bassin_id])
        return [NavItem("Mon bassin", url, url, order=80)]
    return []
