"""Pages for families: no login, no internal comment, no staff name."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from ppo.plans.selectors import programme_grid, public_programme_get, published_programmes
from ppo.referentiel.models import Etablissement


def public_programme(request, public_id):
    programme = public_programme_get(public_id=public_id)
    etablissement = programme.ppo.etablissement
    return render(
        request,
        "plans/public_programme.html",
        {
            "title": f"Programme d’orientation {programme.year_label} — {etablissement.name}",
            "breadcrumb_data": {
                "links": [
                    {
                        "url": reverse("plans:public_etablissement", kwargs={"uai": etablissement.uai}),
                        "title": etablissement.name,
                    },
                ],
                "current": f"Programme {programme.year_label}",
            },
            "programme": programme,
            "etablissement": etablissement,
            "grid": programme_grid(programme=programme),
        },
    )


def public_etablissement(request, uai):
    etablissement = get_object_or_404(Etablissement, uai=uai.upper())
    return render(
        request,
        "plans/public_etablissement.html",
        {
            "title": f"Programme d’orientation — {etablissement.name}",
            "breadcrumb_data": {"current": etablissement.name},
            "etablissement": etablissement,
            "programmes": published_programmes(etablissement=etablissement),
        },
    )
