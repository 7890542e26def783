"""Who may transmit a programme, read a transmission, review it and answer its comments (docs/academie.md)."""

from ppo.comptes import perms as scope
from ppo.plans.enums import StatutProgramme

# The official order is CP advice → CA adoption → transmission; a programme sent back is transmitted again.
TRANSMITTABLE = {
    StatutProgramme.BROUILLON,
    StatutProgramme.AVIS_CP,
    StatutProgramme.ADOPTE_CA,
    StatutProgramme.A_COMPLETER,
}


def can_transmit(user, programme) -> bool:
    return scope.is_direction(user, programme.ppo.etablissement)


def can_view_transmission(user, transmission) -> bool:
    etablissement = transmission.programme.ppo.etablissement
    return scope.is_school_staff(user, etablissement) or scope.supervises(user, etablissement)


def can_review(user, transmission) -> bool:
    """Every supervisor of the school but the national read-only role (DGESCO)."""
    return scope.reviews(user, transmission.programme.ppo.etablissement)


def can_reply(user, transmission) -> bool:
    return scope.can_write_school(user, transmission.programme.ppo.etablissement)
