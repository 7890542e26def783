"""Who may see and change the reference data of an académie (bassins, établissements, levels taught)."""

from ppo.comptes import perms as scope
from ppo.comptes.enums import Role
from ppo.referentiel.models import Academie, Bassin, Etablissement


def managed_academie(request) -> Academie | None:
    """The académie an académie user works for: that of the active membership, else their first académie one."""
    user = request.user
    memberships = [m for m in scope.active_memberships(user) if m.role == Role.ACADEMIE]
    if not memberships:
        return None
    active = getattr(request, "membership", None)
    for membership in memberships:
        if active is not None and membership.pk == active.pk:
            return membership.academie
    return memberships[0].academie


def listed_academie(request) -> Academie | None:
    """The académie whose lists (établissements, bassins) the user reads; None if they may read none.

    An académie user reads their own (`managed_academie`). An operator reads any académie, chosen with
    `?academie=<code>`; without a (known) choice, their own académie if they also hold an académie membership, else
    the first académie by name. Reading the lists gives nothing more: a school's drafts stay out of reach.
    """
    own = managed_academie(request)
    if not scope.is_operator(request.user):
        return own
    code = request.GET.get("academie", "").strip()
    chosen = Academie.objects.filter(code=code).first() if code else None
    return chosen or own or Academie.objects.order_by("name", "code").first()


def can_create_bassin(request, academie: Academie) -> bool:
    """Only the académie defines its bassins (operators read the list, they change existing bassins in their page)."""
    own = managed_academie(request)
    return own is not None and own.pk == academie.pk


def can_manage_bassin(user, bassin: Bassin) -> bool:
    return scope.is_operator(user) or scope.is_academie_user(user, bassin.academie)


def can_view_bassin(user, bassin: Bassin) -> bool:
    if can_manage_bassin(user, bassin):
        return True
    return any(m.role == Role.BASSIN and m.bassin_id == bassin.pk for m in scope.active_memberships(user))


def can_view_etablissement(user, etablissement: Etablissement) -> bool:
    return scope.is_school_staff(user, etablissement) or scope.supervises(user, etablissement)


def can_edit_niveaux(user, etablissement: Etablissement) -> bool:
    """Levels taught are derived from the kind; the académie (or an operator) corrects them."""
    return scope.is_operator(user) or scope.is_academie_user(user, etablissement.academie)
