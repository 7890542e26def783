"""Who may see what, by scope. Views and templates ask these functions, never the raw memberships.

A membership is *active* when it is active and confirmed. Platform admins (`is_staff`) see everything.
"""

from django.db.models import Q, QuerySet

from ppo.comptes.enums import REVIEW_ROLES, SCHOOL_ROLES, SUPERVISION_ROLES, Role
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
                "etablissement__academie",
                "etablissement__bassin",
                "bassin__academie",
                "departement__academie",
                "academie__region",
                "region",
                "structure",
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


def _region_academies(membership) -> set[int]:
    """The académies of a région académique membership, read once per request."""
    cached = getattr(membership, "_academie_ids", None)
    if cached is None:
        cached = membership._academie_ids = set(membership.region.academies.values_list("pk", flat=True))
    return cached


def _covers(membership, etablissement) -> bool:
    """Whether a supervision membership's scope holds the school (the school's académie is loaded for regions)."""
    role = membership.role
    if role == Role.NATIONAL:
        return True
    if role == Role.REGION:
        return etablissement.academie_id in _region_academies(membership)
    if role == Role.ACADEMIE:
        return membership.academie_id == etablissement.academie_id
    if role == Role.DEPARTEMENT:
        return membership.departement_id == etablissement.departement_id
    if role == Role.BASSIN:
        return bool(etablissement.bassin_id) and membership.bassin_id == etablissement.bassin_id
    return False


def supervises(user, etablissement) -> bool:
    """Whether the user follows the school from above (after transmission): DGESCO every school, a région
    académique (DRAIO) the schools of its académies, an académie its schools, a département (DASEN, IEN-IO) the
    schools of the département, a bassin its schools. Read access; `reviews` says who may also review."""
    if is_operator(user):
        return True
    return any(m.role in SUPERVISION_ROLES and _covers(m, etablissement) for m in active_memberships(user))


def reviews(user, etablissement) -> bool:
    """Supervisors who review transmissions and comment them: everybody who supervises, but the national
    read-only role."""
    if is_operator(user):
        return True
    return any(m.role in REVIEW_ROLES and _covers(m, etablissement) for m in active_memberships(user))


def is_supervisor(user) -> bool:
    """Holds a supervision role at some level (national, région académique, académie, département, bassin)."""
    return any(m.role in SUPERVISION_ROLES for m in active_memberships(user))


def is_academie_user(user, academie=None) -> bool:
    return any(
        m.role == Role.ACADEMIE and (academie is None or m.academie_id == academie.pk)
        for m in active_memberships(user)
    )


def scope_filter(memberships) -> Q | None:
    """The filter on établissements for these supervision memberships; None when one of them is national."""
    q = Q(pk__in=[])
    for m in memberships:
        if m.role == Role.NATIONAL:
            return None
        if m.role == Role.REGION:
            q |= Q(academie__region_id=m.region_id)
        elif m.role == Role.ACADEMIE:
            q |= Q(academie_id=m.academie_id)
        elif m.role == Role.DEPARTEMENT:
            q |= Q(departement_id=m.departement_id)
        elif m.role == Role.BASSIN:
            q |= Q(bassin_id=m.bassin_id)
    return q


def supervised_etablissements(user) -> QuerySet[Etablissement]:
    """The établissements the user follows from above, at every level; empty for everybody else."""
    if is_operator(user):
        return Etablissement.objects.all()
    memberships = [m for m in active_memberships(user) if m.role in SUPERVISION_ROLES]
    if not memberships:
        return Etablissement.objects.none()
    q = scope_filter(memberships)
    return Etablissement.objects.all() if q is None else Etablissement.objects.filter(q)


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
