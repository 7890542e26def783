"""Reads of the documents app: everything a document shows, gathered once with a fixed number of queries."""

import dataclasses
import re
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch
from django.utils import timezone

from ppo.documents import diagnostic_bridge, wording
from ppo.documents.bilan import bilan_section
from ppo.documents.content import (
    Block,
    CalendarEvent,
    Checklist,
    ChecklistItem,
    DocAction,
    HistoryLine,
    ProgrammeDocument,
    Table,
)
from ppo.documents.models import CalendarToken, WordImport
from ppo.documents.temps_forts import temps_forts_events
from ppo.plans.enums import CategorieRessource, StatutProgramme
from ppo.plans.family import action_organisations, action_when, family_programme, public_actions_queryset
from ppo.plans.models import Action, Axe, ProgrammeAnnuel, RessourceItem
from ppo.plans.public_fields import public_value as pv
from ppo.referentiel.models import Etablissement, Niveau
from ppo.suivi.enums import StatutSuivi
from ppo.suivi.models import Bilan, SuiviAction


def _doc_action(action: Action) -> DocAction:
    niveaux = sorted(action.niveaux.all(), key=lambda n: n.order)
    return DocAction(
        pk=action.pk,
        axe_number=action.axe.number,
        axe_label=action.axe.label,
        title=action.title,
        kind=action.kind,
        kind_label=action.get_kind_display(),
        objective=action.objective,
        actors=tuple(item.label for item in sorted(action.actors.all(), key=lambda i: (i.order, i.pk))),
        actors_other=action.actors_other,
        period=action.period,
        start_date=action.start_date,
        end_date=action.end_date,
        description=action.description,
        partner_items=tuple(item.label for item in sorted(action.partner_items.all(), key=lambda i: (i.order, i.pk))),
        partners=action.partners,
        hours=action.hours,
        classes=action.classes,
        pupils_count=action.pupils_count,
        expected_effects=action.expected_effects,
        indicators=action.indicators,
        gender_equality=action.gender_equality,
        internal_comment=action.internal_comment,
        origin_label=action.get_origin_display(),
        niveau_codes=tuple(n.code for n in niveaux),
        niveau_labels=tuple(n.label for n in niveaux),
    )


def _public_doc_action(action: Action) -> DocAction:
    """An action as any public export shows it: the fields declared public only (`ppo.plans.public_fields`); the
    others are left empty, whatever the builder prints."""
    niveaux = list(pv(action, "niveaux").all())
    axe = pv(action, "axe")
    return DocAction(
        pk=action.pk,
        axe_number=pv(axe, "number"),
        axe_label=pv(axe, "label"),
        title=pv(action, "title"),
        kind="",
        kind_label="",
        objective="",
        actors=(),
        actors_other="",
        period=action_when(action) if not pv(action, "start_date") else "",
        start_date=pv(action, "start_date"),
        end_date=pv(action, "end_date"),
        description=pv(action, "public_description"),
        partner_items=action_organisations(action),
        partners="",
        hours=None,
        classes="",
        pupils_count=None,
        expected_effects="",
        indicators="",
        gender_equality=False,
        internal_comment="",
        origin_label="",
        niveau_codes=tuple(pv(n, "code") for n in niveaux),
        niveau_labels=tuple(pv(n, "label") for n in niveaux),
    )


def _tables(*, axes, niveaux, actions, raw_actions) -> tuple[Table, ...]:
    """One table per axis and group of levels (one block per level), as in the official template."""
    by_cell = {}
    for action, raw in zip(actions, raw_actions, strict=True):
        for niveau in raw.niveaux.all():
            by_cell.setdefault((raw.axe_id, niveau.pk), []).append(action)
    tables = []
    for group in wording.GROUP_ORDER:
        group_niveaux = [n for n in niveaux if n.groupe == group]
        if not group_niveaux:
            continue
        if group in wording.INVERTED_GROUPS:
            for niveau in group_niveaux:
                blocks = tuple(
                    Block(
                        label=wording.axis_block_title(axe.number, axe.label_for(niveau)),
                        actions=tuple(by_cell.get((axe.pk, niveau.pk), ())),
                    )
                    for axe in axes
                )
                tables.append(Table(title=niveau.template_label, group=group, inverted=True, blocks=blocks))
            continue
        for axe in axes:
            blocks = tuple(
                Block(label=niveau.template_label or niveau.label, actions=tuple(by_cell.get((axe.pk, niveau.pk), ())))
                for niveau in group_niveaux
            )
            title = wording.axis_title(axe.number, group, axe.label_for(group_niveaux[0]))
            tables.append(Table(title=title, group=group, inverted=False, blocks=blocks))
    return tuple(tables)


def _checklists(*, items, ticked_ids, autres) -> tuple[Checklist, ...]:
    checklists = []
    for category in CategorieRessource:
        checklists.append(
            Checklist(
                category=category.value,
                label=category.label,
                items=tuple(
                    ChecklistItem(group=item.group, label=item.label, ticked=item.pk in ticked_ids)
                    for item in items
                    if item.category == category and (item.is_active or item.pk in ticked_ids)
                ),
                other=(autres or {}).get(category.value, ""),
            )
        )
    return tuple(checklists)


def action_dates(action) -> tuple | None:
    """The days of a dated action, as on the calendar page of the follow-up: the date it was done on or postponed
    to once recorded, else its planned dates; None for an action with only a period (« novembre »)."""
    suivi = getattr(action, "suivi", None)
    if suivi is not None and suivi.actual_date and suivi.status in (StatutSuivi.REALISEE, StatutSuivi.REPORTEE):
        return suivi.actual_date, suivi.actual_date
    if action.start_date:
        return action.start_date, action.end_date or action.start_date
    return None


def calendar_events_of(actions) -> list[CalendarEvent]:
    """One all-day event per dated action, with its levels, for the school's own (secret) feed. The families' feed
    is `public_calendar`, read through the declared public fields."""
    events = []
    for action in actions:
        dates = action_dates(action)
        if dates is None:
            continue
        description = "\n\n".join(filter(None, [action.description, action.partners]))
        events.append(
            CalendarEvent(
                uid=f"action-{action.pk}@ppo",
                title=action.title,
                start=dates[0],
                end=dates[1],
                description=description,
                niveaux=", ".join(n.short_label for n in action.niveaux.all()),
                stamp=action.updated_at,
            )
        )
    return events


def public_calendar_events_of(actions: list[DocAction]) -> list[CalendarEvent]:
    """The dated actions of a public document: title, date, levels and the description written for families."""
    return [
        CalendarEvent(
            uid=f"action-{action.pk}@ppo",
            title=action.title,
            start=action.start_date,
            end=action.end_date or action.start_date,
            description=action.description,
            niveaux=", ".join(action.niveau_labels),
        )
        for action in actions
        if action.start_date
    ]


def _actions_queryset():
    return (
        Action.objects.select_related("axe", "suivi")
        .prefetch_related(
            Prefetch("niveaux", queryset=Niveau.objects.order_by("order")),
            "actors",
            "partner_items",
        )
        .order_by("axe__number", "order", "pk")
    )


def programme_document(*, programme: ProgrammeAnnuel, public: bool = False, extra_events=()) -> ProgrammeDocument:
    """All the content of a programme's documents. `extra_events` adds dated events (the académie's temps forts).

    The year's bilan is added when there is one to show (a bilan or at least one follow-up exists)."""
    programme = (
        ProgrammeAnnuel.objects.select_related("ppo__etablissement__academie")
        .prefetch_related("ressources")
        .annotate(
            has_bilan=Exists(Bilan.objects.filter(programme=OuterRef("pk"))),
            has_suivi=Exists(SuiviAction.objects.filter(action__programme=OuterRef("pk"))),
        )
        .get(pk=programme.pk)
    )
    etablissement = programme.ppo.etablissement
    if public:
        queryset = public_actions_queryset(Action.objects.order_by("axe__number", "order", "pk"))
    else:
        queryset = _actions_queryset()
    raw_actions = list(queryset.filter(programme=programme))
    actions = [_public_doc_action(a) if public else _doc_action(a) for a in raw_actions]
    used = {n.pk: n for a in raw_actions for n in a.niveaux.all()}
    taught = {n.pk: n for n in etablissement.niveaux.all()}
    niveaux = sorted({**taught, **used}.values(), key=lambda n: n.order)
    axes = list(Axe.objects.all())
    items = list(RessourceItem.objects.all())
    ticked_ids = {item.pk for item in programme.ressources.all()}
    if public:  # the académie's temps forts: their label and dates only (their description is for the schools)
        events = public_calendar_events_of(actions) + [dataclasses.replace(e, description="") for e in extra_events]
    else:
        events = calendar_events_of(raw_actions) + list(extra_events)
    events.sort(key=lambda e: (e.start, e.title))
    history = ()
    if not public:
        history = tuple(
            HistoryLine(
                status_label=change.get_status_display(),
                at=change.at,
                by=str(change.by) if change.by else "",
                date_of_decision=change.date_of_decision,
                comment=change.comment,
            )
            for change in programme.status_changes.select_related("by")
        )
    objectifs, axes_amelioration = ((), ()) if public else diagnostic_bridge.lines_of(programme)
    return ProgrammeDocument(
        public=public,
        programme_pk=programme.pk,
        public_id=str(programme.public_id),
        etablissement_name=etablissement.name,
        uai=etablissement.uai,
        kind=etablissement.kind,
        kind_label=etablissement.get_kind_display(),
        commune=etablissement.commune,
        academie=etablissement.academie.name,
        year=programme.year,
        year_label=programme.year_label,
        ppo_period=programme.ppo.period_label,
        status_label=programme.get_status_display(),
        version=programme.version,
        objectifs=() if public else objectifs,
        axes_amelioration=() if public else axes_amelioration,
        checklists=()
        if public
        else _checklists(items=items, ticked_ids=ticked_ids, autres=programme.ressources_autres),
        training="" if public else programme.training,
        tables=_tables(axes=axes, niveaux=niveaux, actions=actions, raw_actions=raw_actions),
        actions=tuple(actions),
        calendar=tuple(events),
        history=history,
        notes="" if public else programme.notes,
        bilan=bilan_section(programme=programme, public=public)
        if programme.has_bilan or programme.has_suivi
        else None,
        family=family_programme(programme=programme) if public else None,
    )


def programme_temps_forts(*, programme) -> list[CalendarEvent]:
    return temps_forts_events(etablissement=programme.ppo.etablissement, years=[programme.year])


def programme_content(*, programme: ProgrammeAnnuel, public: bool = False) -> ProgrammeDocument:
    """The content of a programme's exports, with the académie's temps forts of its year in the calendar: what the
    pages download and what the background task lays out, so that both hash to the same value."""
    return programme_document(
        programme=programme, public=public, extra_events=programme_temps_forts(programme=programme)
    )


def etablissement_calendar(*, etablissement, extra_events=()) -> list[CalendarEvent]:
    """The dated actions of every programme of the school and the académie's temps forts of these years, oldest
    first (the subscription feed of the staff)."""
    raw = _actions_queryset().filter(programme__ppo__etablissement=etablissement)
    years = ProgrammeAnnuel.objects.filter(ppo__etablissement=etablissement).values_list("year", flat=True)
    temps_forts = temps_forts_events(etablissement=etablissement, years=list(years))
    events = calendar_events_of(raw) + temps_forts + list(extra_events)
    events.sort(key=lambda e: (e.start, e.title))
    return events


def public_calendar(*, etablissement, niveau=None) -> tuple[ProgrammeAnnuel, list[CalendarEvent]]:
    """The families' feed: the dated actions of the school's last published programme (public fields only) and
    the académie's temps forts of its year; with `niveau`, only what concerns that level (temps forts without a
    level concern every level). Raises ProgrammeAnnuel.DoesNotExist when nothing is published."""
    programme = (
        ProgrammeAnnuel.objects.filter(ppo__etablissement=etablissement, status=StatutProgramme.PUBLIE)
        .order_by("-year")
        .first()
    )
    if programme is None:
        raise ProgrammeAnnuel.DoesNotExist
    actions = public_actions_queryset(Action.objects.filter(programme=programme).order_by("start_date", "pk"))
    if niveau is not None:
        actions = actions.filter(niveaux=niveau)
    events = [_public_event(action) for action in actions if pv(action, "start_date")]
    events += temps_forts_events(etablissement=etablissement, years=[programme.year], niveau=niveau)
    events.sort(key=lambda e: (e.start, e.title))
    return programme, events


def _public_event(action) -> CalendarEvent:
    """An action in the families' feed, read through the declared public fields only (`plans.public_fields`):
    title, planned dates, levels, the description written for families and the partner organisations."""
    organisations = ", ".join(action_organisations(action))
    description = "\n\n".join(
        filter(None, [pv(action, "public_description"), f"Avec : {organisations}" if organisations else ""])
    )
    start = pv(action, "start_date")
    return CalendarEvent(
        uid=f"action-{action.pk}@ppo",
        title=pv(action, "title"),
        start=start,
        end=pv(action, "end_date") or start,
        description=description,
        niveaux=", ".join(pv(n, "short_label") for n in pv(action, "niveaux").all()),
        stamp=action.updated_at,
    )


def published_programme_get(*, public_id) -> ProgrammeAnnuel:
    return ProgrammeAnnuel.objects.select_related("ppo__etablissement").get(
        public_id=public_id, status=StatutProgramme.PUBLIE
    )


def calendar_token_of(*, etablissement) -> CalendarToken | None:
    return CalendarToken.objects.filter(etablissement=etablissement).first()


def calendar_token_get(*, token: str) -> CalendarToken:
    return CalendarToken.objects.select_related("etablissement").get(token=token)


def free_years(*, ppo) -> list[int]:
    """The school years of the PPO that have no programme yet (where a Word file can be imported)."""
    taken = set(ppo.programmes.values_list("year", flat=True))
    return [year for year in range(ppo.first_year, ppo.last_year + 1) if year not in taken]


def word_import_get(*, pk, owner) -> WordImport:
    """A pending import of this user, not expired and not yet written."""
    return WordImport.objects.select_related("ppo__etablissement").get(
        pk=pk, owner=owner, programme__isnull=True, expires_at__gt=timezone.now()
    )


@dataclass(frozen=True)
class ImportChecks:
    """What the preview must ask before writing: the year written in the document, another school's UAI."""

    document_year: int | None  # 2026 for « Année : 2026-2027 »
    document_year_free: bool  # the PPO has that year and no programme in it yet
    foreign_uai: str  # the UAI written in the document when it is not the school's, else ""
    foreign_name: str  # that school's name when the UAI is known
    years: list  # the free years of the PPO


def document_year(parsed: dict) -> int | None:
    match = re.fullmatch(r"(\d{4})-(\d{4})", (parsed.get("header") or {}).get("year", ""))
    if not match or int(match[2]) != int(match[1]) + 1:
        return None
    return int(match[1])


def word_import_checks(*, word_import: WordImport) -> ImportChecks:
    years = free_years(ppo=word_import.ppo)
    year = document_year(word_import.parsed)
    uai = (word_import.parsed.get("header") or {}).get("uai", "")
    foreign = uai if uai and uai != word_import.ppo.etablissement.uai else ""
    name = ""
    if foreign:
        name = Etablissement.objects.filter(uai=foreign).values_list("name", flat=True).first() or ""
    return ImportChecks(
        document_year=year, document_year_free=year in years, foreign_uai=foreign, foreign_name=name, years=years
    )
