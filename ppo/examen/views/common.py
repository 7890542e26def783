"""Fetching transmissions and comments with the permission check: 404 out of scope, 403 when visible but
forbidden."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from ppo.examen import perms
from ppo.examen.models import Commentaire, Transmission
from ppo.examen.selectors import transmission_detail


def transmission_for(request, pk: int, *, need: str = "view") -> Transmission:
    try:
        transmission = transmission_detail(pk=pk)
    except Transmission.DoesNotExist as exc:
        raise Http404("Transmission introuvable.") from exc
    if not perms.can_view_transmission(request.user, transmission):
        raise Http404("Transmission introuvable.")
    allowed = {
        "view": True,
        "review": perms.can_review(request.user, transmission),
        "reply": perms.can_reply(request.user, transmission),
    }[need]
    if not allowed:
        raise PermissionDenied("Vous ne pouvez pas faire cette action sur cette transmission.")
    return transmission


def commentaire_for(request, pk: int) -> Commentaire:
    comment = get_object_or_404(Commentaire.objects.select_related("transmission"), pk=pk)
    transmission_for(request, comment.transmission_id, need="reply")
    return comment
