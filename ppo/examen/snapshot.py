"""The frozen copy of an annual programme: every field of the programme and of each action, the school's indicator
values and the programme's target objectives, as plain JSON; and how the review reads them back.

What was sent stays what was sent: the review shows the frozen indicators and objectives, and says when a value
changed since (« modifié depuis la transmission : 149 % → 49 % »), was removed or added.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from types import SimpleNamespace

from django.core.serializers.json import DjangoJSONEncoder
from django.forms.models import model_to_dict

from ppo.diagnostic.models import ObjectifCible, ValeurIndicateur
from ppo.plans.models import ProgrammeAnnuel

ACTION_SKIP = {"programme", "actors", "partner_items", "competences", "niveaux", "axe", "copied_from", "created_by"}


def _plain(data: dict) -> dict:
    encoder = DjangoJSONEncoder()
    return {
        k: (v if v is None or isinstance(v, str | int | bool | float) else encoder.default(v)) for k, v in data.items()
    }


def _item(item) -> dict:
    return {"id": item.pk, "label": item.label, "category": item.category, "group": item.group}


def _indicateur(indicateur) -> dict:
    return {
        "id": indicateur.pk,
        "code": indicateur.code,
        "label": indicateur.label,
        "unit_symbol": indicateur.unit_symbol,
    }


def _decimal(value) -> str | None:
    return None if value is None else str(value)


def _indicator_values(*, etablissement, year: int) -> list[dict]:
    """The school's values known when the programme is sent, up to the programme's year (what the review shows)."""
    values = (
        ValeurIndicateur.objects.filter(etablissement=etablissement, year__lte=year)
        .select_related("indicateur")
        .order_by("indicateur__order", "indicateur__label", "scope_key", "-year")
    )
    return [
        {
            "id": v.pk,
            "indicateur": _indicateur(v.indicateur),
            "year": v.year,
            "scope": v.scope,
            "scope_key": v.scope_key,
            "value": _decimal(v.value),
            "source": v.get_source_display(),
            "recorded_at": v.imported_at.isoformat(),
        }
        for v in values
    ]


def _objectifs(*, programme) -> list[dict]:
    objectifs = ObjectifCible.objects.filter(programme=programme).select_related("indicateur", "priorite")
    return [
        {
            "id": o.pk,
            "indicateur": _indicateur(o.indicateur),
            "scope": o.scope,
            "baseline": _decimal(o.baseline),
            "baseline_year": o.baseline_year,
            "target": _decimal(o.target),
            "horizon_year": o.horizon_year,
            "comment": o.comment,
            "priorite": o.priorite.text if o.priorite_id else (o.priorite_label or ""),
        }
        for o in objectifs
    ]


def programme_snapshot(*, programme: ProgrammeAnnuel) -> dict:
    """Everything the académie reviews, read in a constant number of queries."""
    programme = (
        ProgrammeAnnuel.objects.select_related("ppo__etablissement")
        .prefetch_related("ressources")
        .get(pk=programme.pk)
    )
    etablissement = programme.ppo.etablissement
    actions = programme.actions.select_related("axe").prefetch_related(
        "niveaux", "actors", "partner_items", "competences"
    )
    return {
        "programme": {
            "id": programme.pk,
            "year": programme.year,
            "year_label": programme.year_label,
            "status": programme.status,
            "version": programme.version,
            "training": programme.training,
            "notes": programme.notes,
            "ressources": [_item(r) for r in programme.ressources.all()],
            "ressources_autres": programme.ressources_autres,
            "ppo": {"first_year": programme.ppo.first_year, "last_year": programme.ppo.last_year},
        },
        "etablissement": {
            "id": etablissement.pk,
            "uai": etablissement.uai,
            "name": etablissement.name,
            "kind": etablissement.kind,
            "kind_label": etablissement.get_kind_display(),
        },
        "actions": [
            {
                **_plain({k: v for k, v in model_to_dict(action).items() if k not in ACTION_SKIP}),
                "axe": {"id": action.axe_id, "number": action.axe.number, "label": action.axe.short_label},
                "niveaux": [{"id": n.pk, "code": n.code, "label": n.short_label} for n in action.niveaux.all()],
                "actors": [_item(a) for a in action.actors.all()],
                "partner_items": [_item(p) for p in action.partner_items.all()],
                "competences": [{"id": c.pk, "code": c.code, "label": c.label} for c in action.competences.all()],
                "kind_label": action.get_kind_display(),
                "copied_from": action.copied_from_id,
                "created_by": action.created_by_id,
                "created_at": action.created_at.isoformat(),
                "updated_at": action.updated_at.isoformat(),
            }
            for action in actions
        ],
        "indicateurs": _indicator_values(etablissement=etablissement, year=programme.year),
        "objectifs": _objectifs(programme=programme),
    }


# --- Reading the frozen copy back, beside what the school holds today -------------------------------------------


def _unit(number: Decimal | None, symbol: str) -> str:
    if number is None:
        return "—"
    text = format(number.normalize(), "f").replace(".", ",")
    return f"{text}\u00a0{symbol}" if symbol else text


@dataclass
class FrozenValue:
    """A value as sent; `now` is today's value of the same indicator, year and précision (None: removed since)."""

    indicateur: SimpleNamespace
    year: int
    scope: str
    value: Decimal
    now: Decimal | None = None
    removed: bool = False

    @property
    def changed(self) -> bool:
        return not self.removed and self.now != self.value

    @property
    def change_label(self) -> str:
        symbol = self.indicateur.unit_symbol
        if self.removed:
            return f"supprimée depuis la transmission (elle valait {_unit(self.value, symbol)})"
        return f"modifié depuis la transmission : {_unit(self.value, symbol)} → {_unit(self.now, symbol)}"


@dataclass
class FrozenIndicators:
    rows: list  # {"valeur": FrozenValue, "median", "n_peers", "gap"}, as sent
    added: list = field(default_factory=list)  # ValeurIndicateur recorded since, never shown as sent


def frozen_indicators(*, snapshot: dict, etablissement, year: int, medians: dict) -> FrozenIndicators | None:
    """The indicator values the transmission was sent with, each against today's value (one query).

    `medians`: (indicateur id, year, scope key) → (median, number of schools), computed by the caller.
    None for a transmission older than the frozen indicators (its snapshot holds none)."""
    if "indicateurs" not in snapshot:
        return None
    live = {
        (v.indicateur_id, v.year, v.scope_key): v
        for v in ValeurIndicateur.objects.filter(etablissement=etablissement, year__lte=year).select_related(
            "indicateur"
        )
    }
    rows, sent_keys = [], set()
    for item in snapshot["indicateurs"]:
        indicateur = SimpleNamespace(**item["indicateur"])
        key = (indicateur.id, item["year"], item["scope_key"])
        sent_keys.add(key)
        current = live.get(key)
        value = Decimal(item["value"])
        frozen = FrozenValue(
            indicateur=indicateur,
            year=item["year"],
            scope=item["scope"],
            value=value,
            now=current.value if current else None,
            removed=current is None,
        )
        median, n = medians.get(key, (None, 0))
        rows.append(
            {
                "valeur": frozen,
                "median": median,
                "n_peers": n,
                "gap": None if median is None else round(value - median, 2),
            }
        )
    added = sorted(
        (v for k, v in live.items() if k not in sent_keys),
        key=lambda v: (v.indicateur.order, v.indicateur.label, v.scope_key, -v.year),
    )
    return FrozenIndicators(rows=rows, added=added)


@dataclass
class FrozenObjectif:
    sent: dict
    changes: list  # French sentences, e.g. « cible modifiée depuis la transmission : 60 % → 65 % »
    removed: bool = False


def frozen_objectifs(*, snapshot: dict, programme) -> tuple[list, list] | None:
    """The target objectives as sent, with what changed since, and those added since (one query)."""
    if "objectifs" not in snapshot:
        return None
    live = {o.pk: o for o in programme.objectifs_cibles.select_related("indicateur")}
    rows = []
    for item in snapshot["objectifs"]:
        current = live.pop(item["id"], None)
        symbol = item["indicateur"]["unit_symbol"]
        if current is None:
            rows.append(FrozenObjectif(sent=item, changes=["supprimé depuis la transmission"], removed=True))
            continue
        changes = []
        for name, label in (("baseline", "valeur de départ"), ("target", "cible")):
            before = None if item[name] is None else Decimal(item[name])
            after = getattr(current, name)
            if before != after:
                changes.append(
                    f"{label} modifiée depuis la transmission : {_unit(before, symbol)} → {_unit(after, symbol)}"
                )
        if current.horizon_year != item["horizon_year"]:
            changes.append(
                f"horizon modifié depuis la transmission : {item['horizon_year']}-{item['horizon_year'] + 1} → "
                f"{current.horizon_label}"
            )
        rows.append(FrozenObjectif(sent=item, changes=changes))
    return rows, list(live.values())
