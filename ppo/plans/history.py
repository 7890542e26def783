"""The history of a programme read from django-simple-history: who, when, what changed, with French labels.

Reads the whole history of the programme in a fixed number of queries and computes each record's difference with
the previous record of the same object in Python.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from ppo.plans.enums import CategorieRessource
from ppo.plans.models import Action, Axe, ProgrammeAnnuel

# Every field the history records, but the bookkeeping ones.
BOOKKEEPING = {"id", "programme", "origin", "copied_from", "created_at", "created_by"}
_RECORDED = {f.name for f in Action.history.model._meta.fields}
ACTION_FIELDS = [f.name for f in Action._meta.concrete_fields if f.name in _RECORDED and f.name not in BOOKKEEPING]
ACTION_ATTRS = [Action._meta.get_field(name) for name in ACTION_FIELDS]
PROGRAMME_FIELDS = ["status", "ressources_autres", "training", "notes"]
SAME_SAVE = datetime.timedelta(seconds=5)
CATEGORIES = dict(CategorieRessource.choices)
PROGRAMME_ATTRS = [ProgrammeAnnuel._meta.get_field(name) for name in PROGRAMME_FIELDS]
KINDS = {"+": "Création", "~": "Modification", "-": "Suppression"}
# The ticked lists recorded with each historical record: (label, reverse accessor, target field, text shown).
ACTION_M2M = [
    ("niveaux", "historicalaction_niveaux_set", "niveau", "short_label"),
    (str(Action._meta.get_field("actors").verbose_name), "historicalaction_actors_set", "ressourceitem", "label"),
    (
        str(Action._meta.get_field("partner_items").verbose_name),
        "historicalaction_partner_items_set",
        "ressourceitem",
        "label",
    ),
]
PROGRAMME_M2M = [
    (
        str(ProgrammeAnnuel._meta.get_field("ressources").verbose_name),
        "historicalprogrammeannuel_ressources_set",
        "ressourceitem",
        "label",
    ),
]


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class Entry:
    at: object
    user: object
    kind: str
    subject: str
    changes: list = field(default_factory=list)


def programme_history(*, programme) -> list[Entry]:
    """Every recorded change of the programme and of its actions (deleted ones included), newest first."""
    axes = {axe.pk: f"Axe {axe.number}" for axe in Axe.objects.all()}
    action_records = list(
        Action.history.filter(programme_id=programme.pk)
        .select_related("history_user", "responsable")
        .prefetch_related(*(f"{accessor}__{target}" for _, accessor, target, _ in ACTION_M2M))
        .order_by("id", "history_date", "history_id")
    )
    programme_records = list(
        ProgrammeAnnuel.history.filter(id=programme.pk)
        .select_related("history_user")
        .prefetch_related(*(f"{accessor}__{target}" for _, accessor, target, _ in PROGRAMME_M2M))
        .order_by("history_date", "history_id")
    )
    entries = []
    for group, before in _groups(action_records, ACTION_ATTRS):
        last = group[-1]
        changes = _diff(Action, ACTION_FIELDS, before, last, axes) + _diff_m2m(ACTION_M2M, before, last)
        entries.append(_entry(group, f"Action « {last.title} »", changes))
    for group, before in _groups(programme_records, PROGRAMME_ATTRS):
        last = group[-1]
        changes = _diff(ProgrammeAnnuel, PROGRAMME_FIELDS, before, last, axes) + _diff_m2m(PROGRAMME_M2M, before, last)
        entries.append(_entry(group, f"Programme {programme.year_label}", changes))
    entries.sort(key=lambda e: e.at, reverse=True)
    return entries


def _groups(records, names):
    """A save and the records its levels add right after (same user, same fields) make one entry.

    Yields each group with the record just before it (None for a creation). `records` are sorted by object and date.
    """
    group, before = [], None
    for record in records:
        if group and not _same_save(group[-1], record, names):
            yield group, before
            before = group[-1] if record.id == group[-1].id else None
            group = []
        group.append(record)
    if group:
        yield group, before


def _same_save(previous, record, names) -> bool:
    return (
        record.id == previous.id
        and record.history_type == "~"
        and record.history_user_id == previous.history_user_id
        and record.history_date - previous.history_date <= SAME_SAVE
        and all(getattr(record, f.attname) == getattr(previous, f.attname) for f in names)
    )


def _entry(group, subject, changes):
    first, last = group[0], group[-1]
    kind = "-" if last.history_type == "-" else first.history_type
    return Entry(
        at=last.history_date,
        user=last.history_user,
        kind=KINDS.get(kind, kind),
        subject=subject,
        changes=[] if kind == "-" else changes,
    )


def _m2m_text(record, accessor, target, attr) -> str:
    return ", ".join(sorted(getattr(getattr(row, target), attr) for row in getattr(record, accessor).all()))


def _diff_m2m(spec, before, after) -> list[Change]:
    changes = []
    for label, accessor, target, attr in spec:
        old = _m2m_text(before, accessor, target, attr) if before is not None else ""
        new = _m2m_text(after, accessor, target, attr)
        if old != new:
            changes.append(Change(label, old or "—", new or "—"))
    return changes


def _diff(model, names, before, after, axes) -> list[Change]:
    changes = []
    for name in names:
        model_field = model._meta.get_field(name)
        attname = model_field.attname
        new = getattr(after, attname)
        old = getattr(before, attname) if before is not None else None
        if before is not None and old == new:
            continue
        if before is None and new in (None, "", {}, False):
            continue
        if name == "responsable":  # a person: their name, not their id (joined with the records)
            shown = [_person(record, value) for record, value in ((before, old), (after, new))]
        else:
            shown = [_show(model_field, old, axes), _show(model_field, new, axes)]
        changes.append(Change(str(model_field.verbose_name), *shown))
    return changes


def _person(record, value) -> str:
    if value is None:
        return "—"
    person = record.responsable
    return (person.get_full_name() or person.email) if person is not None else "compte supprimé"


def _show(model_field, value, axes) -> str:
    if value in (None, "", {}):
        return "—"
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    if model_field.name == "axe":
        return axes.get(value, str(value))
    if model_field.choices:
        return str(dict(model_field.choices).get(value, value))
    if isinstance(value, dict):
        return " ; ".join(f"{CATEGORIES.get(k, k)} : {v}" for k, v in value.items())
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, Decimal):
        return f"{value.normalize():f}".replace(".", ",")
    return str(value)
