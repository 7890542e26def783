"""Requests to ambassadors: lists and the steps of the workflow (each step a POST form, then a redirect)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from ppo.partenaires import perms
from ppo.partenaires.enums import CoteRetour, StatutDemande
from ppo.partenaires.forms import DeclineForm, RetourForm, ScheduleForm
from ppo.partenaires.models import DemandeIntervention
from ppo.partenaires.selectors import demandes_visible_to
from ppo.partenaires.services.demandes import (
    DemandeError,
    demande_accept,
    demande_decline,
    demande_mark_done,
    demande_schedule,
    retour_create,
)
from ppo.partenaires.views.common import crumbs, demandes_crumb, page


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
        perms.is_school_staff_anywhere(request.user) or perms.can_have_profile(request.user) or request.user.is_staff
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
        show_contacts=perms.is_school_staff_anywhere(request.user) or request.user.is_staff,
    )


def _run(request, demande, step, success: str):
    try:
        step()
    except DemandeError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, success)
    return redirect("partenaires:demande_detail", pk=demande.pk)


def _form_errors(request, demande, form):
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    return redirect("partenaires:demande_detail", pk=demande.pk)


@login_required
@require_POST
def demande_accept_view(request, pk):
    demande = _visible_demande(request, pk)
    if not perms.can_answer_demande(request.user, demande):
        raise PermissionDenied
    success = "Demande acceptée : l’établissement est prévenu. Convenez de la date puis planifiez-la."
    return _run(request, demande, lambda: demande_accept(demande=demande, user=request.user), success)


@login_required
@require_POST
def demande_decline_view(request, pk):
    demande = _visible_demande(request, pk)
    if not perms.can_answer_demande(request.user, demande):
        raise PermissionDenied
    form = DeclineForm(request.POST)
    if not form.is_valid():
        return _form_errors(request, demande, form)
    reason = form.cleaned_data["reason"]
    return _run(
        request,
        demande,
        lambda: demande_decline(demande=demande, user=request.user, reason=reason),
        "Demande déclinée : l’établissement est prévenu.",
    )


@login_required
@require_POST
def demande_schedule_view(request, pk):
    demande = _visible_demande(request, pk)
    if not perms.can_follow_up_demande(request.user, demande):
        raise PermissionDenied
    form = ScheduleForm(request.POST)
    if not form.is_valid():
        return _form_errors(request, demande, form)
    date = form.cleaned_data["date"]
    return _run(
        request,
        demande,
        lambda: demande_schedule(demande=demande, user=request.user, date=date),
        "Intervention planifiée : l’autre partie est prévenue.",
    )


@login_required
@require_POST
def demande_done_view(request, pk):
    demande = _visible_demande(request, pk)
    if not perms.can_follow_up_demande(request.user, demande):
        raise PermissionDenied
    return _run(
        request,
        demande,
        lambda: demande_mark_done(demande=demande, user=request.user),
        "Intervention réalisée. Donnez votre retour.",
    )


@login_required
@require_POST
def demande_feedback_view(request, pk):
    demande = _visible_demande(request, pk)
    side = perms.feedback_side(request.user, demande)
    if side is None:
        raise PermissionDenied
    form = RetourForm(request.POST)
    if not form.is_valid():
        return _form_errors(request, demande, form)
    data = form.cleaned_data
    return _run(
        request,
        demande,
        lambda: retour_create(
            demande=demande, user=request.user, side=side, rating=data["rating"], comment=data["comment"]
        ),
        "Merci pour votre retour.",
    )
