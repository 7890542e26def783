"""The school's indicators beside the review, each compared with the median of similar schools."""

from decimal import Decimal

from django.db.models import Count

from ppo.core.median import Median
from ppo.diagnostic.models import ValeurIndicateur
from ppo.referentiel.models import Etablissement
from ppo.referentiel.peers import peer_group

LIMIT = 60


def school_indicators(*, etablissement, year: int) -> list[dict]:
    """Values of the school's indicators up to the programme's year, most recent first, each with the median of the
    similar schools' values of the same indicator, year and scope (a fixed number of queries, whatever the number of
    schools). The similar schools follow `referentiel.peers.PEER_RULE`, among the schools having such values."""
    return indicators_comparison(etablissement=etablissement, year=year)["rows"]


def indicators_comparison(*, etablissement, year: int) -> dict:
    """`rows` (see `school_indicators`) and `description`, how the similar schools were chosen."""
    values = list(
        ValeurIndicateur.objects.filter(etablissement=etablissement, year__lte=year)
        .select_related("indicateur")
        .order_by("indicateur__order", "indicateur__label", "scope", "-year")[:LIMIT]
    )
    if not values:
        return {"rows": [], "description": ""}
    comparable = ValeurIndicateur.objects.filter(
        indicateur_id__in={v.indicateur_id for v in values}, year__in={v.year for v in values}
    )
    group = peer_group(
        etablissement=etablissement,
        among=Etablissement.objects.filter(pk__in=comparable.values("etablissement_id")),
        what="ayant une valeur de ces indicateurs",
    )
    peers = (
        comparable.filter(etablissement__in=group.schools)
        .values_list("indicateur_id", "year", "scope")
        .annotate(median=Median("value"), n=Count("etablissement_id", distinct=True))
        .order_by()
    )
    medians = {(i, y, s): (median, n) for i, y, s, median, n in peers}
    rows = []
    for value in values:
        median, n = medians.get((value.indicateur_id, value.year, value.scope), (None, 0))
        rows.append(
            {
                "valeur": value,
                "median": None if median is None else round(Decimal(str(median)), 2),
                "n_peers": n,
                "hidden": False,
                "gap": None if median is None else round(value.value - Decimal(str(median)), 2),
            }
        )
    return {"rows": rows, "description": group.description}
