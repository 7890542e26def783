from django.urls import reverse

from ppo.core.registry import NavItem
from ppo.referentiel.perms import managed_academie


def items(request) -> list[NavItem]:
    if not request.user.is_authenticated or managed_academie(request) is None:
        return []
    return [
        NavItem("Établissements", reverse("referentiel:etablissement_list"), "/etablissements/", order=80),
        NavItem("Bassins", reverse("referentiel:bassin_list"), "/etablissements/bassins/", order=81),
    ]
