"""The académie's priorities on the dashboard: values of their indicator reaching the target, and the schools
behind these figures."""

from decimal import Decimal

from django.db.models import Count, F, Q, Value
from django.db.models.functions import Least

from ppo.campagnes.enums import SensCible
from ppo.campagnes.models import Priorite
from ppo.diagnostic.models import ValeurIndicateur
from ppo.pilotage.tables import Cell, Table, pct


def reached_target(priorite: Priorite) -> Q:
    if priorite.target_direction == SensCible.AU_PLUS:
        return Q(value__lte=priorite.target)
    if priorite.target_direction == SensCible.MIXITE:
        return Q(minority__gte=priorite.target)
    return Q(value__gte=priorite.target)


def priority_values(priorite: Priorite, *, year: int, schools=None):
    values = ValeurIndicateur.objects.filter(indicateur__code=priorite.indicator_code, year=year)
    if schools is not None:
        values = values.filter(etablissement__in=schools)
    return values.annotate(minority=Least("value", Value(Decimal(100)) - F("value")))


def priorities_table(schools, *, year, priorites: list[Priorite]) -> Table:
    """Each priority with an indicator: how many values of the schools reach the target (one query each); both
    figures lead to the schools having such values."""
    table = Table(
        "priorites",
        "Priorités académiques : indicateurs et cibles",
        ["Priorité", "Indicateur", "Cible", "Valeurs renseignées", "Valeurs atteignant la cible", "Part"],
        note="Un établissement peut avoir plusieurs valeurs d’un indicateur (par spécialité, par public) ; chaque "
        "nombre mène aux établissements ayant au moins une de ces valeurs.",
    )
    for priorite in priorites:
        target = f"{priorite.target} {priorite.unit}".strip() if priorite.target is not None else "—"
        row = [Cell(priorite.text), Cell(priorite.indicator_label or "—"), Cell(target)]
        if not priorite.indicator_code or priorite.target is None:
            row += [Cell(None), Cell(None), Cell(None)]
        else:
            values = priority_values(priorite, year=year, schools=schools)
            totals = values.aggregate(n=Count("pk"), ok=Count("pk", filter=reached_target(priorite)))
            row += [
                Cell(totals["n"], params={"priorite": priorite.pk}),
                Cell(totals["ok"], params={"priorite": priorite.pk, "atteinte": "1"}),
                Cell(pct(totals["ok"], totals["n"])),
            ]
        table.rows.append(row)
    return table


def priorite_of_scope(schools, priorite_id) -> Priorite | None:
    """The priority, if it belongs to a campaign of the académie of one of these schools (else None)."""
    if not str(priorite_id).isdigit():
        return None
    return Priorite.objects.filter(
        pk=int(priorite_id), campagne__academie_id__in=schools.values("academie_id")
    ).first()


def has_value(schools, *, priorite_id: str, year: int, reached: bool) -> Q:
    """Schools with at least one value of the priority's indicator for the year (reaching the target if asked)."""
    priorite = priorite_of_scope(schools, priorite_id)
    if priorite is None or not priorite.indicator_code or priorite.target is None:
        return Q(pk__in=[])
    values = priority_values(priorite, year=year)
    if reached:
        values = values.filter(reached_target(priorite))
    return Q(pk__in=values.values("etablissement_id"))
