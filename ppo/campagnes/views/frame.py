"""The campaign frame: the académie sets it, the schools read it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from ppo.campagnes import perms, selectors, services
from ppo.campagnes.forms import CampagneCreateForm, CampagneForm, PrioriteForm, TempsFortForm, VolumeForm
from ppo.campagnes.models import Priorite, TempsFort
from ppo.campagnes.views.common import campagne_for, campagnes_breadcrumb, require
from ppo.comptes.perms import is_operator
from ppo.referentiel.models import Academie


@login_required
def campagnes(request):
    require(perms.can_manage_campagnes(request.user))
    items = selectors.campagnes_visible(
        academie_ids=perms.managed_academie_ids(request.user), all_academies=is_operator(request.user)
    )
    return render(
        request,
        "campagnes/campagnes.html",
        {"title": "Campagnes", "campagnes": items, "breadcrumb_data": {"links": [], "current": "Campagnes"}},
    )


@login_required
@require_http_methods(["GET", "POST"])
def campagne_creer(request):
    require(perms.can_manage_campagnes(request.user))
    academies = (
        Academie.objects.all()
        if is_operator(request.user)
        else Academie.objects.filter(pk__in=perms.managed_academie_ids(request.user))
    )
    form = CampagneCreateForm(request.POST or None, academies=academies)
    if request.method == "POST" and form.is_valid():
        try:
            campagne = services.campagne_create(**form.cleaned_data, user=request.user)
        except ValidationError as exc:
            form.add_error("year", exc.messages[0])
        else:
            messages.success(request, f"Campagne {campagne.year_label} ouverte.")
            return redirect("campagnes:campagne", pk=campagne.pk)
    return render(
        request,
        "campagnes/campagne_form.html",
        {"title": "Ouvrir une campagne", "form": form, "breadcrumb_data": campagnes_breadcrumb("Ouvrir une campagne")},
    )


def _detail(request, campagne, **forms):
    campagne = selectors.campagne_detail(pk=campagne.pk)
    context = {
        "title": str(campagne),
        "campagne": campagne,
        "volumes": selectors.campagne_reference_hours(campagne=campagne),
        "form": forms.get("form")
        or CampagneForm(
            initial={
                "deadline": campagne.deadline,
                "kinds": campagne.kinds,
                "resources": campagne.resources,
                "requires_complete": campagne.requires_complete,
            }
        ),
        "priorite_form": forms.get("priorite_form") or PrioriteForm(prefix="priorite"),
        "temps_fort_form": forms.get("temps_fort_form") or TempsFortForm(prefix="temps_fort"),
        "volume_form": forms.get("volume_form") or VolumeForm(prefix="volume"),
        "breadcrumb_data": campagnes_breadcrumb(f"Campagne {campagne.year_label}"),
    }
    return render(request, "campagnes/campagne.html", context, status=400 if forms else 200)


@login_required
def campagne(request, pk):
    return _detail(request, campagne_for(request, pk))


@login_required
@require_POST
def campagne_modifier(request, pk):
    campagne = campagne_for(request, pk)
    form = CampagneForm(request.POST)
    if not form.is_valid():
        return _detail(request, campagne, form=form)
    services.campagne_update(campagne=campagne, **form.cleaned_data)
    messages.success(request, "Campagne enregistrée.")
    return redirect("campagnes:campagne", pk=campagne.pk)


def _add(request, pk, *, form_class, prefix, service, message, anchor):
    """The three « add » forms of the campaign page: validate, call the service, back to the section."""
    campagne = campagne_for(request, pk)
    form = form_class(request.POST, prefix=prefix)
    if not form.is_valid():
        return _detail(request, campagne, **{f"{prefix}_form": form})
    service(campagne=campagne, **form.cleaned_data)
    messages.success(request, message)
    return redirect(reverse("campagnes:campagne", kwargs={"pk": campagne.pk}) + anchor)


def _remove(request, obj, *, service, message, anchor):
    campagne_for(request, obj.campagne_id)
    service(obj)
    messages.success(request, message)
    return redirect(reverse("campagnes:campagne", kwargs={"pk": obj.campagne_id}) + anchor)


@login_required
@require_POST
def priorite_ajouter(request, pk):
    return _add(
        request,
        pk,
        form_class=PrioriteForm,
        prefix="priorite",
        service=services.priorite_add,
        message="Priorité ajoutée.",
        anchor="#priorites",
    )


@login_required
@require_POST
def priorite_supprimer(request, pk):
    priorite = get_object_or_404(Priorite, pk=pk)
    return _remove(
        request,
        priorite,
        service=lambda obj: services.priorite_delete(priorite=obj),
        message="Priorité supprimée.",
        anchor="#priorites",
    )


@login_required
@require_POST
def temps_fort_ajouter(request, pk):
    return _add(
        request,
        pk,
        form_class=TempsFortForm,
        prefix="temps_fort",
        service=services.temps_fort_add,
        message="Temps fort ajouté.",
        anchor="#temps-forts",
    )


@login_required
@require_POST
def temps_fort_supprimer(request, pk):
    temps_fort = get_object_or_404(TempsFort, pk=pk)
    return _remove(
        request,
        temps_fort,
        service=lambda obj: services.temps_fort_delete(temps_fort=obj),
        message="Temps fort supprimé.",
        anchor="#temps-forts",
    )


@login_required
@require_POST
def volume_definir(request, pk):
    return _add(
        request,
        pk,
        form_class=VolumeForm,
        prefix="volume",
        service=services.volume_set,
        message="Volume horaire enregistré.",
        anchor="#volumes",
    )
