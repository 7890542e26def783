"""The figures of a bilan, computed by the database (aggregates), never by walking the actions in Python.

Conventions (docs/suivi.md):
- an action « réalisée » counts as done; « prévue » or without follow-up as still planned;
- hours delivered: the hours actually spent of done actions, or their planned hours when none were recorded;
  an action on several levels delivers its hours to each of its levels (each pupil of each level received them);
- pupils reached per level: only actions on a single level are counted per level; actions on several levels are
  counted once, on a line of their own, so that nobody is counted twice.
"""

from decimal import Decimal

from django.apps import apps
from django.db.models import Count, DecimalField, IntegerField, OuterRef, Q, Subquery, Sum
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


def _partners(programme):
    structures = (
        Structure.objects.filter(suivis__action__programme=programme, suivis__status=StatutSuivi.REALISEE)
        .annotate(n=Count("suivis"))
        .order_by("-n", "name")
        .values_list("name", "n")
    )
    others = (
        SuiviAction.objects.filter(action__programme=programme, status=StatutSuivi.REALISEE)
        .exclude(partners_other="")
        .values("partners_other")
        .annotate(n=Count("pk"))
        .order_by("-n", "partners_other")
        .values_list("partners_other", "n")
    )
    return [{"name": name, "actions": n} for name, n in structures] + [
        {"name": name, "actions": n} for name, n in others
    ]


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
    return {
        "totals": _totals(programme),
        "by_axis": _by_axis(programme),
        "by_level": _by_level(programme),
        "multi_level": _multi_level(programme),
        "partners": _partners(programme),
        "evaluations": _evaluations(programme),
        "objectives": _objectives(programme),
        "comments": _comments(programme),
    }
