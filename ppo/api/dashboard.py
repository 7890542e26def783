from django.urls import reverse

from ppo.api.perms import manageable_scopes
from ppo.core.registry import Card


def cards(request) -> list[Card]:
    if not request.user.is_authenticated or not manageable_scopes(request.user):
        return []
    return [
        Card(
            "Clés d’API",
            "Donner à un autre service (portail de l’académie, de la Région, outils de l’ONISEP) l’accès aux données "
            "de votre périmètre, et le retirer.",
            reverse("api:keys"),
            link_label="Gérer les clés d’API",
            order=90,
        )
    ]
