"""The school team (« Équipe ») managed by the direction, and « Rejoindre un établissement » for its staff."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ppo.comptes import perms, selectors, services
from ppo.comptes.forms import InviteForm, JoinForm
from ppo.comptes.services import TeamError
from ppo.referentiel.models import Etablissement
from ppo.referentiel.perms import can_view_etablissement


def _school(request, uai) -> Etablissement:
    etablissement = get_object_or_404(Etablissement, uai=uai.upper())
    if perms.can_manage_team(request.user, etablissement):
        return etablissement
    if can_view_etablissement(request.user, etablissement):
        raise PermissionDenied("Seule la direction de l’établissement gère son équipe.")
    raise Http404


def _membership(etablissement, pk):
    membership = selectors.team_membership(etablissement=etablissement, pk=pk)
    if membership is None:
        raise Http404
    return membership


@login_required
def team(request, uai, invite_form=None):
    etablissement = _school(request, uai)
    return render(
        request,
        "comptes/team.html",
        {
            "title": f"Équipe — {etablissement.name}",
            "breadcrumb_data": {"links": [], "current": "Équipe"},
            "etablissement": etablissement,
            "members": selectors.team_members(etablissement=etablissement),
            "requests": selectors.team_requests(etablissement=etablissement),
            "join_code": selectors.join_code(etablissement=etablissement),
            "invite_form": invite_form or InviteForm(),
        },
        status=400 if invite_form is not None else 200,
    )


def _run(request, etablissement, action, success):
    try:
        action()
    except TeamError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, success)
    return redirect("comptes:team", uai=etablissement.uai)


@login_required
@require_POST
def team_invite(request, uai):
    etablissement = _school(request, uai)
    form = InviteForm(request.POST)
    if not form.is_valid():
        return team(request, uai, invite_form=form)
    email = form.cleaned_data["email"]
    return _run(
        request,
        etablissement,
        lambda: services.membership_invite(
            etablissement=etablissement, email=email, role=form.cleaned_data["role"], invited_by=request.user
        ),
        f"{email} fait maintenant partie de l’équipe ; un courriel lui explique comment se connecter.",
    )


def _on_membership(request, uai, pk, service, success):
    """Runs `service(membership=…, by=…)` on a membership of the school's team, then back to the team page."""
    etablissement = _school(request, uai)
    membership = _membership(etablissement, pk)
    return _run(
        request,
        etablissement,
        lambda: service(membership=membership, by=request.user),
        success.format(email=membership.user.email),
    )


@login_required
@require_POST
def team_deactivate(request, uai, pk):
    return _on_membership(request, uai, pk, services.membership_deactivate, "{email} ne fait plus partie de l’équipe.")


@login_required
@require_POST
def team_code(request, uai):
    etablissement = _school(request, uai)
    return _run(
        request,
        etablissement,
        lambda: services.join_code_renew(etablissement=etablissement, by=request.user),
        "Nouveau code de rattachement créé ; l’ancien ne fonctionne plus.",
    )


@login_required
@require_POST
def team_confirm(request, uai, pk):
    return _on_membership(request, uai, pk, services.membership_confirm, "Demande de {email} confirmée.")


@login_required
@require_POST
def team_refuse(request, uai, pk):
    return _on_membership(request, uai, pk, services.membership_refuse, "Demande de {email} refusée.")


@login_required
def join(request):
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.membership_request_join(
                user=request.user, code=form.cleaned_data["code"], role=form.cleaned_data["role"]
            )
        except TeamError as exc:
            form.add_error("code", str(exc))
        else:
            messages.success(
                request,
                f"Votre demande de rattachement à {membership.etablissement.name} a été transmise à la direction. "
                "Vous aurez accès au PPO dès qu’elle l’aura confirmée.",
            )
            return redirect("portail:tableau_de_bord")
    return render(
        request,
        "comptes/join.html",
        {
            "title": "Rejoindre un établissement",
            "breadcrumb_data": {"links": [], "current": "Rejoindre un établissement"},
            "form": form,
        },
        status=400 if form.is_bound else 200,
    )
