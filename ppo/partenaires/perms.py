"""Who may do what in the catalogue and with the ambassadeurs métiers (see docs/adr/008-catalogue-et-ambassadeurs.md)."""

from ppo.comptes import perms as scope
from ppo.comptes.enums import SCHOOL_ROLES, Role
from ppo.partenaires.enums import CoteRetour, StatutOffre

# --- Offers -----------------------------------------------------------------------------------------------------


def can_see_contacts(user) -> bool:
    """Contact details of offers are shown to logged-in users only, never to anonymous visitors."""
    return user.is_authenticated


def is_partner_user(user) -> bool:
    return bool(scope.partner_structure_ids(user))


def can_edit_offre(user, offre) -> bool:
    return scope.is_operator(user) or offre.structure_id in scope.partner_structure_ids(user)


def membership_moderates(m, offre) -> bool:
    """Whether a usable membership makes its holder a moderator in charge of the offer: an académie account of the
    offer's académie, or a member of a structure that moderates in that académie (never the offer's own)."""
    if m.role == Role.ACADEMIE:
        return m.academie_id == offre.academie_id
    return (
        m.role == Role.PARTENAIRE
        and m.structure.is_moderator
        and m.structure.academie_id == offre.academie_id
        and m.structure_id != offre.structure_id
    )


def can_moderate_offre(user, offre) -> bool:
    return scope.is_operator(user) or any(membership_moderates(m, offre) for m in scope.active_memberships(user))


def is_moderator(user) -> bool:
    return scope.is_operator(user) or any(
        m.role == Role.ACADEMIE or (m.role == Role.PARTENAIRE and m.structure.is_moderator)
        for m in scope.active_memberships(user)
    )


def can_view_offre(user, offre) -> bool:
    """Validated offers are public (even stale ones, flagged); drafts only for their partner and moderators."""
    if offre.status == StatutOffre.VALIDEE:
        return True
    if not user.is_authenticated:
        return False
    return can_edit_offre(user, offre) or can_moderate_offre(user, offre)


def writes_for_a_school(user) -> bool:
    return any(m.role in (Role.DIRECTION, Role.REDACTEUR) for m in scope.active_memberships(user))


def can_add_offre_to_ppo(user, offre) -> bool:
    return offre.status == StatutOffre.VALIDEE and writes_for_a_school(user)


# --- Ambassadors ------------------------------------------------------------------------------------------------


def is_school_staff_anywhere(user) -> bool:
    return any(m.role in SCHOOL_ROLES for m in scope.active_memberships(user))


def can_list_ambassadeurs(user) -> bool:
    """Ambassadors' personal data is for logged-in school staff only (and platform admins)."""
    return scope.is_operator(user) or is_school_staff_anywhere(user)


def can_view_ambassadeur(user, ambassadeur) -> bool:
    if ambassadeur.user_id == user.pk:
        return True
    return can_list_ambassadeurs(user) and not ambassadeur.is_paused


def can_have_profile(user) -> bool:
    return scope.is_ambassadeur(user)


def can_request(user, ambassadeur) -> bool:
    return not ambassadeur.is_paused and writes_for_a_school(user)


# --- Requests ---------------------------------------------------------------------------------------------------


def is_addressee(user, demande) -> bool:
    return user.is_authenticated and demande.ambassadeur.user_id == user.pk


def is_school_writer(user, demande) -> bool:
    return scope.can_write_school(user, demande.etablissement)


def can_view_demande(user, demande) -> bool:
    return scope.is_operator(user) or is_addressee(user, demande) or scope.is_school_staff(user, demande.etablissement)


def can_answer_demande(user, demande) -> bool:
    """Accept or decline: the ambassador addressed (the services check the request is still waiting)."""
    return is_addressee(user, demande)


def can_follow_up_demande(user, demande) -> bool:
    """Schedule, mark done: the ambassador addressed or a writer of the school."""
    return is_addressee(user, demande) or is_school_writer(user, demande)


def feedback_side(user, demande) -> str | None:
    """The side the user gives feedback for; None if they give none."""
    if is_addressee(user, demande):
        return CoteRetour.AMBASSADEUR
    if is_school_writer(user, demande):
        return CoteRetour.ETABLISSEMENT
    return None
