"""The history of a programme read from django-simple-history: who, when, what changed, with French labels.

Reads the whole history of the programme in a fixed number of queries and computes each record's difference with
the previous record of the same object in Python.
"""

from dataclasses import dataclass, field

from ppo.plans.models import Action, Axe, ProgrammeAnnuel

ACTION_FIELDS = [
    "title",
    "axe",
    "kind",
    "objective",
    "actors_other",
    "period",
    "start_date",
    "end_date",
    "description",
    "partners",
    "hours",
    "classes",
    "pupils_count",
    "expected_effects",
    "indicators",
    "gender_equality",
    "internal_comment",
]
PROGRAMME_FIELDS = ["status", "ressources_autres", "training", "notes"]
KINDS = {"+": "Création", "~": "Modification", "-": "Suppression"}


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
        .select_related("history_user")
        .prefetch_related("historicalaction_niveaux_set__niveau")
        .order_by("id", "history_date", "history_id")
    )
    programme_records = list(
        ProgrammeAnnuel.history.filter(id=programme.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    entries = []
    previous = None
    for record in action_records:
        before = previous if previous is not None and previous.id == record.id else None
        changes = _diff(Action, ACTION_FIELDS, before, record, axes)
        before_niveaux = _niveaux(before) if before is not None else ""
        after_niveaux = _niveaux(record)
        if before_niveaux != after_niveaux and record.history_type != "-":
            changes.append(Change("niveaux", before_niveaux or "—", after_niveaux or "—"))
        entries.append(_entry(record, f"Action « {record.title} »", changes))
        previous = record
    before = None
    for record in programme_records:
        changes = _diff(ProgrammeAnnuel, PROGRAMME_FIELDS, before, record, axes)
        entries.append(_entry(record, f"Programme {programme.year_label}", changes))
        before = record
    entries.sort(key=lambda e: e.at, reverse=True)
    return entries


def _entry(record, subject, changes):
    return Entry(
        at=record.history_date,
        user=record.history_user,
        kind=KINDS.get(record.history_type, record.history_type),
        subject=subject,
        changes=changes if record.history_type != "-" else [],
    )


def _niveaux(record) -> str:
    return ", ".join(sorted(row.niveau.short_label for row in record.historicalaction_niveaux_set.all()))


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
        changes.append(
            Change(str(model_field.verbose_name), _show(model_field, old, axes), _show(model_field, new, axes))
        )
    return changes


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
        return " ; ".join(f"{k} : {v}" for k, v in value.items())
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return str(value)
