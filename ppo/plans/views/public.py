"""Pages for families: no login, and nothing but the fields declared public (`ppo.plans.public_fields`)."""

import segno
from django.contrib.auth.decorators import login_not_required, login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from ppo.plans import perms
from ppo.plans.family import family_programme, public_school
from ppo.plans.selectors import public_programme_get, public_schools_search, published_programmes
from ppo.referentiel.models import Etablissement

SEARCH_MAX_LENGTH = 100


def _family_context(programme, *, etablissement, others):
    content = family_programme(programme=programme)
    return {
        "title": f"L’orientation classe par classe — {content.etablissement_name} — {content.year_label}",
        "family": content,
        "others": others,
        "pdf_url": reverse("documents:public_pdf", args=[programme.public_id]),
        "school_url": reverse("plans:public_etablissement", kwargs={"uai": etablissement.uai}),
    }


@login_not_required
@require_GET
def public_search(request):
    """Find a school by name, commune, postcode or UAI. With htmx, the list of suggestions only; without
    JavaScript, the same list in the full page after the form is sent."""
    query = request.GET.get("q", "").strip()[:SEARCH_MAX_LENGTH]
    schools = [public_school(e) for e in public_schools_search(query=query)] if query else []
    context = {
        "title": "Trouver le programme d’orientation d’un établissement",
        "breadcrumb_data": {"current": "Familles et élèves"},
        "query": query,
        "schools": schools,
    }
    if request.htmx:
        return render(request, "plans/_public_search_results.html", context)
    return render(request, "plans/public_search.html", context)


@login_not_required
@require_GET
def public_programme(request, public_id):
    programme = public_programme_get(public_id=public_id)
    etablissement = programme.ppo.etablissement
    others = [p for p in published_programmes(etablissement=etablissement) if p.pk != programme.pk]
    context = _family_context(programme, etablissement=etablissement, others=others)
    context["breadcrumb_data"] = {
        "links": [
            {"url": reverse("plans:public_search"), "title": "Familles et élèves"},
            {"url": context["school_url"], "title": etablissement.name},
        ],
        "current": f"Programme {programme.year_label}",
    }
    return render(request, "plans/public_programme.html", context)


@login_not_required
@require_GET
def public_etablissement(request, uai):
    """The stable public address of a school (the poster's QR code): its latest published programme."""
    etablissement = get_object_or_404(Etablissement.objects.select_related("academie"), uai=uai.upper())
    programmes = published_programmes(etablissement=etablissement)
    breadcrumb = {
        "links": [{"url": reverse("plans:public_search"), "title": "Familles et élèves"}],
        "current": etablissement.name,
    }
    if not programmes:
        return render(
            request,
            "plans/public_etablissement.html",
            {
                "title": f"Programme d’orientation — {etablissement.name}",
                "breadcrumb_data": breadcrumb,
                "school": public_school(etablissement),
            },
        )
    context = _family_context(programmes[0], etablissement=etablissement, others=programmes[1:])
    context["breadcrumb_data"] = breadcrumb
    return render(request, "plans/public_programme.html", context)


@login_required
@require_GET
def poster(request, uai):
    """A printable A4 poster for the school's hall: its public address and a QR code to it."""
    etablissement = get_object_or_404(Etablissement, uai=uai.upper())
    if not perms.can_view_etablissement_plans(request.user, etablissement):
        raise Http404("Établissement introuvable.")
    if not perms.can_print_poster(request.user, etablissement):
        raise PermissionDenied("Seule la direction imprime l’affiche de l’établissement.")
    public_url = request.build_absolute_uri(reverse("plans:public_etablissement", kwargs={"uai": etablissement.uai}))
    qr = segno.make(public_url, error="m")
    return render(
        request,
        "plans/poster.html",
        {
            "title": f"Affiche pour les familles — {etablissement.name}",
            "school": public_school(etablissement),
            "public_url": public_url,
            "qr_svg": qr.svg_inline(scale=8, border=2, dark="#000091"),
            "has_published": bool(published_programmes(etablissement=etablissement)),
            "back_url": reverse("plans:etablissement", kwargs={"uai": etablissement.uai}),
        },
    )
