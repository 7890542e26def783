from django.urls import reverse

from ppo.comptes import perms as scope
from ppo.comptes.enums import SCHOOL_ROLES
from ppo.core.dates import current_school_year, school_year_label
from ppo.core.registry import Card
from ppo.plans.models import ProgrammeAnnuel


def cards(request) -> list[Card]:
    """For the school staff: the follow-up of the latest programme already started, of each of their schools."""
    ids = [m.etablissement_id for m in scope.active_memberships(request.user) if m.role in SCHOOL_ROLES]
    if not ids:
        return []
    year = current_school_year()
    programmes = (
        ProgrammeAnnuel.objects.filter(ppo__etablissement_id__in=ids, year__lte=year)
        .select_related("ppo__etablissement")
        .order_by("ppo__etablissement_id", "-year")
    )
    latest = {}
    for programme in programmes:
        latest.setdefault(programme.ppo.etablissement_id, programme)
    return [
        Card(
            title=f"Suivi et bilan {school_year_label(programme.year)}",
            description=f"{programme.ppo.etablissement.name} : calendrier, suivi des actions et bilan de l’année.",
            url=reverse("suivi:programme", kwargs={"pk": programme.pk}),
            link_label=f"Suivre les actions de {programme.ppo.etablissement.name}",
            order=30,
        )
        for programme in latest.values()
    ]
