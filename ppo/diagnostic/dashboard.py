from django.urls import reverse

from ppo.comptes.enums import SCHOOL_ROLES
from ppo.core.registry import Card
from ppo.plans.models import ProgrammeAnnuel


def cards(request) -> list[Card]:
    """« Diagnostic et objectifs » for the staff of a school: the latest programme of its PPO."""
    membership = getattr(request, "membership", None)
    if not membership or membership.role not in SCHOOL_ROLES or not membership.etablissement_id:
        return []
    programme = (
        ProgrammeAnnuel.objects.filter(ppo__etablissement_id=membership.etablissement_id)
        .order_by("-year", "-pk")
        .first()
    )
    if programme is None:
        return []
    return [
        Card(
            title="Diagnostic et objectifs",
            description=(
                f"Indicateurs de l’établissement, questionnaires de l’état des lieux et de l’inventaire, objectifs "
                f"cibles et axes d’amélioration du programme {programme.year_label}."
            ),
            url=reverse("diagnostic:programme", kwargs={"pk": programme.pk}),
            link_label="Analyser",
            order=20,
        )
    ]
