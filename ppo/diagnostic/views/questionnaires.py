"""The questionnaires: each respondent answers; the direction reads them side by side and takes up the inventory."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from ppo.diagnostic import perms
from ppo.diagnostic.enums import Public, TypeQuestion
from ppo.diagnostic.forms import ConfirmForm, ConversionForm, InventaireItemForm, ReponseForm
from ppo.diagnostic.models import ActionInventaire, Questionnaire, Reponse
from ppo.diagnostic.selectors import (
    aggregated,
    inventory_items,
    questionnaire_sections,
    respondents,
    side_by_side,
)
from ppo.diagnostic.services import (
    inventaire_item_add,
    inventaire_item_convert,
    inventaire_item_delete,
    reponse_get_or_create,
    reponse_save,
)
from ppo.diagnostic.views.common import base_context
from ppo.plans.perms import programme_for


def _analyse_link(programme):
    return (reverse("diagnostic:programme", kwargs={"pk": programme.pk}), "Analyser")


def _require_answer(request, programme, questionnaire):
    if perms.can_answer_questionnaire(request.user, programme, questionnaire):
        return
    if questionnaire.audience == Public.DIRECTION and perms.can_answer(request.user, programme):
        raise PermissionDenied(f"« {questionnaire.title} » est rempli par l’équipe de direction seulement.")
    raise PermissionDenied("Les questionnaires sont remplis par la direction et les équipes éducatives.")


@login_required
@require_http_methods(["GET", "POST"])
def answer(request, pk, code):
    programme = programme_for(request, pk)
    questionnaire = get_object_or_404(Questionnaire, code=code)
    _require_answer(request, programme, questionnaire)
    reponse = Reponse.objects.filter(programme=programme, questionnaire=questionnaire, respondent=request.user).first()
    sections = questionnaire_sections(questionnaire=questionnaire)
    answers = {a.question_id: a for a in reponse.answers.all()} if reponse else {}
    form = ReponseForm(request.POST or None, sections=sections, answers=answers)
    if request.method == "POST" and form.is_valid():
        reponse = reponse or reponse_get_or_create(programme=programme, questionnaire=questionnaire, user=request.user)
        submit = "envoyer" in request.POST
        reponse_save(reponse=reponse, answers=form.answers(), submit=submit)
        if submit:
            messages.success(request, "Vos réponses ont été envoyées à la direction.")
        else:
            messages.success(request, "Vos réponses ont été enregistrées.")
        return redirect("diagnostic:answer", pk=programme.pk, code=questionnaire.code)
    has_inventory = any(q.kind == TypeQuestion.ACTIONS for s in sections for q in s.questions.all())
    context = base_context(request, programme, questionnaire.title, _analyse_link(programme))
    context.update(
        {
            "questionnaire": questionnaire,
            "reponse": reponse,
            "form": form,
            "has_inventory": has_inventory,
            "items": inventory_items(programme=programme, reponses=[reponse]) if reponse else [],
            "item_form": InventaireItemForm(etablissement=programme.ppo.etablissement) if has_inventory else None,
        }
    )
    return render(request, "diagnostic/answer.html", context)


@login_required
@require_POST
def inventaire_add(request, pk, code):
    programme = programme_for(request, pk)
    questionnaire = get_object_or_404(Questionnaire, code=code)
    _require_answer(request, programme, questionnaire)
    form = InventaireItemForm(request.POST, etablissement=programme.ppo.etablissement)
    if form.is_valid():
        reponse = reponse_get_or_create(programme=programme, questionnaire=questionnaire, user=request.user)
        item = inventaire_item_add(reponse=reponse, **form.cleaned_data)
        messages.success(request, f"Action ajoutée à votre inventaire : {item.title}.")
    else:
        messages.error(request, "L’action n’a pas été ajoutée : indiquez au moins son intitulé.")
    return redirect(reverse("diagnostic:answer", kwargs={"pk": programme.pk, "code": code}) + "#inventaire")


def _item_for(request, pk) -> ActionInventaire:
    item = get_object_or_404(
        ActionInventaire.objects.select_related("reponse__programme__ppo__etablissement", "reponse__questionnaire"),
        pk=pk,
    )
    programme = item.reponse.programme
    if not perms.can_view_programme(request.user, programme) or not perms.can_read_reponse(request.user, item.reponse):
        raise Http404("Action introuvable.")
    return item


@login_required
@require_POST
def inventaire_delete(request, pk):
    item = _item_for(request, pk)
    if item.reponse.respondent_id != request.user.pk:
        raise PermissionDenied("Seul l’auteur de l’inventaire le modifie.")
    form = ConfirmForm(request.POST)
    if form.is_valid():
        try:
            inventaire_item_delete(item=item)
        except ValueError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"Action retirée de votre inventaire : {item.title}.")
    url = reverse(
        "diagnostic:answer", kwargs={"pk": item.reponse.programme_id, "code": item.reponse.questionnaire.code}
    )
    return redirect(url + "#inventaire")


@login_required
def side_by_side_view(request, pk, code):
    programme = programme_for(request, pk)
    questionnaire = get_object_or_404(Questionnaire, code=code)
    if not perms.can_read_all_answers(request.user, programme):
        raise PermissionDenied("Seule la direction lit toutes les réponses.")
    reponses, sections = side_by_side(programme=programme, questionnaire=questionnaire)
    context = base_context(request, programme, f"Réponses — {questionnaire.title}", _analyse_link(programme))
    context.update(
        {
            "questionnaire": questionnaire,
            "reponses": reponses,
            "sections": sections,
            "people": respondents(programme=programme, questionnaire=questionnaire),
        }
    )
    return render(request, "diagnostic/side_by_side.html", context)


@login_required
def aggregated_view(request, pk, code):
    programme = programme_for(request, pk)
    questionnaire = get_object_or_404(Questionnaire, code=code)
    if not perms.can_read_all_answers(request.user, programme):
        raise PermissionDenied("Seule la direction lit toutes les réponses.")
    context = base_context(
        request, programme, f"Synthèse des réponses — {questionnaire.title}", _analyse_link(programme)
    )
    context.update(
        {"questionnaire": questionnaire, "aggregate": aggregated(programme=programme, questionnaire=questionnaire)}
    )
    return render(request, "diagnostic/aggregated.html", context)


@login_required
def inventaire(request, pk):
    programme = programme_for(request, pk)
    if not perms.can_read_all_answers(request.user, programme):
        raise PermissionDenied("Seule la direction reprend l’inventaire dans le plan.")
    context = base_context(request, programme, "Inventaire des actions existantes", _analyse_link(programme))
    context.update(
        {
            "items": inventory_items(programme=programme),
            "can_convert": perms.can_convert_inventory(request.user, programme),
        }
    )
    return render(request, "diagnostic/inventaire.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def inventaire_convert(request, pk):
    item = _item_for(request, pk)
    programme = item.reponse.programme
    if not perms.can_convert_inventory(request.user, programme):
        raise PermissionDenied(
            "Seule la direction reprend l’inventaire dans le plan, tant que le programme est modifiable."
        )
    inventory_url = reverse("diagnostic:inventaire", kwargs={"pk": programme.pk})
    if item.action_id:
        messages.info(request, "Cette action a déjà été reprise dans le plan.")
        return redirect(inventory_url)
    etablissement = programme.ppo.etablissement
    form = ConversionForm(request.POST or None, etablissement=etablissement, initial=ConversionForm.initial_from(item))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        action = inventaire_item_convert(
            item=item, programme=programme, user=request.user, niveaux=list(data.pop("niveaux")), **data
        )
        messages.success(request, f"Action ajoutée au plan : {action.title}.")
        return redirect(inventory_url)
    context = base_context(
        request,
        programme,
        f"Reprendre dans le plan : {item.title}",
        _analyse_link(programme),
        (inventory_url, "Inventaire"),
    )
    context.update({"item": item, "form": form})
    return render(request, "diagnostic/inventaire_convert.html", context)
