from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from ppo.core.dates import current_school_year
from ppo.core.locking import StaleVersionError
from ppo.plans import perms
from ppo.plans.enums import CategorieRessource
from ppo.plans.forms import PPOCreateForm, RessourcesForm
from ppo.plans.perms import programme_for
from ppo.plans.selectors import (
    etablissement_ppos,
    programme_actions,
    programme_campaign_frame,
    programme_completeness,
    programme_grid,
    ressource_items_by_category,
)
from ppo.plans.services import ppo_create, programme_update_resources
from ppo.plans.views.common import programme_context
from ppo.referentiel.models import Etablissement


def _etablissement_for(request, uai):
    etablissement = get_object_or_404(Etablissement.objects.select_related("academie"), uai=uai.upper())
    if not perms.can_view_etablissement_plans(request.user, etablissement):
        raise Http404("Établissement introuvable.")
    return etablissement


@login_required
def etablissement(request, uai):
    etablissement = _etablissement_for(request, uai)
    ppos = etablissement_ppos(etablissement=etablissement)
    for ppo in ppos:
        ppo.visible_programmes = [p for p in ppo.programmes.all() if perms.can_view_programme(request.user, p)]
    return render(
        request,
        "plans/etablissement.html",
        {
            "title": f"PPO — {etablissement.name}",
            "breadcrumb_data": {"current": f"PPO — {etablissement.name}"},
            "etablissement": etablissement,
            "ppos": ppos,
            "can_create_ppo": perms.can_create_ppo(request.user, etablissement),
            "can_print_poster": perms.can_print_poster(request.user, etablissement),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def ppo_create_view(request, uai):
    etablissement = _etablissement_for(request, uai)
    if not perms.can_create_ppo(request.user, etablissement):
        raise PermissionDenied("Seule la direction crée le PPO.")
    taken = set(etablissement.ppos.values_list("first_year", flat=True))
    form = PPOCreateForm(request.POST or None, current_year=current_school_year(), taken=taken)
    if request.method == "POST" and form.is_valid():
        ppo = ppo_create(
            etablissement=etablissement,
            first_year=form.cleaned_data["first_year"],
            years=form.cleaned_data["years"],
            user=request.user,
        )
        messages.success(request, f"Le PPO {ppo.period_label} est créé avec le programme de sa première année.")
        return redirect("plans:programme", pk=ppo.programmes.get().pk)
    return render(
        request,
        "plans/ppo_create.html",
        {
            "title": f"Créer un PPO — {etablissement.name}",
            "breadcrumb_data": {
                "links": [{"url": reverse("plans:etablissement", kwargs={"uai": etablissement.uai}), "title": "PPO"}],
                "current": "Créer un PPO",
            },
            "etablissement": etablissement,
            "form": form,
        },
    )


@login_required
def programme(request, pk):
    programme = programme_for(request, pk)
    grid = programme_grid(programme=programme)
    todo = programme_completeness(programme=programme, grid=grid)
    return render(
        request,
        "plans/programme.html",
        programme_context(
            request,
            programme,
            title=f"Programme {programme.year_label}",
            current="programme",
            grid=grid,
            todo=todo,
            frame=programme_campaign_frame(programme=programme),
        ),
    )


@login_required
def action_list(request, pk):
    programme = programme_for(request, pk)
    return render(
        request,
        "plans/action_list.html",
        programme_context(
            request,
            programme,
            title="Liste des actions",
            current="actions",
            actions=programme_actions(programme=programme),
        ),
    )


@login_required
def completeness(request, pk):
    programme = programme_for(request, pk)
    return render(
        request,
        "plans/completeness.html",
        programme_context(
            request,
            programme,
            title="Contrôle de complétude",
            current="completeness",
            todo=programme_completeness(programme=programme),
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def ressources(request, pk):
    programme = programme_for(request, pk)
    items = ressource_items_by_category()
    conflict = None
    if request.method == "POST":
        programme = programme_for(request, pk, need="edit")
        form = RessourcesForm(request.POST, items_by_category=items)
        if form.is_valid():
            try:
                programme_update_resources(
                    programme=programme,
                    user=request.user,
                    expected_version=form.cleaned_data["version"],
                    **form.service_fields(),
                )
            except StaleVersionError as exc:
                conflict = exc.current
                form = RessourcesForm(_with_version(request.POST, conflict.version), items_by_category=items)
                form.is_valid()
            else:
                messages.success(request, "Les ressources à mobiliser sont enregistrées.")
                return redirect("plans:ressources", pk=programme.pk)
    else:
        form = RessourcesForm(initial=_ressources_initial(programme), items_by_category=items)
        if not perms.can_edit_programme(request.user, programme):
            for field in form.fields.values():
                field.disabled = True
    return render(
        request,
        "plans/ressources.html",
        programme_context(
            request,
            programme,
            title="Ressources à mobiliser et formation",
            current="ressources",
            form=form,
            conflict=conflict,
            conflict_items=list(conflict.ressources.order_by("order")) if conflict else [],
            categories=CategorieRessource,
        ),
    )


def _ressources_initial(programme):
    ticked = list(programme.ressources.all())
    initial = {"version": programme.version, "training": programme.training}
    for category in CategorieRessource:
        initial[f"items_{category.value}"] = [i.pk for i in ticked if i.category == category.value]
        initial[f"autre_{category.value}"] = programme.ressources_autres.get(category.value, "")
    return initial


def _with_version(data, version):
    data = data.copy()
    data["version"] = str(version)
    return data
