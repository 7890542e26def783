"""The bilan of a school year (read, edit, validate) and starting next year's programme from it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ppo.plans.perms import programme_for
from ppo.suivi import charts, selectors, services
from ppo.suivi.enums import DecisionReprise, Evaluation, StatutSuivi
from ppo.suivi.forms import BilanForm, RepriseForm
from ppo.suivi.models import Bilan
from ppo.suivi.perms import can_edit_bilan, can_start_next_year, can_validate_bilan
from ppo.suivi.views.common import crumbs, require


@login_required
def bilan(request, pk):
    programme = programme_for(request, pk)
    data = selectors.bilan_for_programme(programme=programme)
    objective_charts = [charts.objective_chart(o, i) for i, o in enumerate(data["objectives"], start=1)]
    return render(
        request,
        "suivi/bilan.html",
        {
            "title": f"Bilan {programme.year_label}",
            "breadcrumb_data": crumbs(programme, current="Bilan"),
            "programme": programme,
            "bilan": data,
            "axis_chart": charts.axis_chart(data),
            "hours_chart": charts.hours_chart(data),
            "objectives": list(zip(data["objectives"], objective_charts, strict=True)),
            "can_edit": can_edit_bilan(request.user, programme) and data["status"] != "valide",
            "can_validate": can_validate_bilan(request.user, programme) and data["status"] != "valide",
            "can_reopen": can_validate_bilan(request.user, programme) and data["status"] == "valide",
            "can_start_next_year": can_start_next_year(request.user, programme),
        },
    )


@login_required
def bilan_modifier(request, pk):
    programme = programme_for(request, pk)
    require(can_edit_bilan(request.user, programme))
    instance = Bilan.objects.filter(programme=programme).first()
    if instance is not None and instance.is_validated:
        messages.info(request, "Ce bilan est validé : il ne peut plus être modifié.")
        return redirect("suivi:bilan", pk=programme.pk)
    if request.method == "POST":
        form = BilanForm(request.POST, instance=instance)
        if form.is_valid():
            texts = {name: form.cleaned_data[name] for name in Bilan.TEXT_FIELDS}
            try:
                services.bilan_update(
                    programme=programme, user=request.user, version=form.cleaned_data["version"], **texts
                )
            except ValidationError as exc:
                form.add_error(None, exc.messages)
            else:
                messages.success(request, "Le bilan est enregistré.")
                return redirect("suivi:bilan", pk=programme.pk)
    else:
        form = BilanForm(instance=instance, initial={"version": instance.version if instance else 1})
    return render(
        request,
        "suivi/bilan_modifier.html",
        {
            "title": f"Modifier le bilan {programme.year_label}",
            "breadcrumb_data": crumbs(
                programme,
                (reverse("suivi:bilan", kwargs={"pk": programme.pk}), "Bilan"),
                current="Modifier",
            ),
            "programme": programme,
            "form": form,
        },
    )


@login_required
@require_POST
def bilan_valider(request, pk):
    programme = programme_for(request, pk)
    require(can_validate_bilan(request.user, programme))
    try:
        services.bilan_validate(programme=programme, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Le bilan est validé : ses chiffres sont figés à la date d’aujourd’hui.")
    return redirect("suivi:bilan", pk=programme.pk)


@login_required
@require_POST
def bilan_rouvrir(request, pk):
    programme = programme_for(request, pk)
    require(can_validate_bilan(request.user, programme))
    try:
        services.bilan_reopen(programme=programme, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Le bilan est rouvert : ses chiffres suivent de nouveau les suivis saisis.")
    return redirect("suivi:bilan", pk=programme.pk)


def _proposed(action) -> str:
    """The decision proposed from the action's follow-up (the direction chooses)."""
    suivi = getattr(action, "suivi", None)
    if suivi is None:
        return DecisionReprise.GARDER
    if suivi.status == StatutSuivi.ANNULEE or suivi.evaluation == Evaluation.NON:
        return DecisionReprise.ABANDONNER
    if suivi.status == StatutSuivi.REPORTEE or suivi.evaluation == Evaluation.PARTIELLEMENT:
        return DecisionReprise.AJUSTER
    return DecisionReprise.GARDER


@login_required
def annee_suivante(request, pk):
    programme = programme_for(request, pk)
    require(can_start_next_year(request.user, programme))
    refusal = services.next_year_refusal(programme=programme)
    nxt = selectors.next_programme_of(programme)
    there = selectors.already_carried(programme=programme, nxt=nxt)
    validated = selectors.bilan_is_validated(programme=programme)
    actions = list(selectors.actions_for_suivi(programme=programme))
    form = RepriseForm(
        request.POST or None,
        actions=actions,
        initial_decisions={a.pk: _proposed(a) for a in actions},
        ask_without_bilan=not validated,
    )
    if request.method == "POST":
        if refusal:
            messages.error(request, refusal)
            return redirect("suivi:annee_suivante", pk=programme.pk)
        if form.is_valid():
            try:
                reprise = services.programme_start_next_year_from_bilan(
                    programme=programme,
                    user=request.user,
                    decisions=form.decisions(),
                    notes=form.notes(),
                    without_validated_bilan=form.continues_without_bilan(),
                )
            except ValidationError as exc:
                form.add_error(None, exc.messages)
            else:
                messages.success(request, _reprise_message(reprise))
                return redirect("suivi:programme", pk=reprise.target_id)
    return render(
        request,
        "suivi/annee_suivante.html",
        {
            "title": f"Préparer l’année {programme.year + 1}-{programme.year + 2}",
            "breadcrumb_data": crumbs(
                programme,
                (reverse("suivi:bilan", kwargs={"pk": programme.pk}), "Bilan"),
                current="Année suivante",
            ),
            "programme": programme,
            "next_programme": nxt,
            "already_there": there,
            "bilan_validated": validated,
            "form": form,
            "refusal": refusal,
            "reprises": selectors.reprises_of(programme=programme),
        },
    )


def _reprise_message(reprise) -> str:
    label = reprise.target.year_label
    if reprise.created_target:
        text = f"Le programme {label} est créé à partir du bilan : {reprise.added} action(s) reprise(s)."
    else:
        text = f"{reprise.added} action(s) ajoutée(s) au programme {label}"
        if reprise.already_there:
            text += f" ; {reprise.already_there} déjà présente(s), laissée(s) telle(s) quelle(s)"
        text += "."
        if reprise.dropped_still_there:
            text += (
                f" {reprise.dropped_still_there} action(s) « ne pas reprendre » sont déjà dans ce programme et y "
                "restent : supprimez-les depuis le programme si besoin."
            )
    if not reprise.bilan_validated:
        text += " Reprise faite sans bilan validé (enregistré dans l’historique)."
    return text
