from django.urls import reverse

from ppo.comptes.enums import SCHOOL_ROLES, Role
from ppo.comptes.selectors import pending_requests_count
from ppo.core.registry import Card


def cards(request) -> list[Card]:
    if not request.user.is_authenticated:
        return []
    membership = request.membership
    if membership and membership.role == Role.DIRECTION:
        pending = pending_requests_count(etablissement=membership.etablissement)
        return [
            Card(
                "Équipe de l’établissement",
                "Ajouter des rédacteurs et des lecteurs, confirmer les demandes de rattachement.",
                reverse("comptes:team", args=[membership.etablissement.uai]),
                order=90,
                badges=[f"{pending} demande{'s' if pending > 1 else ''} en attente"] if pending else [],
            )
        ]
    if not membership or membership.role in SCHOOL_ROLES:
        return [
            Card(
                "Rejoindre un établissement",
                "Saisir le code de rattachement donné par la direction de votre établissement.",
                reverse("comptes:join"),
                order=95,
            )
        ]
    return []
