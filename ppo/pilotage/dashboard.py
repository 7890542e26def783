from django.urls import reverse

from ppo.comptes.enums import SUPERVISION_ROLES
from ppo.core.registry import Card


def cards(request) -> list[Card]:
    membership = getattr(request, "membership", None)
    if not membership or membership.role not in SUPERVISION_ROLES:  # a lazy object wrapping None
        return []
    return [
        Card(
            title="Analyse de la campagne",
            description="États des établissements, couverture de la grille, actions, heures, carte et exports.",
            url=reverse("pilotage:tableau_de_bord"),
            link_label="Ouvrir l’analyse",
            order=20,
        )
    ]
