"""Who may transmit a programme, read a transmission, review it and answer its comments (docs/academie.md)."""

from ppo.comptes import perms as scope


def can_transmit(user, programme) -> bool:
    """The direction transmits (in which states: `plans.lifecycle`, transition `transmettre`)."""
    return scope.is_direction(user, programme.ppo.etablissement)


def can_view_transmission(user, transmission) -> bool:
    etablissement = transmission.programme.ppo.etablissement
    return scope.is_school_staff(user, etablissement) or scope.supervises(user, etablissement)


def can_review(user, transmission) -> bool:
    """Every supervisor of the school but the national read-only role (DGESCO)."""
    return scope.reviews(user, transmission.programme.ppo.etablissement)


def can_reply(user, transmission) -> bool:
    return scope.can_write_school(user, transmission.programme.ppo.etablissement)
