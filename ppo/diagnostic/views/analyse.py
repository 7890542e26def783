"""Analyser: the indicators of the school (table with trend, typing, import) and the questionnaires."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from ppo.diagnostic import perms
from ppo.diagnostic.export import import_template_csv, import_template_xlsx
from ppo.diagnostic.forms import ConfirmForm, ImportForm, ValeurForm
from ppo.diagnostic.models import ImportIndicateurs, Indicateur, Questionnaire, ValeurIndicateur
from ppo.diagnostic.selectors import (
    indicator_history,
    indicator_table,
    inventory_count,
    out_of_range_objectifs,
    out_of_range_values,
    respondents,
)
from ppo.diagnostic.services import import_job_start, valeur_delete, valeur_save
from ppo.diagnostic.views.common import base_context
from ppo.plans.perms import programme_for
from ppo.referentiel.csvfile import Skipped, write_report


@login_required
def programme(request, pk):
    programme = programme_for(request, pk)
    etablissement = programme.ppo.etablissement
    questionnaires = []
    for questionnaire in Questionnaire.objects.all():
        people = respondents(programme=programme, questionnaire=questionnaire)
        mine = next((r for r in people if r.respondent_id == request.user.pk), None)
        questionnaires.append(
            {
                "questionnaire": questionnaire,
                "submitted": sum(1 for r in people if r.is_submitted),
                "drafts": sum(1 for r in people if not r.is_submitted),
                "mine": mine,
                "may_answer": perms.can_answer_questionnaire(request.user, programme, questionnaire),
            }
        )
    context = base_context(request, programme, f"Analyser — {etablissement.name}")
    context.update(
        {
            "table": indicator_table(etablissement=etablissement),
            "out_of_range": out_of_range_values(etablissements=etablissement),
            "objectifs_out_of_range": out_of_range_objectifs(programme=programme),
            "questionnaires": questionnaires,
            "inventory_count": inventory_count(programme=programme)
            if perms.can_read_all_answers(request.user, programme)
            else None,
        }
    )
    return render(request, "diagnostic/programme.html", context)


@login_required
def indicateur(request, pk, code):
    programme = programme_for(request, pk)
    indicateur = get_object_or_404(Indicateur, code=code)
    context = base_context(
        request,
        programme,
        indicateur.label,
        (reverse("diagnostic:programme", kwargs={"pk": programme.pk}), "Analyser"),
    )
    context.update(
        {
            "indicateur": indicateur,
            "values": indicator_history(etablissement=programme.ppo.etablissement, indicateur=indicateur),
            "delete_form": ConfirmForm(),
        }
    )
    return render(request, "diagnostic/indicateur.html", context)


@login_required
@require_POST
def valeur_delete_view(request, pk, valeur_pk):
    programme = programme_for(request, pk)
    _edit_context(request, programme, "")
    valeur = get_object_or_404(
        ValeurIndicateur.objects.select_related("indicateur"),
        pk=valeur_pk,
        etablissement_id=programme.ppo.etablissement_id,
    )
    if ConfirmForm(request.POST).is_valid():
        valeur_delete(valeur=valeur)
        messages.success(request, f"Valeur supprimée : {valeur.indicateur.label}, {valeur.year}-{valeur.year + 1}.")
    return redirect("diagnostic:indicateur", pk=programme.pk, code=valeur.indicateur.code)


def _edit_context(request, programme, title):
    context = base_context(
        request, programme, title, (reverse("diagnostic:programme", kwargs={"pk": programme.pk}), "Analyser")
    )
    if not context["can_edit_indicators"]:
        raise PermissionDenied("La direction et les rédacteurs saisissent les indicateurs.")
    return context


@login_required
@require_http_methods(["GET", "POST"])
def valeur_create(request, pk):
    programme = programme_for(request, pk)
    context = _edit_context(request, programme, "Saisir une valeur d’indicateur")
    form = ValeurForm(request.POST or None, initial=_prefill(request))
    if request.method == "POST" and form.is_valid():
        valeur = valeur_save(
            etablissement=programme.ppo.etablissement,
            indicateur=form.cleaned_data["indicateur"],
            year=form.cleaned_data["year"],
            scope=form.cleaned_data["scope"],
            value=form.cleaned_data["value"],
            user=request.user,
        )
        messages.success(request, f"Valeur enregistrée : {valeur.indicateur.label}, {valeur.year}-{valeur.year + 1}.")
        return redirect("diagnostic:programme", pk=programme.pk)
    context["form"] = form
    return render(request, "diagnostic/valeur_form.html", context)


def _prefill(request) -> dict:
    """`?indicateur=<code>&annee=2023&precision=…`: the link « corriger » of a value out of range."""
    initial = {}
    indicateur = Indicateur.objects.filter(code=request.GET.get("indicateur", "")).first()
    if indicateur is not None:
        initial["indicateur"] = indicateur.pk
    if request.GET.get("annee", "").isdigit():
        initial["year"] = int(request.GET["annee"])
    if request.GET.get("precision"):
        initial["scope"] = request.GET["precision"][:120]
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def valeurs_import_view(request, pk):
    programme = programme_for(request, pk)
    context = _edit_context(request, programme, "Importer des indicateurs")
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        fichier = form.cleaned_data["fichier"]
        job = import_job_start(
            programme=programme,
            user=request.user,
            name=fichier.name,
            data=fichier.read(),
            year=form.cleaned_data["year"],
        )
        if job.status != ImportIndicateurs.Statut.REFUSE:
            return redirect("diagnostic:import_job", pk=programme.pk, job_pk=job.pk)
        context["refused"] = job
    context["form"] = form
    return render(request, "diagnostic/import_form.html", context)


def _job_for(request, programme, job_pk) -> ImportIndicateurs:
    """An import of this programme, seen by those who may import (the person who sent it among them)."""
    _edit_context(request, programme, "")
    return get_object_or_404(ImportIndicateurs, pk=job_pk, programme=programme)


@login_required
def import_job(request, pk, job_pk):
    """The progress of an import, then its result. htmx asks again every two seconds until it is finished (286
    stops the polling); without JavaScript, the button « Actualiser » does the same."""
    programme = programme_for(request, pk)
    job = _job_for(request, programme, job_pk)
    context = _edit_context(request, programme, f"Import du fichier {job.file_name}")
    context.update({"job": job, "url": request.path})
    if request.htmx:
        return render(request, "diagnostic/_import_status.html", context, status=286 if job.is_finished else 200)
    return render(request, "diagnostic/import_job.html", context)


@login_required
def import_job_report(request, pk, job_pk):
    """The skipped rows of a finished import as a CSV file (line, identifier, reason), text kept as text."""
    programme = programme_for(request, pk)
    job = _job_for(request, programme, job_pk)
    if job.status != ImportIndicateurs.Statut.TERMINE:
        raise Http404("Aucun rapport pour cet import.")
    out = io.StringIO()
    write_report(out, [Skipped(line=line, key=key, reason=reason) for line, key, reason in job.skipped])
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="rapport-import-{job.pk}.csv"'
    return response


@login_required
def import_template(request, ext):
    if ext == "xlsx":
        response = HttpResponse(
            import_template_xlsx(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(import_template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="modele-indicateurs-ppo.{ext}"'
    return response
