"""Who may see what, by scope. Views and templates ask these functions, never the raw memberships.

A membership is *active* when it is active and confirmed. Platform admins (`is_staff`) see everything.
"""

from django.db.models import Q, QuerySet

from ppo.comptes.enums import SCHOOL_ROLES, Role
from ppo.referentiel.models import Etablissement


def active_memberships(user):
    """The user's usable memberships, fetched once per request and cached on the user object."""
    if not user.is_authenticated:
        return []
    cached = getattr(user, "_active_memberships", None)
    if cached is None:
        cached = list(
            user.memberships.filter(is_active=True, confirmed_at__isnull=False)
            .select_related(
                "etablissement__academie", "etablissement__bassin", "bassin__academie", "academie", "structure"
            )
            .order_by("role", "pk")
        )
        user._active_memberships = cached
    return cached


def school_role(user, etablissement) -> str | None:
    """The strongest school role the user holds in this établissement (direction > rédacteur > lecteur)."""
    roles = {m.role for m in active_memberships(user) if m.etablissement_id == etablissement.pk}
    for role in SCHOOL_ROLES:
        if role in roles:
            return role
    return None


def is_school_staff(user, etablissement) -> bool:
    return school_role(user, etablissement) is not None


def is_direction(user, etablissement) -> bool:
    return school_role(user, etablissement) == Role.DIRECTION


def can_write_school(user, etablissement) -> bool:
    return school_role(user, etablissement) in (Role.DIRECTION, Role.REDACTEUR)


def is_operator(user) -> bool:
    """A platform operator (`is_staff`): supports every académie and sees everything."""
    return user.is_authenticated and user.is_staff


def supervises(user, etablissement) -> bool:
    """Académie users of its académie and bassin users of its bassin follow the school (after transmission)."""
    if is_operator(user):
        return True
    for m in active_memberships(user):
        if m.role == Role.ACADEMIE and m.academie_id == etablissement.academie_id:
            return True
        if m.role == Role.BASSIN and etablissement.bassin_id and m.bassin_id == etablissement.bassin_id:
            return True
    return False


def is_academie_user(user, academie=None) -> bool:
    return any(
        m.role == Role.ACADEMIE and (academie is None or m.academie_id == academie.pk)
        for m in active_memberships(user)
    )


def supervised_etablissements(user) -> QuerySet[Etablissement]:
    """The établissements an académie or bassin user follows; empty for everybody else."""
    if is_operator(user):
        return Etablissement.objects.all()
    academies = [m.academie_id for m in active_memberships(user) if m.role == Role.ACADEMIE]
    bassins = [m.bassin_id for m in active_memberships(user) if m.role == Role.BASSIN]
    if not academies and not bassins:
        return Etablissement.objects.none()
    return Etablissement.objects.filter(Q(academie_id__in=academies) | Q(bassin_id__in=bassins))


def staff_etablissements(user) -> QuerySet[Etablissement]:
    ids = [m.etablissement_id for m in active_memberships(user) if m.role in SCHOOL_ROLES]
    return Etablissement.objects.filter(pk__in=ids)


def partner_structure_ids(user) -> set[int]:
    return {m.structure_id for m in active_memberships(user) if m.role == Role.PARTENAIRE}


def is_ambassadeur(user) -> bool:
    return any(m.role == Role.AMBASSADEUR for m in active_memberships(user))


def can_manage_team(user, etablissement) -> bool:
    """The direction of the school (and platform operators) add, confirm and remove its staff."""
    return is_operator(user) or is_direction(user, etablissement)
