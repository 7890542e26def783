"""The public catalogue: search, offer page, adding an offer to a PPO."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect

from ppo.partenaires import perms, staleness
from ppo.partenaires.forms import AddToProgrammeForm, CatalogueFilterForm
from ppo.partenaires.models import Offre
from ppo.partenaires.selectors import (
    PROXIMITY_LABELS,
    CatalogueFilters,
    catalogue_page,
    editable_programmes,
    locked_programmes,
    offre_links_seen_by,
    offre_secteurs,
    user_reference_etablissement,
)
from ppo.partenaires.services.offres import OffreError, offre_add_to_programme
from ppo.partenaires.views.common import catalogue_crumb, crumbs, offre_url, page
from ppo.plans import lifecycle

PAGE_SIZE = 20


def _programme_from_query(request):
    """`?programme=<pk>`: the PPO programme the user came from, if they may add actions to it."""
    raw = request.GET.get("programme", "")
    if not raw.isdigit() or not request.user.is_authenticated:
        return None
    return editable_programmes(request.user).filter(pk=int(raw)).first()


@login_not_required
def catalogue(request):
    form = CatalogueFilterForm(request.GET or None)
    filters = CatalogueFilters()
    if form.is_valid():
        data = form.cleaned_data
        filters = CatalogueFilters(
            query=data["q"],
            niveau=data["niveau"],
            axe=data["axe"],
            kind=data["kind"],
            secteur=data["secteur"],
            departement=data["departement"],
            bassin=data["bassin"],
            free_only=data["gratuit"],
        )
    etablissement = user_reference_etablissement(request.user, request.membership)
    current, offres = catalogue_page(
        filters=filters, etablissement=etablissement, page_number=request.GET.get("page"), page_size=PAGE_SIZE
    )
    flag_limit = staleness.flag_limit()
    for offre in offres:
        offre.is_stale = offre.last_confirmed_at < flag_limit
        offre.proximity_label = PROXIMITY_LABELS[offre.proximity] if etablissement else ""
    query = request.GET.copy()
    query.pop("page", None)
    return page(
        request,
        "partenaires/catalogue.html",
        "Catalogue des partenaires",
        crumbs("Catalogue des partenaires"),
        form=form,
        offres=offres,
        page_obj=current,
        count=current.paginator.count,
        etablissement=etablissement,
        programme=_programme_from_query(request),
        querystring=query.urlencode(),
        is_partner=perms.is_partner_user(request.user),
        is_moderator=perms.is_moderator(request.user),
    )


@login_not_required
def offre_detail(request, pk):
    offre = get_object_or_404(Offre.objects.select_related("structure", "academie", "moderated_by"), pk=pk)
    if not perms.can_view_offre(request.user, offre):
        raise Http404
    return page(
        request,
        "partenaires/offre_detail.html",
        offre.title,
        crumbs(offre.title, catalogue_crumb()),
        offre=offre,
        is_stale=staleness.is_stale(offre),
        is_hidden=staleness.is_hidden(offre),
        show_contacts=perms.can_see_contacts(request.user),
        can_edit=perms.can_edit_offre(request.user, offre),
        can_moderate=perms.can_moderate_offre(request.user, offre),
        can_add=perms.can_add_offre_to_ppo(request.user, offre),
        links=offre_links_seen_by(offre=offre, user=request.user),
        secteurs=offre_secteurs(offre),
        programme=_programme_from_query(request),
    )


@login_required
def offre_add_to_ppo(request, pk):
    offre = get_object_or_404(Offre.objects.select_related("structure"), pk=pk)
    if not perms.can_view_offre(request.user, offre):
        raise Http404
    if not perms.can_add_offre_to_ppo(request.user, offre):
        raise PermissionDenied
    programmes = editable_programmes(request.user)
    initial = {
        "programme": _programme_from_query(request),
        "axe": offre.axes.order_by("number").first(),
        "niveaux": list(offre.niveaux.all()),
    }
    form = AddToProgrammeForm(request.POST or None, programmes=programmes, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            link = offre_add_to_programme(
                offre=offre,
                programme=data["programme"],
                user=request.user,
                axe=data["axe"],
                niveaux=list(data["niveaux"]),
                period=data["period"],
            )
        except OffreError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request, f"L’action « {link.action.title} » est ajoutée au programme {data['programme'].year_label}."
            )
            return redirect("partenaires:offre_detail", pk=offre.pk)
    return page(
        request,
        "partenaires/offre_add_to_ppo.html",
        "Ajouter l’offre à mon PPO",
        crumbs("Ajouter à mon PPO", catalogue_crumb(), (offre_url(offre), offre.title)),
        offre=offre,
        form=form,
        has_programmes=programmes.exists(),
        locked=[(p, lifecycle.lock_reason(p)) for p in locked_programmes(request.user)],
    )
