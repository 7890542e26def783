from django.urls import reverse

from ppo.comptes.enums import Role
from ppo.core.registry import Card


def cards(request) -> list[Card]:
    membership = getattr(request, "membership", None)
    if not membership:  # a lazy object wrapping None
        return []
    if membership.role == Role.ACADEMIE:
        return [
            Card(
                title="Campagnes",
                description="Date limite, priorités, temps forts et volumes horaires envoyés aux établissements.",
                url=reverse("campagnes:campagnes"),
                link_label="Gérer les campagnes",
                order=21,
            )
        ]
    return []
