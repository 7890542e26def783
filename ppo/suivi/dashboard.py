from django.urls import reverse

from ppo.comptes import perms as scope
from ppo.comptes.enums import SCHOOL_ROLES
from ppo.core.dates import current_school_year, school_year_label
from ppo.core.registry import Card
from ppo.plans.models import ProgrammeAnnuel
from ppo.suivi.selectors import WRITER_ROLES, due_count


def to_fill_card(user) -> list[Card]:
    """For the direction and rédacteurs: how many actions past their date or period wait for their follow-up."""
    if not any(m.role in WRITER_ROLES for m in scope.active_memberships(user)):
        return []
    due, mine = due_count(user=user)
    if due == 0:
        description = "Aucune action passée n’attend son suivi."
    else:
        plural = "s" if due > 1 else ""
        description = f"{due} action{plural} passée{plural} sans suivi"
        description += f", dont {mine} sous votre responsabilité." if mine else "."
    return [
        Card(
            title="Mes actions à renseigner",
            description=description,
            url=reverse("suivi:mes_actions"),
            link_label="Renseigner le suivi des actions",
            order=20,
            badges=[f"{due} à renseigner"] if due else [],
        )
    ]


def cards(request) -> list[Card]:
    """For the school staff: the actions to fill, and the follow-up of the latest programme already started, of
    each of their schools."""
    ids = [m.etablissement_id for m in scope.active_memberships(request.user) if m.role in SCHOOL_ROLES]
    if not ids:
        return []
    return to_fill_card(request.user) + _programme_cards(ids)


def _programme_cards(ids) -> list[Card]:
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
