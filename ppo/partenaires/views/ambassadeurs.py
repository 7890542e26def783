"""Ambassadeurs métiers: the list for school staff, profiles, the ambassador's own profile."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from ppo.partenaires import perms
from ppo.partenaires.forms import AmbassadeurFilterForm, AmbassadeurForm, DemandeForm
from ppo.partenaires.models import Ambassadeur
from ppo.partenaires.selectors import ambassadeurs_listed, writable_etablissements
from ppo.partenaires.services.demandes import (
    DemandeError,
    ambassadeur_save,
    ambassadeur_set_paused,
    demande_create,
)
from ppo.partenaires.views.common import ambassadeur_url, ambassadeurs_crumb, crumbs, page


def _viewable_ambassadeur(request, pk) -> Ambassadeur:
    """A paused profile is hidden (404) from all but its owner; non school staff are refused (403)."""
    ambassadeur = get_object_or_404(Ambassadeur.objects.select_related("user", "metier", "secteur"), pk=pk)
    if not perms.can_view_ambassadeur(request.user, ambassadeur):
        if ambassadeur.is_paused:
            raise Http404
        raise PermissionDenied
    return ambassadeur


@login_required
def ambassadeurs(request):
    if not perms.can_list_ambassadeurs(request.user):
        raise PermissionDenied
    form = AmbassadeurFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    listed = ambassadeurs_listed(
        query=filters.get("q", ""),
        kind=filters.get("kind", ""),
        secteur=filters.get("secteur"),
        departement=filters.get("departement"),
    )
    current = Paginator(listed, 20).get_page(request.GET.get("page"))
    return page(
        request,
        "partenaires/ambassadeurs.html",
        "Ambassadeurs métiers",
        crumbs("Ambassadeurs métiers"),
        form=form,
        page_obj=current,
        can_request=perms.writes_for_a_school(request.user),
    )


@login_required
def ambassadeur_detail(request, pk):
    ambassadeur = _viewable_ambassadeur(request, pk)
    return page(
        request,
        "partenaires/ambassadeur_detail.html",
        str(ambassadeur.job_title),
        crumbs(ambassadeur.job_title, ambassadeurs_crumb()),
        ambassadeur=ambassadeur,
        can_request=perms.can_request(request.user, ambassadeur),
    )


@login_required
def mon_profil(request):
    if not perms.can_have_profile(request.user):
        raise PermissionDenied
    ambassadeur = Ambassadeur.objects.filter(user=request.user).first()
    form = AmbassadeurForm(request.POST or None, instance=ambassadeur)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        fields["departements"] = list(fields["departements"])
        try:
            ambassadeur_save(user=request.user, fields=fields)
        except DemandeError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Votre profil d’ambassadeur est enregistré.")
            return redirect("partenaires:mon_profil")
    return page(
        request,
        "partenaires/mon_profil.html",
        "Mon profil d’ambassadeur",
        crumbs("Mon profil d’ambassadeur"),
        form=form,
        ambassadeur=ambassadeur,
    )


@login_required
@require_POST
def mon_profil_pause(request):
    ambassadeur = Ambassadeur.objects.filter(user=request.user).first()
    if ambassadeur is None:
        raise Http404
    paused = not ambassadeur.is_paused
    ambassadeur_set_paused(ambassadeur=ambassadeur, paused=paused)
    messages.success(
        request,
        "Votre profil est en pause : il n’est plus proposé aux établissements."
        if paused
        else "Votre profil est de nouveau proposé aux établissements.",
    )
    return redirect("partenaires:mon_profil")


@login_required
def demande_create_view(request, pk):
    ambassadeur = _viewable_ambassadeur(request, pk)
    if not perms.can_request(request.user, ambassadeur):
        raise PermissionDenied
    form = DemandeForm(
        request.POST or None, ambassadeur=ambassadeur, etablissements=writable_etablissements(request.user)
    )
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        etablissement = fields.pop("etablissement")
        try:
            demande = demande_create(
                ambassadeur=ambassadeur, etablissement=etablissement, user=request.user, fields=fields
            )
        except DemandeError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Votre demande est envoyée à l’ambassadeur.")
            return redirect("partenaires:demande_detail", pk=demande.pk)
    return page(
        request,
        "partenaires/demande_form.html",
        "Demander une intervention",
        crumbs(
            "Demander une intervention", ambassadeurs_crumb(), (ambassadeur_url(ambassadeur), ambassadeur.job_title)
        ),
        form=form,
        ambassadeur=ambassadeur,
    )
