"""Who may read and record the follow-up and the bilan (see docs/suivi.md, « Qui peut quoi »).

Reading follows the programme (`plans.perms.can_view_programme`): school staff always, the académie and the
bassin once the programme was transmitted. Writing belongs to the school: direction and rédacteurs record the
follow-up; the direction validates the bilan and starts next year. Attachments may hold pupils' names (sign-in
sheets): only the school's staff and the platform's operators open them.
"""

from ppo.comptes import perms as scope
from ppo.plans.perms import can_view_programme

__all__ = [
    "can_view_suivi",
    "can_record_suivi",
    "can_open_attachments",
    "can_edit_bilan",
    "can_validate_bilan",
    "can_start_next_year",
]


def can_view_suivi(user, programme) -> bool:
    return can_view_programme(user, programme)


def can_record_suivi(user, programme) -> bool:
    return scope.can_write_school(user, programme.ppo.etablissement)


def can_open_attachments(user, programme) -> bool:
    if scope.is_operator(user):
        return True
    return scope.is_school_staff(user, programme.ppo.etablissement)


def can_edit_bilan(user, programme) -> bool:
    return scope.can_write_school(user, programme.ppo.etablissement)


def can_validate_bilan(user, programme) -> bool:
    return scope.is_direction(user, programme.ppo.etablissement)


def can_start_next_year(user, programme) -> bool:
    return scope.is_direction(user, programme.ppo.etablissement)
