"""Reads of the follow-up: lists of actions, « mes actions à renseigner », and the bilan as plain data.

`bilan_for_programme(programme=…)` is the entry point for other apps (the Word and PDF exports): see docs/suivi.md.
"""

import datetime

from django.db.models import Count, Q
from django.utils import timezone

from ppo.comptes import perms as scope
from ppo.comptes.enums import Role
from ppo.comptes.models import Membership
from ppo.core.dates import current_school_year
from ppo.plans.models import Action, ProgrammeAnnuel
from ppo.plans.periods import last_day, read_period
from ppo.suivi.enums import DecisionReprise, StatutBilan, StatutSuivi
from ppo.suivi.figures import bilan_figures, hours_check_sentence
from ppo.suivi.models import Bilan, Reprise, RepriseAction

WRITER_ROLES = (Role.DIRECTION, Role.REDACTEUR)
# What `needs_follow_up` reads, for the dashboard's count.
DUE_FIELDS = ("id", "period", "start_date", "end_date", "responsable_id", "programme__year", "suivi__status")

__all__ = [
    "actions_for_suivi",
    "actions_to_fill",
    "due_count",
    "reminders_due",
    "bilan_for_programme",
    "bilan_figures",
    "adjustments_for",
    "already_carried",
    "bilan_is_validated",
    "next_programme_of",
    "reprises_of",
]


def actions_for_suivi(*, programme, axe_number: int | None = None):
    """The programme's actions with their follow-up, axis and levels: a fixed number of queries."""
    actions = (
        Action.objects.filter(programme=programme)
        .select_related("axe", "suivi", "programme")
        .prefetch_related("niveaux")
        .annotate(n_pieces=Count("suivi__pieces"))
        .order_by("axe__number", "order", "pk")
    )
    if axe_number:
        actions = actions.filter(axe__number=axe_number)
    return actions


def planned_last_day(action) -> datetime.date:
    """The last day the action is planned on: its date, else the last day of the months its period names (« T1 »:
    31 December; ADR 032), else the end of its school year."""
    day = action.end_date or action.start_date
    if day is not None:
        return day
    months = read_period(action.period, action.programme.year)
    return last_day(months) if months else datetime.date(action.programme.year + 1, 8, 31)


def needs_follow_up(action, today: datetime.date) -> bool:
    """Past its date or period (or its school year is over) and nothing recorded yet."""
    suivi = getattr(action, "suivi", None)
    if suivi is not None and suivi.status != StatutSuivi.PREVUE:
        return False
    return planned_last_day(action) < today


def _fill_order(action, today, user):
    """Past ones first, and among them the user's own (they are its responsable), then by date."""
    mine = user is not None and action.responsable_id == user.pk
    return (0 if needs_follow_up(action, today) else 1, 0 if mine else 1, planned_last_day(action), action.pk)


def _writable_etablissement_ids(user) -> list[int]:
    return [m.etablissement_id for m in scope.active_memberships(user) if m.role in WRITER_ROLES]


def _without_follow_up(actions):
    return actions.filter(Q(suivi__isnull=True) | Q(suivi__status=StatutSuivi.PREVUE))


def actions_to_fill(*, user, programme=None, today: datetime.date | None = None, mine: bool = False) -> list:
    """« Mes actions à renseigner »: actions without a follow-up yet, those past their date or period first, the
    user's own (they are its responsable) first among them.

    With `programme`, the actions of that programme; otherwise those of the programmes of the current and the
    previous school year in every établissement where the user is direction or rédacteur. With `mine`, only the
    actions the user is responsable of. A fixed number of queries, whatever the number of actions.
    """
    today = today or timezone.localdate()
    actions = Action.objects.select_related(
        "axe", "suivi", "programme__ppo__etablissement", "responsable"
    ).prefetch_related("niveaux")
    if programme is not None:
        actions = actions.filter(programme=programme)
    else:
        year = current_school_year(today)
        actions = actions.filter(
            programme__ppo__etablissement_id__in=_writable_etablissement_ids(user),
            programme__year__in=(year - 1, year),
        )
    if mine:
        actions = actions.filter(responsable=user)
    return sorted(_without_follow_up(actions), key=lambda action: _fill_order(action, today, user))


def due_count(*, user, today: datetime.date | None = None) -> tuple[int, int]:
    """For the dashboard: how many actions the user may fill are past and without a follow-up, and how many of
    them are theirs (responsable). Two queries (the user's memberships are usually read already)."""
    today = today or timezone.localdate()
    ids = _writable_etablissement_ids(user)
    if not ids:
        return 0, 0
    year = current_school_year(today)
    actions = _without_follow_up(
        Action.objects.filter(programme__ppo__etablissement_id__in=ids, programme__year__in=(year - 1, year))
    ).select_related("programme", "suivi")
    due = [a for a in actions.only(*DUE_FIELDS) if needs_follow_up(a, today)]
    return len(due), sum(1 for a in due if a.responsable_id == user.pk)


def reminders_due(*, today: datetime.date | None = None) -> dict:
    """The weekly reminder: for each responsable who wants it (`User.receives_reminders`), the actions past their
    date or period without a follow-up, of the current and previous school year, in the schools where they may still
    record it (direction or rédacteur). {user: [actions]}, users and actions in a stable order; three queries."""
    today = today or timezone.localdate()
    year = current_school_year(today)
    actions = _without_follow_up(
        Action.objects.filter(
            programme__year__in=(year - 1, year),
            responsable__isnull=False,
            responsable__is_active=True,
            responsable__receives_reminders=True,
        )
    ).select_related("programme__ppo__etablissement", "suivi", "responsable")
    due = [a for a in actions if needs_follow_up(a, today)]
    writers = set(
        Membership.objects.filter(
            user_id__in={a.responsable_id for a in due},
            role__in=WRITER_ROLES,
            is_active=True,
            confirmed_at__isnull=False,
        ).values_list("user_id", "etablissement_id")
    )
    by_user = {}
    for action in sorted(due, key=lambda a: (planned_last_day(a), a.pk)):
        if (action.responsable_id, action.programme.ppo.etablissement_id) in writers:
            by_user.setdefault(action.responsable, []).append(action)
    return dict(sorted(by_user.items(), key=lambda item: item[0].email))


def adjustments_for(*, programme) -> dict[int, RepriseAction]:
    """Copies in `programme` that last year's bilan asked to adjust, by action id, with the note."""
    rows = RepriseAction.objects.filter(copy__programme=programme, decision=DecisionReprise.AJUSTER)
    return {row.copy_id: row for row in rows}


def bilan_for_programme(*, programme: ProgrammeAnnuel) -> dict:
    """The bilan of one school year as plain data (dicts, lists, numbers, strings), ready to print.

    Keys: `programme` (etablissement, uai, year, year_label), `status`, `status_label`, `validated_at`,
    `frozen` (figures frozen at validation), `texts` (section -> {label, text}) and the figures of
    `ppo.suivi.figures.bilan_figures` (totals, by_axis, by_level, hours_check, multi_level, partners,
    partner_categories, evaluations, objectives, comments), and `hours_explanation`, the sentence that says how the
    hours by level add up to the totals. A bilan frozen before some key existed lacks it: read with `.get`.
    """
    bilan = Bilan.objects.filter(programme=programme).first()
    frozen = bool(bilan and bilan.is_validated and bilan.figures)
    figures = bilan.figures if frozen else bilan_figures(programme=programme)
    etablissement = programme.ppo.etablissement
    status = bilan.status if bilan else StatutBilan.BROUILLON
    return {
        "programme": {
            "etablissement": etablissement.name,
            "uai": etablissement.uai,
            "year": programme.year,
            "year_label": programme.year_label,
        },
        "status": status,
        "status_label": StatutBilan(status).label,
        "validated_at": bilan.validated_at.isoformat() if bilan and bilan.validated_at else None,
        "frozen": frozen,
        "texts": {
            name: {
                "label": Bilan._meta.get_field(name).verbose_name.capitalize(),
                "text": getattr(bilan, name) if bilan else "",
            }
            for name in Bilan.TEXT_FIELDS
        },
        "partner_categories": [],
        "hours_check": None,
        **figures,
        "partners": [{"done": None, **row} for row in figures["partners"]],
        "hours_explanation": hours_check_sentence(figures.get("hours_check")),
    }


def next_programme_of(programme: ProgrammeAnnuel) -> ProgrammeAnnuel | None:
    return ProgrammeAnnuel.objects.filter(ppo=programme.ppo, year=programme.year + 1).first()


def already_carried(*, programme: ProgrammeAnnuel, nxt: ProgrammeAnnuel | None) -> dict[int, int]:
    """The actions of `programme` already in `nxt`, with the id of the action there: a copy of it (`copied_from`),
    or an action of the same axis and title (written by hand, or by a Word import)."""
    if nxt is None:
        return {}
    there = list(nxt.actions.values_list("pk", "copied_from_id", "axe_id", "title"))
    by_origin = {origin: pk for pk, origin, _, _ in there if origin}
    by_title = {(axe_id, title.strip().casefold()): pk for pk, _, axe_id, title in there}
    found = {}
    for pk, axe_id, title in programme.actions.values_list("pk", "axe_id", "title"):
        match = by_origin.get(pk) or by_title.get((axe_id, title.strip().casefold()))
        if match:
            found[pk] = match
    return found


def bilan_is_validated(*, programme) -> bool:
    return Bilan.objects.filter(programme=programme, status=StatutBilan.VALIDE).exists()


def reprises_of(*, programme) -> list[Reprise]:
    """The carry-overs made from this programme's bilan, newest first (who, when, with or without a validated
    bilan)."""
    return list(Reprise.objects.filter(source=programme).select_related("target", "decided_by"))
