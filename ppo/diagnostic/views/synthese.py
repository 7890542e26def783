"""Synthétiser: target objectives with the indicator's trend, improvement axes, progression over the years."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from ppo.diagnostic import perms
from ppo.diagnostic.forms import AxeAmeliorationForm, ConfirmForm, ObjectifForm
from ppo.diagnostic.models import AxeAmelioration, ObjectifCible
from ppo.diagnostic.selectors import axes_by_category, objectifs_with_trend, progression_table
from ppo.diagnostic.services import (
    axe_amelioration_create,
    axe_amelioration_delete,
    objectif_delete,
    objectif_save,
)
from ppo.diagnostic.views.common import base_context
from ppo.plans import lifecycle
from ppo.plans.perms import programme_for


def _synthese_link(programme):
    return (reverse("diagnostic:synthese", kwargs={"pk": programme.pk}), "Synthétiser")


def _require_edit(request, programme):
    if perms.can_write_programme(request.user, programme):
        lifecycle.ensure_editable(programme)  # why the state refuses it, and the way on
    if not perms.can_edit_programme(request.user, programme):
        raise PermissionDenied("Ce programme n’est pas modifiable par vous en ce moment.")


def _editable(request, model, pk):
    """An objective or an axis of a programme the user may change; 404 outside their scope, 403 when read-only."""
    obj = get_object_or_404(model.objects.select_related("programme__ppo__etablissement"), pk=pk)
    if not perms.can_view_programme(request.user, obj.programme):
        raise Http404("Élément introuvable.")
    _require_edit(request, obj.programme)
    return obj


@login_required
def synthese(request, pk):
    programme = programme_for(request, pk)
    years, rows = progression_table(ppo=programme.ppo)
    context = base_context(request, programme, f"Synthétiser — {programme.ppo.etablissement.name}", step="synthetiser")
    context.update(
        {
            "objectifs": objectifs_with_trend(programme=programme),
            "axes": axes_by_category(programme=programme),
            "years": [f"{y}-{y + 1}" for y in years],
            "progression": rows,
            "axe_form": AxeAmeliorationForm(),
        }
    )
    return render(request, "diagnostic/synthese.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def objectif_edit(request, pk, objectif_pk=None):
    programme = programme_for(request, pk)
    _require_edit(request, programme)
    objectif = ObjectifCible(programme=programme)
    if objectif_pk is not None:
        objectif = get_object_or_404(ObjectifCible, pk=objectif_pk, programme=programme)
    form = ObjectifForm(request.POST or None, instance=objectif, programme=programme)
    if request.method == "POST" and form.is_valid():
        try:
            objectif_save(objectif=form.instance)
        except ValidationError as exc:  # e.g. the latest known value, taken as baseline, is out of range
            form.add_error(None, exc)
        else:
            messages.success(request, f"Objectif cible enregistré : {form.instance.indicateur.label}.")
            return redirect("diagnostic:synthese", pk=programme.pk)
    title = "Modifier un objectif cible" if objectif.pk else "Ajouter un objectif cible"
    context = base_context(request, programme, title, _synthese_link(programme), step="synthetiser")
    context["form"] = form
    return render(request, "diagnostic/objectif_form.html", context)


@login_required
@require_POST
def objectif_delete_view(request, pk):
    objectif = _editable(request, ObjectifCible, pk)
    if ConfirmForm(request.POST).is_valid():
        objectif_delete(objectif=objectif)
        messages.success(request, "Objectif cible supprimé.")
    return redirect("diagnostic:synthese", pk=objectif.programme_id)


@login_required
@require_POST
def axe_create(request, pk):
    programme = programme_for(request, pk)
    _require_edit(request, programme)
    form = AxeAmeliorationForm(request.POST)
    if form.is_valid():
        axe_amelioration_create(programme=programme, **form.cleaned_data)
        messages.success(request, "Axe d’amélioration ajouté.")
    else:
        messages.error(request, "Rien n’a été ajouté : choisissez une catégorie et écrivez le texte.")
    return redirect(reverse("diagnostic:synthese", kwargs={"pk": programme.pk}) + "#axes")


@login_required
@require_POST
def axe_delete(request, pk):
    axe = _editable(request, AxeAmelioration, pk)
    if ConfirmForm(request.POST).is_valid():
        axe_amelioration_delete(axe=axe)
        messages.success(request, "Axe d’amélioration supprimé.")
    return redirect(reverse("diagnostic:synthese", kwargs={"pk": axe.programme_id}) + "#axes")
