"""Who may do what with campaigns, transmissions and the analysis (see docs/academie.md)."""

from ppo.comptes import perms as scope
from ppo.comptes.enums import Role
from ppo.plans.enums import StatutProgramme
from ppo.plans.perms import can_view_programme

# The official order is CP advice → CA adoption → transmission; a programme sent back is transmitted again.
TRANSMITTABLE = {
    StatutProgramme.BROUILLON,
    StatutProgramme.AVIS_CP,
    StatutProgramme.ADOPTE_CA,
    StatutProgramme.A_COMPLETER,
}


def managed_academie_ids(user) -> set[int]:
    """Académies whose campaigns the user sets (académie role); admins manage every académie."""
    return {m.academie_id for m in scope.active_memberships(user) if m.role == Role.ACADEMIE}


def can_manage_campagnes(user, academie=None) -> bool:
    if scope.is_operator(user):
        return True
    ids = managed_academie_ids(user)
    return bool(ids) if academie is None else academie.pk in ids


def can_analyse(user) -> bool:
    """The dashboard, the map and the exports: académie and bassin users, admins."""
    if scope.is_operator(user):
        return True
    return any(m.role in (Role.ACADEMIE, Role.BASSIN) for m in scope.active_memberships(user))


def can_view_cadre(user, programme) -> bool:
    return can_view_programme(user, programme)


def can_transmit(user, programme) -> bool:
    return scope.is_direction(user, programme.ppo.etablissement)


def can_view_transmission(user, transmission) -> bool:
    etablissement = transmission.programme.ppo.etablissement
    return scope.is_school_staff(user, etablissement) or scope.supervises(user, etablissement)


def can_review(user, transmission) -> bool:
    return scope.supervises(user, transmission.programme.ppo.etablissement)


def can_reply(user, transmission) -> bool:
    return scope.can_write_school(user, transmission.programme.ppo.etablissement)
