from django.urls import reverse

from ppo.comptes.enums import SCHOOL_ROLES
from ppo.core.registry import Card


def cards(request) -> list[Card]:
    membership = getattr(request, "membership", None)
    if not membership or membership.role not in SCHOOL_ROLES or not membership.etablissement_id:
        return []
    etablissement = membership.etablissement
    return [
        Card(
            title="Mon PPO",
            description=(
                f"La grille axes × niveaux de {etablissement.name}, les actions, le contrôle de complétude, "
                "l’adoption et la publication."
            ),
            url=reverse("plans:etablissement", kwargs={"uai": etablissement.uai}),
            link_label="Ouvrir le PPO",
            order=10,
        )
    ]
