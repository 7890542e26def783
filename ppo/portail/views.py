import secrets

from django.conf import settings
from django.contrib.auth.decorators import login_not_required, login_required
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from ppo.comptes.perms import active_memberships, is_operator
from ppo.core.health import health_checks
from ppo.core.registry import dashboard_cards

HEALTH_TOKEN_HEADER = "X-Health-Token"


@login_not_required
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


@login_not_required
def accessibilite(request):
    return render(request, "core/accessibilite.html", {"title": "Accessibilité"})


@login_not_required
def mentions_legales(request):
    return render(request, "core/mentions_legales.html", {"title": "Mentions légales"})


@login_not_required
def donnees_personnelles(request):
    return render(request, "core/donnees_personnelles.html", {"title": "Données personnelles"})


def _may_see_health_details(request) -> bool:
    token = settings.HEALTH_TOKEN
    sent = request.headers.get(HEALTH_TOKEN_HEADER, "")
    if token and sent and secrets.compare_digest(sent.encode(), token.encode()):
        return True
    try:
        return is_operator(request.user)
    except Exception:
        return False  # the database is down: no session, no user, only the token opens the details


@login_not_required
@never_cache
@transaction.non_atomic_requests
def sante(request):
    """For load balancers and monitoring: 200 "ok" or 503 "not ok"; what failed only for operators (or the token)."""
    checks = health_checks()
    healthy = all(check.ok for check in checks)
    status = 200 if healthy else 503
    if _may_see_health_details(request):
        return JsonResponse(
            {"status": "ok" if healthy else "not ok", "checks": {c.name: {"ok": c.ok, **c.detail} for c in checks}},
            status=status,
        )
    return HttpResponse("ok" if healthy else "not ok", status=status, content_type="text/plain; charset=utf-8")
