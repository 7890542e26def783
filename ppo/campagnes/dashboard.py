from django.urls import reverse
from django.utils import timezone

from ppo.campagnes.selectors import campagne_for
from ppo.comptes.enums import SCHOOL_ROLES, Role
from ppo.core.dates import current_school_year
from ppo.core.registry import Card
from ppo.plans.models import ProgrammeAnnuel


def _school_card(membership) -> list[Card]:
    etablissement = membership.etablissement
    year = current_school_year()
    campagne = campagne_for(etablissement=etablissement, year=year)
    if campagne is None:
        return []
    days = (campagne.deadline - timezone.localdate()).days
    left = f"{days} jour{'s' if days > 1 else ''} restant{'s' if days > 1 else ''}" if days >= 0 else "Date dépassée"
    programme = ProgrammeAnnuel.objects.filter(ppo__etablissement=etablissement, year=year).first()
    url = (
        reverse("campagnes:cadre", kwargs={"pk": programme.pk})
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
    membership = getattr(request, "membership", None)
    if not membership:  # a lazy object wrapping None
        return []
    if membership.role in SCHOOL_ROLES and membership.etablissement_id:
        return _school_card(membership)
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
