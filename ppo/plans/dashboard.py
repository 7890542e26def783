from django.urls import reverse
from django.utils import timezone

from ppo.campagnes.selectors import campagne_for
from ppo.comptes.enums import SCHOOL_ROLES
from ppo.core.dates import current_school_year
from ppo.core.registry import Card
from ppo.plans.models import ProgrammeAnnuel
from ppo.plans.selectors import latest_programme


def campaign_card(membership) -> list[Card]:
    etablissement = membership.etablissement
    year = current_school_year()
    campagne = campagne_for(etablissement=etablissement, year=year)
    if campagne is None:
        return []
    days = (campagne.deadline - timezone.localdate()).days
    left = f"{days} jour{'s' if days > 1 else ''} restant{'s' if days > 1 else ''}" if days >= 0 else "Date dépassée"
    programme = ProgrammeAnnuel.objects.filter(ppo__etablissement=etablissement, year=year).first()
    url = (
        reverse("plans:cadre", kwargs={"pk": programme.pk})
        if programme
        else reverse("plans:etablissement", kwargs={"uai": etablissement.uai})
    )
    status = f" Votre programme : {programme.get_status_display().lower()}." if programme else ""
    return [
        Card(
            title=f"Campagne {campagne.year_label}",
            description=f"À transmettre à l’académie avant le {campagne.deadline:%d/%m/%Y}.{status}",
            url=url,
            link_label="Voir le cadre de la campagne",
            order=15,
            badges=[left],
        )
    ]


def cards(request) -> list[Card]:
    """« Mon PPO » for the staff of a school: straight to the latest programme's grid when there is one."""
    membership = getattr(request, "membership", None)
    if not membership or membership.role not in SCHOOL_ROLES or not membership.etablissement_id:
        return []
    return _ppo_card(membership) + campaign_card(membership)


def _ppo_card(membership) -> list[Card]:
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
