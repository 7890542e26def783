"""The partner's side: their offers, editing, submitting, yearly confirmation; the moderators' queue."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from ppo.comptes.perms import is_operator
from ppo.partenaires import perms, staleness
from ppo.partenaires.forms import PRINCIPLES, ModerationForm, OffreCreateForm, OffreForm
from ppo.partenaires.models import Offre
from ppo.partenaires.selectors import offres_of_user_structures, offres_to_moderate, partner_structures
from ppo.partenaires.services.offres import (
    M2M_FIELDS,
    OffreError,
    offre_confirm,
    offre_create,
    offre_moderate,
    offre_submit,
    offre_update,
)
from ppo.partenaires.views.common import catalogue_crumb, crumbs, mes_offres_crumb, offre_url, page


def _own_offre(request, pk) -> Offre:
    """The offer, if the user's structure owns it; 404 otherwise (a partner never learns of others' drafts)."""
    offre = get_object_or_404(Offre.objects.select_related("structure"), pk=pk)
    if not perms.can_edit_offre(request.user, offre):
        raise Http404
    return offre


def _fields(form) -> dict:
    data = dict(form.cleaned_data)
    for name in M2M_FIELDS:
        if name in data:
            data[name] = list(data[name])
    return data


@login_required
def mes_offres(request):
    if not (perms.is_partner_user(request.user) or is_operator(request.user)):
        raise PermissionDenied
    offres = list(offres_of_user_structures(request.user))
    limit = staleness.flag_limit()
    for offre in offres:
        offre.is_stale = offre.last_confirmed_at < limit
    return page(
        request,
        "partenaires/mes_offres.html",
        "Mes offres",
        crumbs("Mes offres", catalogue_crumb()),
        offres=offres,
    )


@login_required
def offre_create_view(request):
    structures = partner_structures(request.user)
    if not structures.exists():
        raise PermissionDenied
    form = OffreCreateForm(request.POST or None, structures=structures)
    if request.method == "POST" and form.is_valid():
        fields = _fields(form)
        structure = fields.pop("structure")
        try:
            offre = offre_create(structure=structure, user=request.user, fields=fields)
        except OffreError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "L’offre est enregistrée en brouillon. Soumettez-la à la modération.")
            return redirect("partenaires:offre_detail", pk=offre.pk)
    return page(
        request,
        "partenaires/offre_form.html",
        "Proposer une offre",
        crumbs("Proposer une offre", catalogue_crumb(), mes_offres_crumb()),
        form=form,
    )


@login_required
def offre_edit(request, pk):
    offre = _own_offre(request, pk)
    form = OffreForm(request.POST or None, instance=offre)
    if request.method == "POST" and form.is_valid():
        try:
            offre_update(offre=offre, user=request.user, fields=_fields(form))
        except OffreError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "L’offre est modifiée.")
            return redirect("partenaires:offre_detail", pk=offre.pk)
    return page(
        request,
        "partenaires/offre_form.html",
        "Modifier l’offre",
        crumbs("Modifier", catalogue_crumb(), mes_offres_crumb(), (offre_url(offre), offre.title)),
        form=form,
        offre=offre,
    )


@login_required
@require_POST
def offre_submit_view(request, pk):
    offre = _own_offre(request, pk)
    try:
        offre_submit(offre=offre, user=request.user)
    except OffreError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "L’offre est soumise à la modération de l’académie.")
    return redirect("partenaires:offre_detail", pk=offre.pk)


@login_required
@require_POST
def offre_confirm_view(request, pk):
    offre = _own_offre(request, pk)
    offre_confirm(offre=offre, user=request.user)
    messages.success(request, "Merci : l’offre est confirmée pour douze mois.")
    return redirect("partenaires:offre_detail", pk=offre.pk)


@login_required
def moderation(request):
    if not perms.is_moderator(request.user):
        raise PermissionDenied
    return page(
        request,
        "partenaires/moderation.html",
        "Offres à modérer",
        crumbs("Offres à modérer", catalogue_crumb()),
        offres=offres_to_moderate(request.user),
    )


@login_required
def offre_moderate_view(request, pk):
    offre = get_object_or_404(Offre.objects.select_related("structure", "academie"), pk=pk)
    if not perms.can_view_offre(request.user, offre):
        raise Http404
    if not perms.can_moderate_offre(request.user, offre):
        raise PermissionDenied
    form = ModerationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        accept = form.cleaned_data["decision"] == "valider"
        try:
            offre_moderate(offre=offre, user=request.user, accept=accept, reason=form.cleaned_data["reason"])
        except OffreError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "L’offre est validée et publiée." if accept else "L’offre est refusée.")
            return redirect("partenaires:moderation")
    return page(
        request,
        "partenaires/offre_moderate.html",
        "Modérer une offre",
        crumbs("Modérer", catalogue_crumb(), (offre_url(offre), offre.title)),
        offre=offre,
        form=form,
        principles=PRINCIPLES,
    )
