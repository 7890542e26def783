from django import template

from ppo.suivi.agenda import month_label

register = template.Library()

BADGES = {
    "prevue": "info",
    "realisee": "success",
    "reportee": "warning",
    "annulee": "error",
}


@register.filter
def suivi_of(action):
    """The action's follow-up, or None when nothing was recorded yet."""
    return getattr(action, "suivi", None)


@register.inclusion_tag("suivi/includes/status_badge.html")
def status_badge(action):
    suivi = getattr(action, "suivi", None)
    if suivi is None:
        return {"label": "Non renseignée", "modifier": "new"}
    return {"label": suivi.get_status_display(), "modifier": BADGES.get(suivi.status, "info")}


@register.filter
def fr_date(day):
    """« 14 novembre 2025 », or an empty string."""
    if not day:
        return ""
    label = month_label(day)
    return f"{'1er' if day.day == 1 else day.day} {label}"


@register.simple_tag
def when(action):
    """The planned date, period of dates, or period text of an action."""
    if action.start_date and action.end_date and action.end_date != action.start_date:
        return f"du {fr_date(action.start_date)} au {fr_date(action.end_date)}"
    if action.start_date:
        return fr_date(action.start_date)
    return action.period or "Date à préciser"


@register.filter
def niveaux_label(niveaux):
    return ", ".join(n.short_label for n in niveaux) or "—"
