from django.urls import reverse

from ppo.core.registry import Card
from ppo.referentiel.perms import managed_academie


def cards(request) -> list[Card]:
    if not request.user.is_authenticated or managed_academie(request) is None:
        return []
    return [
        Card(
            "Établissements de l’académie",
            "Rechercher un établissement par UAI ou par nom, corriger ses niveaux enseignés.",
            reverse("referentiel:etablissement_list"),
            order=80,
        ),
        Card(
            "Bassins",
            "Définir les bassins de l’académie et y rattacher les établissements.",
            reverse("referentiel:bassin_list"),
            order=81,
        ),
    ]
