from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ppo.comptes.perms import can_manage_team, is_operator
from ppo.referentiel import perms, selectors, services
from ppo.referentiel.forms import (
    BassinEtablissementsForm,
    BassinForm,
    DepartementChoiceForm,
    EtablissementFilterForm,
    NiveauxForm,
)
from ppo.referentiel.models import Academie, Bassin, Etablissement

PAGE_SIZE = 50


def _listed_academie_or_403(request):
    academie = perms.listed_academie(request)
    if academie is None:
        raise PermissionDenied("Page réservée aux services académiques et aux opérateurs de la plateforme.")
    return academie


def _list_context(request, academie) -> dict:
    """Operators choose the académie they read; everybody else reads their own."""
    if not is_operator(request.user):
        return {}
    return {"academie_choices": Academie.objects.order_by("name", "code"), "academie_param": academie.code}


def _list_url(request, name, academie) -> str:
    """The académie list a detail page goes back to: for an operator, that of the object's académie."""
    url = reverse(name)
    return f"{url}?academie={academie.code}" if is_operator(request.user) else url


def _crumbs(current, *links):
    return {"links": [{"url": url, "title": title} for title, url in links], "current": current}


@login_required
def etablissement_list(request):
    academie = _listed_academie_or_403(request)
    form = EtablissementFilterForm(request.GET or None, academie=academie)
    filters = form.cleaned_data if form.is_valid() else {}
    etablissements = selectors.etablissements_search(academie=academie, **{k: v for k, v in filters.items() if v})
    page = Paginator(etablissements, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "referentiel/etablissement_list.html",
        {
            "title": f"Établissements — académie de {academie}",
            "breadcrumb_data": _crumbs("Établissements"),
            "academie": academie,
            "form": form,
            "page_obj": page,
            **_list_context(request, academie),
        },
    )


def _etablissement(request, uai):
    etablissement = get_object_or_404(
        Etablissement.objects.select_related("academie", "departement", "bassin"), uai=uai.upper()
    )
    if not perms.can_view_etablissement(request.user, etablissement):
        raise Http404
    return etablissement


@login_required
def etablissement_detail(request, uai):
    etablissement = _etablissement(request, uai)
    can_edit = perms.can_edit_niveaux(request.user, etablissement)
    niveaux = list(etablissement.niveaux.order_by("order"))
    form = NiveauxForm(initial={"niveaux": niveaux}) if can_edit else None
    return render(
        request,
        "referentiel/etablissement_detail.html",
        {
            "title": str(etablissement),
            "breadcrumb_data": _crumbs(
                etablissement.name,
                *(
                    [("Établissements", _list_url(request, "referentiel:etablissement_list", etablissement.academie))]
                    if can_edit
                    else []
                ),
            ),
            "etablissement": etablissement,
            "niveaux": niveaux,
            "form": form,
            "can_manage_team": can_manage_team(request.user, etablissement),
        },
    )


@login_required
@require_POST
def etablissement_niveaux(request, uai):
    etablissement = _etablissement(request, uai)
    if not perms.can_edit_niveaux(request.user, etablissement):
        raise PermissionDenied("Seule l’académie modifie les niveaux enseignés.")
    form = NiveauxForm(request.POST)
    if form.is_valid():
        services.etablissement_set_niveaux(etablissement=etablissement, niveaux=list(form.cleaned_data["niveaux"]))
        messages.success(request, "Les niveaux enseignés ont été enregistrés.")
    else:
        messages.error(request, "Niveaux inconnus : rien n’a été modifié.")
    return redirect("referentiel:etablissement_detail", uai=etablissement.uai)


@login_required
def bassin_list(request):
    academie = _listed_academie_or_403(request)
    can_create = perms.can_create_bassin(request, academie)
    if request.method == "POST" and not can_create:
        raise PermissionDenied("Seule l’académie crée ses bassins.")
    form = BassinForm(request.POST or None, academie=academie) if can_create else None
    if request.method == "POST" and form.is_valid():
        bassin = services.bassin_create(
            academie=academie, name=form.cleaned_data["name"], departement=form.cleaned_data["departement"]
        )
        messages.success(request, f"Le bassin « {bassin.name} » a été créé. Rattachez-lui ses établissements.")
        return redirect("referentiel:bassin_detail", pk=bassin.pk)
    return render(
        request,
        "referentiel/bassin_list.html",
        {
            "title": f"Bassins — académie de {academie}",
            "breadcrumb_data": _crumbs("Bassins"),
            "academie": academie,
            "bassins": selectors.bassins_with_counts(academie=academie),
            "form": form,
            **_list_context(request, academie),
        },
        status=400 if form is not None and form.is_bound else 200,
    )


def _bassin(request, pk):
    bassin = get_object_or_404(Bassin.objects.select_related("academie", "departement"), pk=pk)
    if not perms.can_view_bassin(request.user, bassin):
        raise Http404
    return bassin


def _bassin_page(request, bassin, *, rename_form=None, status=200):
    can_manage = perms.can_manage_bassin(request.user, bassin)
    choice = DepartementChoiceForm(request.GET or None, academie=bassin.academie)
    departement = (choice.cleaned_data["departement"] if choice.is_valid() else None) or bassin.departement
    if departement is None:
        departement = selectors.departements_of(academie=bassin.academie).first()
    choice = DepartementChoiceForm(initial={"departement": departement}, academie=bassin.academie)
    candidates = selectors.bassin_candidates(bassin=bassin, departement=departement)
    members = bassin.etablissements.select_related("departement").order_by("name")
    context = {
        "title": f"Bassin {bassin.name}",
        "breadcrumb_data": _crumbs(
            bassin.name,
            *([("Bassins", _list_url(request, "referentiel:bassin_list", bassin.academie))] if can_manage else []),
        ),
        "bassin": bassin,
        "members": members,
        "can_manage": can_manage,
    }
    if can_manage:
        context |= {
            "rename_form": rename_form
            or BassinForm(
                initial={"name": bassin.name, "departement": bassin.departement},
                academie=bassin.academie,
                bassin=bassin,
            ),
            "departement_form": choice,
            "departement": departement,
            "assign_form": BassinEtablissementsForm(
                initial={"etablissements": [e for e in candidates if e.bassin_id == bassin.pk]},
                candidates=candidates,
            ),
        }
    return render(request, "referentiel/bassin_detail.html", context, status=status)


@login_required
def bassin_detail(request, pk):
    return _bassin_page(request, _bassin(request, pk))


def _bassin_to_manage(request, pk):
    bassin = _bassin(request, pk)
    if not perms.can_manage_bassin(request.user, bassin):
        raise PermissionDenied("Seule l’académie modifie ses bassins.")
    return bassin


@login_required
@require_POST
def bassin_update(request, pk):
    bassin = _bassin_to_manage(request, pk)
    form = BassinForm(request.POST, academie=bassin.academie, bassin=bassin)
    if not form.is_valid():
        return _bassin_page(request, bassin, rename_form=form, status=400)
    services.bassin_update(bassin=bassin, name=form.cleaned_data["name"], departement=form.cleaned_data["departement"])
    messages.success(request, "Le bassin a été enregistré.")
    return redirect("referentiel:bassin_detail", pk=bassin.pk)


@login_required
@require_POST
def bassin_etablissements(request, pk):
    bassin = _bassin_to_manage(request, pk)
    choice = DepartementChoiceForm(request.POST, academie=bassin.academie)
    departement = choice.cleaned_data["departement"] if choice.is_valid() else None
    if departement is None:
        messages.error(request, "Choisissez un département de votre académie : rien n’a été modifié.")
        return redirect("referentiel:bassin_detail", pk=bassin.pk)
    candidates = list(selectors.bassin_candidates(bassin=bassin, departement=departement))
    form = BassinEtablissementsForm(
        request.POST, candidates=Etablissement.objects.filter(pk__in=[e.pk for e in candidates])
    )
    if not form.is_valid():
        messages.error(request, "Établissement inconnu dans ce département : rien n’a été modifié.")
        return redirect(f"{reverse('referentiel:bassin_detail', args=[bassin.pk])}?departement={departement.pk}")
    added, removed = services.bassin_set_etablissements(
        bassin=bassin, candidates=candidates, chosen=list(form.cleaned_data["etablissements"])
    )
    messages.success(request, f"Bassin enregistré : {added} établissement(s) ajouté(s), {removed} retiré(s).")
    return redirect(f"{reverse('referentiel:bassin_detail', args=[bassin.pk])}?departement={departement.pk}")
