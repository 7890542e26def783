"""The campaign frame as a school sees it, for one annual programme (the frame itself is set in ppo/campagnes)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from ppo.campagnes import selectors as campagnes_selectors
from ppo.comptes.perms import is_direction
from ppo.plans.perms import programme_for


@login_required
def cadre(request, pk):
    """The frame as a school sees it, for one annual programme: priorities, temps forts, deadline, hours."""
    programme = programme_for(request, pk)  # the school's staff and its supervisors
    etablissement = programme.ppo.etablissement
    campagne = campagnes_selectors.campagne_for(etablissement=etablissement, year=programme.year)
    hours = campagnes_selectors.reference_hours_for(etablissement=etablissement, year=programme.year)
    niveaux = {n.pk: n for n in etablissement.niveaux.all()}
    days_left = (campagne.deadline - timezone.localdate()).days if campagne else None
    return render(
        request,
        "plans/cadre.html",
        {
            "title": f"Cadre de la campagne {programme.year_label} — {etablissement.name}",
            "programme": programme,
            "etablissement": etablissement,
            "campagne": campagne,
            "days_left": days_left,
            "days_late": -days_left if days_left is not None else None,
            "temps_forts": campagnes_selectors.temps_forts_for(etablissement=etablissement, year=programme.year),
            "hours": [{"niveau": niveaux[pk], "hours": h} for pk, h in hours.items()],
            "can_transmit": is_direction(request.user, etablissement),  # examen.perms.can_transmit
            "breadcrumb_data": {
                "links": [{"url": reverse("plans:programme", kwargs={"pk": programme.pk}), "title": "Programme"}],
                "current": "Cadre de la campagne",
            },
        },
    )
