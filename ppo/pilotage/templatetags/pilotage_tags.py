from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.text import Truncator

from ppo.pilotage.enums import EtatEtablissement

register = template.Library()


@register.simple_tag
def figure_url(params: dict, figure: dict | None = None) -> str:
    """The list of schools behind a figure, with the dashboard's filters."""
    return reverse("pilotage:etablissements") + "?" + urlencode({**params, **(figure or {})})


@register.simple_tag
def figure_name(table, row: list, index: int) -> str:
    """The complement that makes a figure's link explicit: which row and which column it counts (RGAA 6.1)."""
    return f"voir les établissements : {Truncator(row[0].text).chars(80)}, {table.columns[index]}"


@register.simple_tag
def export_url(params: dict, table: str) -> str:
    return reverse("pilotage:export") + "?" + urlencode({**params, "table": table})


@register.filter
def thread(threads: dict, key: str) -> list:
    return threads.get(key, [])


@register.filter
def etat_label(code: str) -> str:
    return EtatEtablissement(code).label if code in EtatEtablissement.values else code
