"""What every page of the follow-up does first: find the object and check who is asking (404 outside the scope).

The programme itself: `ppo.plans.perms.programme_for`, as in every app."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from ppo.plans.models import Action
from ppo.suivi.models import PieceJointe
from ppo.suivi.perms import can_view_suivi


def action_or_404(user, pk) -> Action:
    action = get_object_or_404(Action.objects.select_related("programme__ppo__etablissement", "axe", "suivi"), pk=pk)
    if not can_view_suivi(user, action.programme):
        raise Http404("Action introuvable.")
    return action


def piece_or_404(user, pk) -> PieceJointe:
    piece = get_object_or_404(
        PieceJointe.objects.select_related("suivi__action__programme__ppo__etablissement"), pk=pk
    )
    if not can_view_suivi(user, piece.suivi.action.programme):
        raise Http404("Pièce jointe introuvable.")
    return piece


def require(allowed: bool) -> None:
    """Visible but forbidden: 403 (see docs/adr/002-roles-et-perimetres.md)."""
    if not allowed:
        raise PermissionDenied("Vous n’avez pas le droit de faire cette action.")


def crumbs(programme, *links, current):
    """The breadcrumb from the dashboard to the programme's follow-up, then `links` (pairs url, title)."""
    items = [{"url": reverse("portail:tableau_de_bord"), "title": "Tableau de bord"}]
    if programme is not None:
        items.append(
            {
                "url": reverse("suivi:programme", kwargs={"pk": programme.pk}),
                "title": f"Suivi {programme.year_label}",
            }
        )
    items += [{"url": url, "title": title} for url, title in links]
    return {"links": items, "current": current}
