"""The figures of a bilan, computed by the database (aggregates), never by walking the actions in Python.

Conventions (docs/suivi.md):
- an action « réalisée » counts as done; « prévue » or without follow-up as still planned;
- hours delivered: the hours actually spent of done actions, or their planned hours when none were recorded;
  an action on several levels delivers its hours to each of its levels (each pupil of each level received them);
- the sum of the hours by level is therefore the total, plus the hours of multi-level actions counted again for
  each level beyond the first, minus the hours of actions on no level (`hours_check`, shown under the table);
- partners: every name written on an action or recorded in its follow-up, once per action (`_partners`), and the
  categories of partners ticked on the actions (`partner_categories`);
- pupils reached per level: only actions on a single level are counted per level; actions on several levels are
  counted once, on a line of their own, so that nobody is counted twice.
"""

import re
from decimal import Decimal

from django.apps import apps
from django.db.models import Count, DecimalField, ExpressionWrapper, F, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from ppo.partenaires.models import Structure
from ppo.plans.models import Action, Axe
from ppo.referentiel.models import Niveau
from ppo.suivi.enums import Evaluation, StatutSuivi
from ppo.suivi.models import SuiviAction

DECIMAL = DecimalField(max_digits=9, decimal_places=1)


def _num(value) -> float:
    return float(round(Decimal(value or 0), 1))


def _status_counts():
    return {
        "actions": Count("pk"),
        "done": Count("pk", filter=Q(suivi__status=StatutSuivi.REALISEE)),
        "postponed": Count("pk", filter=Q(suivi__status=StatutSuivi.REPORTEE)),
        "cancelled": Count("pk", filter=Q(suivi__status=StatutSuivi.ANNULEE)),
    }


def _delivered(prefix=""):
    return Sum(
        Coalesce(f"{prefix}suivi__hours_spent", f"{prefix}hours", output_field=DECIMAL),
        filter=Q(**{f"{prefix}suivi__status": StatutSuivi.REALISEE}),
        output_field=DECIMAL,
    )


def _by_axis(programme):
    rows = {
        row["axe_id"]: row
        for row in Action.objects.filter(programme=programme).values("axe_id").annotate(**_status_counts()).order_by()
    }
    result = []
    for axe in Axe.objects.order_by("number"):
        row = rows.get(axe.pk, {})
        actions, done = row.get("actions", 0), row.get("done", 0)
        postponed, cancelled = row.get("postponed", 0), row.get("cancelled", 0)
        result.append(
            {
                "number": axe.number,
                "label": axe.short_label,
                "actions": actions,
                "done": done,
                "postponed": postponed,
                "cancelled": cancelled,
                "pending": actions - done - postponed - cancelled,
            }
        )
    return result


def _academie_volumes(programme) -> dict:
    """Reference volumes the académie's campaign of the year sets apart from the national ones (guarded)."""
    try:
        model = apps.get_model("campagnes", "VolumeReference")
    except LookupError:
        return {}
    return dict(
        model.objects.filter(
            campagne__academie_id=programme.ppo.etablissement.academie_id, campagne__year=programme.year
        ).values_list("niveau_id", "hours")
    )


def _by_level(programme):
    through = Action.niveaux.through
    levels_of_action = (
        through.objects.filter(action_id=OuterRef("action_id")).values("action_id").annotate(n=Count("pk")).values("n")
    )
    base = through.objects.filter(action__programme=programme)
    counts = {
        row["niveau_id"]: row
        for row in base.values("niveau_id")
        .annotate(
            actions=Count("action_id"),
            done=Count("action_id", filter=Q(action__suivi__status=StatutSuivi.REALISEE)),
            hours_planned=Sum("action__hours"),
            hours_delivered=_delivered("action__"),
        )
        .order_by()
    }
    pupils = {
        row["niveau_id"]: row
        for row in base.annotate(n_levels=Subquery(levels_of_action, output_field=IntegerField()))
        .filter(n_levels=1, action__suivi__status=StatutSuivi.REALISEE)
        .values("niveau_id")
        .annotate(girls=Sum("action__suivi__girls"), boys=Sum("action__suivi__boys"))
        .order_by()
    }
    etablissement = programme.ppo.etablissement
    niveaux = Niveau.objects.filter(Q(pk__in=list(counts)) | Q(pk__in=etablissement.niveaux.values("pk"))).order_by(
        "order"
    )
    volumes = _academie_volumes(programme)
    result = []
    for niveau in niveaux:
        row, reached = counts.get(niveau.pk, {}), pupils.get(niveau.pk, {})
        reference = volumes.get(niveau.pk, niveau.reference_hours)
        girls, boys = reached.get("girls") or 0, reached.get("boys") or 0
        result.append(
            {
                "code": niveau.code,
                "label": niveau.short_label,
                "actions": row.get("actions", 0),
                "done": row.get("done", 0),
                "hours_planned": _num(row.get("hours_planned")),
                "hours_delivered": _num(row.get("hours_delivered")),
                "reference_hours": _num(reference) if reference is not None else None,
                "reference_source": "académie" if niveau.pk in volumes else "national",
                "girls": girls,
                "boys": boys,
                "pupils": girls + boys,
            }
        )
    return result


def _multi_level(programme):
    multi = (
        Action.objects.filter(programme=programme)
        .annotate(n_levels=Count("niveaux"))
        .filter(n_levels__gt=1)
        .values("pk")
    )
    row = SuiviAction.objects.filter(action__in=Subquery(multi), status=StatutSuivi.REALISEE).aggregate(
        actions=Count("pk"), girls=Sum("girls"), boys=Sum("boys")
    )
    girls, boys = row["girls"] or 0, row["boys"] or 0
    return {"actions": row["actions"], "girls": girls, "boys": boys, "pupils": girls + boys}


def _totals(programme):
    row = Action.objects.filter(programme=programme).aggregate(
        **_status_counts(), hours_planned=Sum("hours"), hours_delivered=_delivered()
    )
    reached = SuiviAction.objects.filter(action__programme=programme, status=StatutSuivi.REALISEE).aggregate(
        girls=Sum("girls"), boys=Sum("boys")
    )
    girls, boys = reached["girls"] or 0, reached["boys"] or 0
    return {
        "actions": row["actions"],
        "done": row["done"],
        "postponed": row["postponed"],
        "cancelled": row["cancelled"],
        "pending": row["actions"] - row["done"] - row["postponed"] - row["cancelled"],
        "hours_planned": _num(row["hours_planned"]),
        "hours_delivered": _num(row["hours_delivered"]),
        "girls": girls,
        "boys": boys,
        "pupils": girls + boys,
        "girls_share": round(100 * girls / (girls + boys)) if girls + boys else None,
    }


PARTNER_SEPARATORS = re.compile(r"[\n;,]+")


def partner_names(text: str) -> list[str]:
    """The names written in a free « partenaires » text, one per line or separated by « ; » or « , »."""
    return [name.strip(" .-–•\t") for name in PARTNER_SEPARATORS.split(text or "") if name.strip(" .-–•\t")]


def _partners(programme):
    """Every partner named for the year, counted once per action: the partners written on the action (« Entreprises
    du Granvillais »), the structures and other partners recorded in its follow-up. Names are merged without regard
    to case; `actions` counts the actions that name the partner, `done` those of them that were done.

    Three queries whatever the number of actions (the free texts are split in Python)."""
    named: dict[str, dict] = {}

    def add(name, action_id, status):
        row = named.setdefault(name.casefold(), {"name": name, "ids": set(), "done": set()})
        row["ids"].add(action_id)
        if status == StatutSuivi.REALISEE:
            row["done"].add(action_id)

    texts = Action.objects.filter(programme=programme).values_list(
        "pk", "partners", "suivi__partners_other", "suivi__status"
    )
    for action_id, partners, other, status in texts:
        for name in partner_names(partners) + partner_names(other or ""):
            add(name, action_id, status)
    structures = Structure.objects.filter(suivis__action__programme=programme).values_list(
        "name", "suivis__action_id", "suivis__status"
    )
    for name, action_id, status in structures:
        add(name, action_id, status)
    rows = [{"name": r["name"], "actions": len(r["ids"]), "done": len(r["done"])} for r in named.values()]
    return sorted(rows, key=lambda r: (-r["actions"], -r["done"], r["name"].casefold()))


def _partner_categories(programme):
    """The categories of partners ticked on the actions (« Mission locale », « CLEE »…), per action."""
    through = Action.partner_items.through
    rows = (
        through.objects.filter(action__programme=programme)
        .values("ressourceitem__label")
        .annotate(
            actions=Count("action_id"),
            done=Count("action_id", filter=Q(action__suivi__status=StatutSuivi.REALISEE)),
        )
        .order_by("-actions", "ressourceitem__label")
    )
    return [{"label": r["ressourceitem__label"], "actions": r["actions"], "done": r["done"]} for r in rows]


def _hours_by_level_check(programme, by_level, totals):
    """How the hours by level add up to the totals: an action on several levels counts once per level, so the sum
    of the levels is the total, plus the hours of these actions counted again for each level beyond the first,
    minus the hours of actions on no level."""
    through = Action.niveaux.through
    n_levels = Coalesce(
        Subquery(
            through.objects.filter(action_id=OuterRef("pk")).values("action_id").annotate(n=Count("pk")).values("n"),
            output_field=IntegerField(),
        ),
        0,
    )
    delivered = Coalesce("suivi__hours_spent", "hours", output_field=DECIMAL)
    done = Q(suivi__status=StatutSuivi.REALISEE)
    row = (
        Action.objects.filter(programme=programme)
        .annotate(n_levels=n_levels)
        .aggregate(
            multi_actions=Count("pk", filter=Q(n_levels__gt=1)),
            repeated_planned=Sum(
                ExpressionWrapper(F("hours") * (F("n_levels") - 1), output_field=DECIMAL), filter=Q(n_levels__gt=1)
            ),
            repeated_delivered=Sum(
                ExpressionWrapper(delivered * (F("n_levels") - 1), output_field=DECIMAL),
                filter=Q(n_levels__gt=1) & done,
            ),
            unlevelled_actions=Count("pk", filter=Q(n_levels=0)),
            unlevelled_planned=Sum("hours", filter=Q(n_levels=0)),
            unlevelled_delivered=Sum(delivered, filter=Q(n_levels=0) & done),
        )
    )
    return {
        "levels_planned": _num(sum(Decimal(str(r["hours_planned"])) for r in by_level)),
        "levels_delivered": _num(sum(Decimal(str(r["hours_delivered"])) for r in by_level)),
        "total_planned": totals["hours_planned"],
        "total_delivered": totals["hours_delivered"],
        "multi_actions": row["multi_actions"],
        "repeated_planned": _num(row["repeated_planned"]),
        "repeated_delivered": _num(row["repeated_delivered"]),
        "unlevelled_actions": row["unlevelled_actions"],
        "unlevelled_planned": _num(row["unlevelled_planned"]),
        "unlevelled_delivered": _num(row["unlevelled_delivered"]),
    }


def _evaluations(programme):
    counts = dict(
        SuiviAction.objects.filter(action__programme=programme, status=StatutSuivi.REALISEE)
        .exclude(evaluation="")
        .values("evaluation")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("evaluation", "n")
    )
    return [{"value": value, "label": label, "actions": counts.get(value, 0)} for value, label in Evaluation.choices]


def _comments(programme):
    rows = (
        SuiviAction.objects.filter(action__programme=programme)
        .filter(~Q(comment="") | ~Q(reason=""))
        .select_related("action__axe")
        .order_by("action__axe__number", "action__order", "action__pk")
    )
    return [
        {
            "axis": suivi.action.axe.number,
            "action": suivi.action.title,
            "status": suivi.get_status_display(),
            "evaluation": suivi.get_evaluation_display() if suivi.evaluation else "",
            "reason": suivi.reason,
            "comment": suivi.comment,
        }
        for suivi in rows
    ]


def _objectives(programme):
    """Target objectives of the diagnostic with their latest value; empty while that app has no such model."""
    try:
        objectif_model = apps.get_model("diagnostic", "ObjectifCible")
        valeur_model = apps.get_model("diagnostic", "ValeurIndicateur")
    except LookupError:
        return []
    etablissement_id = programme.ppo.etablissement_id
    objectifs = list(objectif_model.objects.filter(programme=programme).select_related("indicateur"))
    values = valeur_model.objects.filter(
        etablissement_id=etablissement_id, indicateur_id__in=[o.indicateur_id for o in objectifs]
    ).order_by("year")
    series = {}
    for valeur in values:
        series.setdefault((valeur.indicateur_id, valeur.scope), []).append(
            {"year": valeur.year, "value": _num2(valeur.value)}
        )
    result = []
    for objectif in objectifs:
        points = series.get((objectif.indicateur_id, objectif.scope), [])
        latest = points[-1] if points else None
        result.append(
            {
                "indicator": objectif.indicateur.label,
                "scope": objectif.scope,
                "unit": objectif.indicateur.unit_symbol,
                "baseline": _num2(objectif.baseline) if objectif.baseline is not None else None,
                "baseline_year": objectif.baseline_year,
                "target": _num2(objectif.target),
                "horizon_year": objectif.horizon_year,
                "latest": latest["value"] if latest else None,
                "latest_year": latest["year"] if latest else None,
                "series": points,
            }
        )
    return result


def _num2(value) -> float:
    return float(round(Decimal(value), 2))


def bilan_figures(*, programme) -> dict:
    """Every figure of the bilan as plain, JSON-ready data (frozen as is when the bilan is validated)."""
    totals, by_level = _totals(programme), _by_level(programme)
    return {
        "totals": totals,
        "by_axis": _by_axis(programme),
        "by_level": by_level,
        "hours_check": _hours_by_level_check(programme, by_level, totals),
        "multi_level": _multi_level(programme),
        "partners": _partners(programme),
        "partner_categories": _partner_categories(programme),
        "evaluations": _evaluations(programme),
        "objectives": _objectives(programme),
        "comments": _comments(programme),
    }


def _h(value) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + " h"


def hours_check_sentence(check: dict | None) -> str:
    """The sentence under the hours by level that says how they add up to the totals (empty for a bilan frozen
    before this was computed)."""
    if not check:
        return ""
    levels = f"{_h(check['levels_planned'])} prévues, {_h(check['levels_delivered'])} réalisées"
    total = f"{_h(check['total_planned'])} prévues, {_h(check['total_delivered'])} réalisées"
    if not check["multi_actions"] and not check["unlevelled_actions"]:
        return (
            f"La somme des niveaux ({levels}) est le total de l’établissement : chaque action est sur un seul niveau."
        )
    parts = []
    if check["multi_actions"]:
        n = check["multi_actions"]
        parts.append(
            f"{n} action{'s' if n > 1 else ''} sur plusieurs niveaux compte{'nt' if n > 1 else ''} une fois pour "
            f"chacun de {'leurs' if n > 1 else 'ses'} niveaux (+{_h(check['repeated_planned'])} prévues, "
            f"+{_h(check['repeated_delivered'])} "
            "réalisées par rapport au total)"
        )
    if check["unlevelled_actions"]:
        n = check["unlevelled_actions"]
        parts.append(
            f"{n} action{'s' if n > 1 else ''} sans niveau ({_h(check['unlevelled_planned'])} prévues) "
            f"ne figure{'nt' if n > 1 else ''} dans aucun niveau"
        )
    return (
        f"La somme des niveaux ({levels}) diffère du total de l’établissement, où chaque action compte une fois "
        f"({total}) : " + " ; ".join(parts) + "."
    )
