"""Fetching objects with the permission check: 404 out of scope, 403 when visible but forbidden."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from ppo.campagnes import perms
from ppo.campagnes.models import Campagne
from ppo.plans.models import ProgrammeAnnuel


def campagne_for(request, pk: int) -> Campagne:
    campagne = get_object_or_404(Campagne.objects.select_related("academie"), pk=pk)
    if not perms.can_manage_campagnes(request.user, campagne.academie):
        raise Http404("Campagne introuvable.")
    return campagne


def programme_for(request, pk: int) -> ProgrammeAnnuel:
    programme = get_object_or_404(
        ProgrammeAnnuel.objects.select_related("ppo__etablissement__academie", "ppo__etablissement__bassin"), pk=pk
    )
    if not perms.can_view_cadre(request.user, programme):
        raise Http404("Programme introuvable.")
    return programme


def require(allowed: bool):
    if not allowed:
        raise PermissionDenied("Cette page est réservée aux équipes de l’académie et des bassins.")


def campagnes_breadcrumb(current: str, *links) -> dict:
    return {
        "links": [{"url": reverse("campagnes:campagnes"), "title": "Campagnes"}, *links],
        "current": current,
    }
