"""The académie's (and the bassin's) list of indicator values out of range in the schools they follow."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from ppo.comptes.perms import supervised_etablissements
from ppo.diagnostic import perms
from ppo.diagnostic.selectors import out_of_range_values
from ppo.diagnostic.views.common import url_or_none


@login_required
def valeurs_a_corriger(request):
    if not perms.can_list_values_to_fix(request.user):
        raise PermissionDenied("Cette liste est réservée à l’académie et au bassin.")
    values = out_of_range_values(etablissements=supervised_etablissements(request.user).filter(is_active=True))
    return render(
        request,
        "diagnostic/valeurs_a_corriger.html",
        {
            "title": "Valeurs d’indicateurs à corriger",
            "values": values,
            "schools": len({v.etablissement_id for v in values}),
            "breadcrumb_data": {
                "links": [{"url": url, "title": "Analyse"}]
                if (url := url_or_none("pilotage:tableau_de_bord"))
                else [],
                "current": "Valeurs d’indicateurs à corriger",
            },
        },
    )
