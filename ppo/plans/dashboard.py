from django.urls import reverse

from ppo.comptes.enums import SCHOOL_ROLES
from ppo.core.registry import Card
from ppo.plans.selectors import latest_programme


def cards(request) -> list[Card]:
    """« Mon PPO » for the staff of a school: straight to the latest programme's grid when there is one."""
    membership = getattr(request, "membership", None)
    if not membership or membership.role not in SCHOOL_ROLES or not membership.etablissement_id:
        return []
    etablissement = membership.etablissement
    programme = latest_programme(etablissement=etablissement)
    description = (
        f"La grille axes × niveaux de {etablissement.name}, les actions, le contrôle de complétude, "
        "l’adoption et la publication."
    )
    if programme is None:
        url = reverse("plans:etablissement", kwargs={"uai": etablissement.uai})
        return [Card(title="Mon PPO", description=description, url=url, link_label="Ouvrir le PPO", order=10)]
    return [
        Card(
            title="Mon PPO",
            description=description,
            url=reverse("plans:programme", kwargs={"pk": programme.pk}),
            link_label="Ouvrir la grille",
            order=10,
            badges=[f"Programme {programme.year_label} : {programme.get_status_display()}"],
        )
    ]
