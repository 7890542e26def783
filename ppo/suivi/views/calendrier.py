"""The calendar of the school year: by month or by level, filtered by axis; plain HTML, no JavaScript."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from ppo.plans.perms import programme_for
from ppo.suivi import agenda, selectors
from ppo.suivi.forms import CalendarFilterForm
from ppo.suivi.views.common import crumbs


@login_required
def calendrier(request, pk):
    programme = programme_for(request, pk)
    filters = CalendarFilterForm(request.GET or None)
    view, axe_number = filters.values()
    actions = selectors.actions_for_suivi(programme=programme, axe_number=axe_number)
    entries = [agenda.action_entry(action) for action in actions]
    temps_forts = agenda.temps_forts(programme)
    entries += temps_forts
    context = {
        "title": f"Calendrier {programme.year_label}",
        "breadcrumb_data": crumbs(programme, current="Calendrier"),
        "programme": programme,
        "filters": filters,
        "view": view,
        "axe_number": axe_number,
        "has_temps_forts": bool(temps_forts),
        "subscription": agenda.subscription(programme=programme, user=request.user),
    }
    if view == "niveau":
        niveaux = programme.ppo.etablissement.niveaux.order_by("order")
        context["levels"] = agenda.by_level(niveaux=list(niveaux), entries=entries)
    else:
        context["months"], context["undated"] = agenda.by_month(year=programme.year, entries=entries)
    return render(request, "suivi/calendrier.html", context)
