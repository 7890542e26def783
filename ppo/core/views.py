from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from ppo.comptes.perms import active_memberships
from ppo.core.registry import dashboard_cards


def accueil(request):
    return render(request, "core/accueil.html", {"title": "Accueil"})


@login_required
def tableau_de_bord(request):
    return render(
        request,
        "core/tableau_de_bord.html",
        {
            "title": "Tableau de bord",
            "cards": dashboard_cards(request),
            "memberships": active_memberships(request.user),
        },
    )


def accessibilite(request):
    return render(request, "core/accessibilite.html", {"title": "Accessibilité"})


def mentions_legales(request):
    return render(request, "core/mentions_legales.html", {"title": "Mentions légales"})


def donnees_personnelles(request):
    return render(request, "core/donnees_personnelles.html", {"title": "Données personnelles"})
