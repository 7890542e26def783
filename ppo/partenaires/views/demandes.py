"""Requests to ambassadors: lists and the steps of the workflow (each step a POST form, then a redirect)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from ppo.comptes.perms import is_operator
from ppo.partenaires import perms
from ppo.partenaires.enums import CoteRetour, StatutDemande
from ppo.partenaires.forms import DeclineForm, RetourForm, ScheduleForm
from ppo.partenaires.models import DemandeIntervention
from ppo.partenaires.selectors import current_programme, demandes_visible_to
from ppo.partenaires.services.demandes import (
    DemandeError,
    demande_accept,
    demande_decline,
    demande_mark_done,
    demande_schedule,
    retour_create,
)
from ppo.partenaires.views.common import crumbs, demandes_crumb, page
from ppo.plans import lifecycle
from ppo.plans.perms import can_view_programme


def _visible_demande(request, pk) -> DemandeIntervention:
    demande = get_object_or_404(
        DemandeIntervention.objects.select_related(
            "ambassadeur__user", "etablissement", "niveau", "requested_by", "action__programme"
        ),
        pk=pk,
    )
    if not perms.can_view_demande(request.user, demande):
        raise Http404
    return demande


@login_required
def demandes(request):
    if not (
        perms.is_school_staff_anywhere(request.user)
        or perms.can_have_profile(request.user)
        or is_operator(request.user)
    ):
        raise PermissionDenied
    return page(
        request,
        "partenaires/demandes.html",
        "Demandes d’intervention",
        crumbs("Demandes d’intervention"),
        demandes=demandes_visible_to(request.user),
    )


@login_required
def demande_detail(request, pk):
    demande = _visible_demande(request, pk)
    retours = {r.side: r for r in demande.retours.all()}
    side = perms.feedback_side(request.user, demande)
    follow_up = perms.can_follow_up_demande(request.user, demande)
    # Accepted but no action yet: the school's current programme is missing, or its state keeps it as it is.
    waiting = not demande.action_id and demande.status in (
        StatutDemande.ACCEPTEE,
        StatutDemande.PLANIFIEE,
        StatutDemande.REALISEE,
    )
    programme = current_programme(demande.etablissement) if waiting else None
    return page(
        request,
        "partenaires/demande_detail.html",
        "Demande d’intervention",
        crumbs(str(demande), demandes_crumb()),
        demande=demande,
        retour_etablissement=retours.get(CoteRetour.ETABLISSEMENT),
        retour_ambassadeur=retours.get(CoteRetour.AMBASSADEUR),
        can_answer=perms.can_answer_demande(request.user, demande) and demande.status == StatutDemande.DEMANDEE,
        can_schedule=follow_up and demande.status in (StatutDemande.ACCEPTEE, StatutDemande.PLANIFIEE),
        can_mark_done=follow_up and demande.status == StatutDemande.PLANIFIEE,
        feedback_form=RetourForm()
        if side and demande.status == StatutDemande.REALISEE and side not in retours
        else None,
        decline_form=DeclineForm(),
        schedule_form=ScheduleForm(initial={"date": demande.scheduled_date}),
        show_contacts=perms.is_school_staff_anywhere(request.user) or is_operator(request.user),
        action_waiting=waiting,
        waiting_programme=programme,
        waiting_reason=lifecycle.lock_reason(programme) if programme else "",
        waiting_link=bool(programme) and can_view_programme(request.user, programme),
    )


def _step(request, pk, *, allowed, run, success: str, form_class=None):
    """One POST step of the workflow: permission (403), form (errors as messages), service, redirect.

    `allowed(user, demande)` is a permission of perms.py; `run(demande, data)` calls one service.
    """
    demande = _visible_demande(request, pk)
    if not allowed(request.user, demande):
        raise PermissionDenied
    data = {}
    if form_class is not None:
        form = form_class(request.POST)
        if not form.is_valid():
            for error in (e for errors in form.errors.values() for e in errors):
                messages.error(request, error)
            return redirect("partenaires:demande_detail", pk=demande.pk)
        data = form.cleaned_data
    try:
        run(demande, data)
    except DemandeError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, success)
    return redirect("partenaires:demande_detail", pk=demande.pk)


@login_required
@require_POST
def demande_accept_view(request, pk):
    return _step(
        request,
        pk,
        allowed=perms.can_answer_demande,
        run=lambda demande, data: demande_accept(demande=demande, user=request.user),
        success="Demande acceptée : l’établissement est prévenu. Convenez de la date puis planifiez-la.",
    )


@login_required
@require_POST
def demande_decline_view(request, pk):
    return _step(
        request,
        pk,
        allowed=perms.can_answer_demande,
        form_class=DeclineForm,
        run=lambda demande, data: demande_decline(demande=demande, user=request.user, reason=data["reason"]),
        success="Demande déclinée : l’établissement est prévenu.",
    )


@login_required
@require_POST
def demande_schedule_view(request, pk):
    return _step(
        request,
        pk,
        allowed=perms.can_follow_up_demande,
        form_class=ScheduleForm,
        run=lambda demande, data: demande_schedule(demande=demande, user=request.user, date=data["date"]),
        success="Intervention planifiée : l’autre partie est prévenue.",
    )


@login_required
@require_POST
def demande_done_view(request, pk):
    return _step(
        request,
        pk,
        allowed=perms.can_follow_up_demande,
        run=lambda demande, data: demande_mark_done(demande=demande, user=request.user),
        success="Intervention réalisée. Donnez votre retour.",
    )


@login_required
@require_POST
def demande_feedback_view(request, pk):
    def run(demande, data):
        side = perms.feedback_side(request.user, demande)
        retour_create(demande=demande, user=request.user, side=side, rating=data["rating"], comment=data["comment"])

    return _step(
        request,
        pk,
        allowed=lambda user, demande: perms.feedback_side(user, demande) is not None,
        form_class=RetourForm,
        run=run,
        success="Merci pour votre retour.",
    )
