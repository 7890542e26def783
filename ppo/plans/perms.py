"""Who may read and write a PPO. Used by views and templates alike (see docs/adr/002-roles-et-perimetres.md)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from ppo.comptes import perms as scope
from ppo.plans import lifecycle
from ppo.plans.enums import StatutProgramme
from ppo.plans.selectors import action_get, programme_get

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


# What a page needs to do with the programme (`need=`), after « may see it ».
NEEDS = {
    "view": lambda user, programme: True,
    "edit": can_edit_programme,
    "manage": can_manage_programme,
    "history": can_read_history,
}


def programme_for(request, pk: int, *, need: str = "view"):
    """The programme `pk` for a page of any app, checked: 404 if the user may not see it (no hint that it exists),
    403 if they see it but may not do what the page does (`need`: view, edit, manage, history)."""
    programme = programme_get(pk=pk)
    check_programme(request.user, programme, need)
    return programme


def action_for(request, pk: int, *, need: str = "edit"):
    """The action `pk` with its programme, checked as `programme_for` checks the programme."""
    action = action_get(pk=pk)
    check_programme(request.user, action.programme, need)
    return action


def check_programme(user, programme, need: str = "view") -> None:
    if not can_view_programme(user, programme):
        raise Http404("Programme introuvable.")
    if need == "edit" and can_write_programme(user, programme):
        lifecycle.ensure_editable(programme)  # the role writes, the state does not: why, and the way on
    if not NEEDS[need](user, programme):
        raise PermissionDenied("Vous ne pouvez pas faire cette action sur ce programme.")
