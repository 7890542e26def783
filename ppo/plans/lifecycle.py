"""The life cycle of an annual programme: its states, every transition, who may take it, what must be true before
it, what it does, and what can be edited in each state (docs/adr/027-cycle-de-vie-du-programme.md).

No other code writes `ProgrammeAnnuel.status`: pages call `take()`, and list the buttons with `allowed()`. The
effects that belong to higher apps (the frozen copy of a transmission, the e-mails) are functions those apps
register from their `AppConfig.ready()` with `register_effect()`: plans never imports them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.urls import reverse

from ppo.campagnes.selectors import campagne_for
from ppo.comptes import perms as scope
from ppo.plans.enums import StatutProgramme
from ppo.plans.models import ProgrammeAnnuel, StatutChange
from ppo.plans.selectors import programme_completeness

S = StatutProgramme

# Who takes a transition: the school's direction, or a reviewer of the académie (académie, bassin, département,
# région académique: `ppo.comptes.perms.reviews`; the national read-only role does not review).
DIRECTION = "direction"
REVIEWER = "reviewer"
ACTOR_LABELS = {
    DIRECTION: "Seule la direction de l’établissement",
    REVIEWER: "Seuls l’académie et les services qui examinent le programme (bassin, département, région académique)",
}


class TransitionError(ValueError):
    """A refused transition; its message, in French, says why and what to do."""


@dataclass(frozen=True)
class Transition:
    name: str
    label: str  # what the button says
    sources: frozenset
    target: StatutProgramme
    actor: str
    needs_date: bool = False  # the date of the meeting (conseil pédagogique, conseil d’administration)
    checks_completeness: bool = False  # open points need a justification, or are refused by the campaign
    effects: str = ""  # what it does besides the status, its version and its history (documentation)
    sources_hint: str = field(default="", compare=False)  # what to do when the state does not allow it


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        Transition(
            "avis_cp",
            "Enregistrer l’avis du conseil pédagogique",
            frozenset({S.BROUILLON, S.A_COMPLETER}),
            S.AVIS_CP,
            DIRECTION,
            needs_date=True,
            sources_hint="L’avis du conseil pédagogique s’enregistre sur un brouillon ou un programme renvoyé à compléter.",
        ),
        Transition(
            "adopte_ca",
            "Enregistrer l’adoption en conseil d’administration",
            frozenset({S.AVIS_CP, S.A_COMPLETER}),
            S.ADOPTE_CA,
            DIRECTION,
            needs_date=True,
            sources_hint="Enregistrez d’abord l’avis du conseil pédagogique.",
        ),
        Transition(
            "transmettre",
            "Transmettre à l’académie",
            frozenset({S.BROUILLON, S.AVIS_CP, S.ADOPTE_CA, S.A_COMPLETER}),
            S.TRANSMIS,
            DIRECTION,
            checks_completeness=True,
            effects="copie figée (transmission) et courriels à l’académie et au bassin (examen)",
            sources_hint="Un programme se transmet avant l’examen, ou quand l’académie l’a renvoyé à compléter.",
        ),
        Transition(
            "valider",
            "Valider le programme",
            frozenset({S.TRANSMIS}),
            S.VALIDE,
            REVIEWER,
            effects="courriel à la direction (examen)",
            sources_hint="L’académie décide sur un programme transmis.",
        ),
        Transition(
            "renvoyer",
            "Renvoyer à compléter",
            frozenset({S.TRANSMIS}),
            S.A_COMPLETER,
            REVIEWER,
            effects="courriel à la direction (examen)",
            sources_hint="L’académie décide sur un programme transmis.",
        ),
        Transition(
            "publier",
            "Publier le programme",
            frozenset({S.ADOPTE_CA, S.TRANSMIS, S.VALIDE}),
            S.PUBLIE,
            DIRECTION,
            effects="page publique et document des familles (documents, par leurs propres signaux)",
            sources_hint="Un programme se publie une fois adopté en conseil d’administration.",
        ),
    )
}

# What can be edited in each state: the content (actions, resources, diagnostic synthesis, imports, catalogue
# offers and ambassador requests added to the programme). During the review and once validated, the programme
# stays as the académie sees it.
EDITABLE = frozenset({S.BROUILLON, S.AVIS_CP, S.ADOPTE_CA, S.A_COMPLETER, S.PUBLIE})

LOCK_REASONS = {
    S.TRANSMIS: (
        "Le programme est transmis à l’académie : il ne peut pas être modifié pendant l’examen. "
        "S’il vous est renvoyé à compléter, vous pourrez le modifier ; suivez l’examen depuis la page du programme."
    ),
    S.VALIDE: (
        "Le programme a été validé par l’académie : il reste tel qu’elle l’a validé. "
        "La direction peut maintenant le publier depuis la page « Adoption et publication » du programme ; "
        "une fois publié, il peut de nouveau être complété."
    ),
}


def can_edit_content(programme) -> bool:
    return programme.status in EDITABLE


def lock_reason(programme) -> str:
    """Why the programme's content cannot be changed now and what to do; empty when it can."""
    if can_edit_content(programme):
        return ""
    return LOCK_REASONS.get(programme.status, f"Un programme « {programme.get_status_display()} » ne se modifie pas.")


class ProgrammeLocked(PermissionDenied):
    """Raised by an edit page on a locked programme; `plans.middleware` turns it into the message and a redirect
    to the programme's page (never a dead end)."""

    def __init__(self, programme):
        super().__init__(lock_reason(programme))
        self.url = reverse("plans:programme", kwargs={"pk": programme.pk})


def ensure_editable(programme) -> None:
    if not can_edit_content(programme):
        raise ProgrammeLocked(programme)


# Effects registered by higher apps: {transition name: [(key, function)]}. A function is called inside the
# transaction, after the status is written, as function(programme=, user=, change=, data=); what it returns is
# given back by `take()` under its key.
_EFFECTS: dict[str, list[tuple[str, Callable]]] = {}


def register_effect(transition: str, key: str, function: Callable) -> None:
    if transition not in TRANSITIONS:
        raise KeyError(transition)
    effects = _EFFECTS.setdefault(transition, [])
    effects[:] = [(k, f) for k, f in effects if k != key]  # registering twice (tests, reloads) replaces
    effects.append((key, function))


@dataclass
class Taken:
    programme: ProgrammeAnnuel
    change: StatutChange
    effects: dict


def _may(user, programme, transition: Transition) -> bool:
    etablissement = programme.ppo.etablissement
    if transition.actor == DIRECTION:
        return scope.is_direction(user, etablissement)
    return scope.reviews(user, etablissement)


def refusal(programme, name: str, user) -> str:
    """Why `user` may not take this transition on this programme now (state and role); empty when they may."""
    transition = TRANSITIONS.get(name)
    if transition is None:
        return "Cette étape n’existe pas."
    if not _may(user, programme, transition):
        return f"{ACTOR_LABELS[transition.actor]} peut faire l’étape « {transition.label} »."
    if programme.status not in transition.sources:
        return (
            f"Le programme est « {programme.get_status_display()} » : l’étape « {transition.label} » "
            f"n’est pas possible maintenant. {transition.sources_hint}"
        ).strip()
    return ""


def allowed(programme, user) -> list[Transition]:
    """The transitions `user` may take on the programme in its state (the buttons a page shows)."""
    return [t for t in TRANSITIONS.values() if not refusal(programme, t.name, user)]


def open_points(programme) -> list:
    """The completeness points still open (the programme's to-do list, `plans.selectors.programme_completeness`)."""
    return programme_completeness(programme=programme)


def requires_complete(programme) -> bool:
    """Whether the campaign of the programme's year refuses a transmission with open points."""
    campagne = campagne_for(etablissement=programme.ppo.etablissement, year=programme.year)
    return bool(campagne and campagne.requires_complete)


def _check_data(programme, transition: Transition, data: dict) -> None:
    if transition.needs_date and not data.get("date_of_decision"):
        raise TransitionError("Indiquez la date de la séance.")
    if transition.checks_completeness:
        points = open_points(programme)
        if points and requires_complete(programme):
            raise TransitionError(
                f"La campagne de l’académie demande un programme complet : il reste {len(points)} point(s) à "
                "compléter. Complétez-les depuis la grille du programme, puis transmettez."
            )
        if points and not (data.get("justification") or "").strip():
            raise TransitionError(
                f"Il reste {len(points)} point(s) ouvert(s) : complétez-les, ou expliquez en quelques mots pourquoi "
                "vous transmettez quand même."
            )


def _write(programme, status, user, *, comment: str = "", date_of_decision=None) -> StatutChange:
    # Bumps the version in the database (not from a possibly stale copy) so open forms see the change.
    ProgrammeAnnuel.objects.filter(pk=programme.pk).update(version=F("version") + 1)
    programme.version = ProgrammeAnnuel.objects.values_list("version", flat=True).get(pk=programme.pk)
    programme.status = status
    programme._history_user = user
    programme.save(update_fields=["status", "version", "updated_at"])
    return StatutChange.objects.create(
        programme=programme, status=status, by=user, comment=comment, date_of_decision=date_of_decision
    )


@transaction.atomic
def take(programme, transition: str, user, **data) -> Taken:
    """Takes a transition: checks who and what, writes the status, its version and its history, runs the effects.

    `data`: `date_of_decision` and `comment` (kept in the history), `justification` (open points at transmission),
    anything an effect reads. Raises `TransitionError` with a French message when refused; nothing is written then.
    """
    locked = ProgrammeAnnuel.objects.select_for_update().select_related("ppo__etablissement").get(pk=programme.pk)
    programme.status = locked.status  # decide on the state in the database, not on a stale copy
    reason = refusal(programme, transition, user)
    if reason:
        raise TransitionError(reason)
    step = TRANSITIONS[transition]
    _check_data(programme, step, data)
    comment = data.get("comment") or data.get("justification") or ""
    change = _write(programme, step.target, user, comment=comment, date_of_decision=data.get("date_of_decision"))
    effects = {
        key: function(programme=programme, user=user, change=change, data=data)
        for key, function in _EFFECTS.get(transition, [])
    }
    return Taken(programme=programme, change=change, effects=effects)


@transaction.atomic
def force_status(programme, status, user, *, comment: str = "", date_of_decision=None) -> ProgrammeAnnuel:
    """Sets a status with no check and no effect: for loading the demonstration and test data only."""
    _write(programme, StatutProgramme(status), user, comment=comment, date_of_decision=date_of_decision)
    return programme
