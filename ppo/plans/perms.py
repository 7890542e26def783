"""Who may read and write a PPO. Used by views and templates alike (see docs/adr/002-roles-et-perimetres.md)."""

from ppo.comptes import perms as scope
from ppo.plans import lifecycle
from ppo.plans.enums import StatutProgramme

# From transmission on, the académie (and the bassin) can read the programme.
SEEN_BY_SUPERVISORS = {
    StatutProgramme.TRANSMIS,
    StatutProgramme.A_COMPLETER,
    StatutProgramme.VALIDE,
    StatutProgramme.PUBLIE,
}


def can_view_etablissement_plans(user, etablissement) -> bool:
    return scope.is_school_staff(user, etablissement) or scope.supervises(user, etablissement)


def can_view_programme(user, programme) -> bool:
    etablissement = programme.ppo.etablissement
    if scope.is_school_staff(user, etablissement):
        return True
    if scope.is_operator(user):
        return True
    return scope.supervises(user, etablissement) and programme.status in SEEN_BY_SUPERVISORS


def can_write_programme(user, programme) -> bool:
    """The user's role lets them write the school's programmes (direction, rédacteur), whatever its state."""
    return scope.can_write_school(user, programme.ppo.etablissement)


def can_edit_programme(user, programme) -> bool:
    """The role writes and the state lets the content change (`lifecycle.can_edit_content`)."""
    return can_write_programme(user, programme) and lifecycle.can_edit_content(programme)


def can_manage_programme(user, programme) -> bool:
    """Statuses, adoption, publication, starting a new year: the direction only."""
    return scope.is_direction(user, programme.ppo.etablissement)


def can_create_ppo(user, etablissement) -> bool:
    return scope.is_direction(user, etablissement)


def can_read_history(user, programme) -> bool:
    """Who changed what and when: the direction of the school (and the platform admins)."""
    if scope.is_operator(user):
        return True
    return scope.is_direction(user, programme.ppo.etablissement)


def can_print_poster(user, etablissement) -> bool:
    """The poster with the QR code of the school's public page: the direction (it decides what is displayed)."""
    return scope.is_direction(user, etablissement)
