"""Who may read and write the diagnostic and the synthesis (see docs/adr/004-diagnostic-et-indicateurs.md).

Everything hangs on the programme: who can see the programme sees its diagnostic and synthesis (supervisors
from transmission on). The direction and the rédacteurs type and import indicators, answer the questionnaires
and write the synthesis; only the direction reads everybody's answers and turns the inventory into actions.
"""

from ppo.comptes import perms as scope
from ppo.diagnostic.enums import Public, StatutReponse
from ppo.plans.perms import can_edit_programme, can_manage_programme, can_view_programme, can_write_programme

__all__ = ["can_view_programme", "can_edit_programme", "can_manage_programme", "can_write_programme"]


def can_edit_indicators(user, programme) -> bool:
    return scope.can_write_school(user, programme.ppo.etablissement)


def can_answer(user, programme) -> bool:
    """The educational teams and the direction answer; lecteurs only read the synthesis."""
    return scope.can_write_school(user, programme.ppo.etablissement)


def can_read_all_answers(user, programme) -> bool:
    return can_manage_programme(user, programme)


def can_read_reponse(user, reponse) -> bool:
    """Own answers always; others' only once submitted, and only for the direction."""
    if reponse.respondent_id == user.pk:
        return True
    return reponse.status == StatutReponse.SOUMISE and can_read_all_answers(user, reponse.programme)


def can_convert_inventory(user, programme) -> bool:
    return can_manage_programme(user, programme) and can_edit_programme(user, programme)


def can_list_values_to_fix(user) -> bool:
    """The académie's and the bassin's list of values out of range in the schools they follow; operators too."""
    return scope.is_operator(user) or scope.is_supervisor(user)


def can_answer_questionnaire(user, programme, questionnaire) -> bool:
    """Who answers a questionnaire is data (`Questionnaire.audience`): the direction's « état des lieux » is for the
    direction only; the educational teams' inventory for the direction and the rédacteurs."""
    if not can_answer(user, programme):
        return False
    if questionnaire.audience == Public.DIRECTION:
        return scope.is_direction(user, programme.ppo.etablissement)
    return True
