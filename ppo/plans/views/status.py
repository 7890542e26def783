"""Adoption and publication, the history of changes, starting next year."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_http_methods, require_POST

from ppo.plans import lifecycle
from ppo.plans.enums import StatutProgramme
from ppo.plans.forms import DecisionForm
from ppo.plans.history import programme_history
from ppo.plans.perms import programme_for
from ppo.plans.selectors import programme_status_changes
from ppo.plans.services import programme_start_next_year
from ppo.plans.views.common import programme_context

# The steps recorded on this page, by the status their form posts (the transmission has its own page, in examen).
STEP_TRANSITIONS = {
    StatutProgramme.AVIS_CP: "avis_cp",
    StatutProgramme.ADOPTE_CA: "adopte_ca",
    StatutProgramme.PUBLIE: "publier",
}


@login_required
@require_http_methods(["GET", "POST"])
def statut(request, pk):
    programme = programme_for(request, pk)
    forms = {}
    if request.method == "POST":
        programme = programme_for(request, pk, need="manage")
        status = request.POST.get("status", "")
        form = DecisionForm(
            request.POST, status=status if status in STEP_TRANSITIONS else None, auto_id=f"id_{status}_%s"
        )
        if form.is_valid():
            try:
                lifecycle.take(
                    programme,
                    STEP_TRANSITIONS[StatutProgramme(form.cleaned_data["status"])],
                    request.user,
                    date_of_decision=form.cleaned_data.get("date_of_decision"),
                    comment=form.cleaned_data["comment"],
                )
            except lifecycle.TransitionError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, f"Statut enregistré : {programme.get_status_display()}.")
                return redirect("plans:statut", pk=programme.pk)
        else:
            forms[form.fields["status"].initial or status] = form
    steps = []
    available = lifecycle.allowed(programme, request.user)
    for transition in available:
        if transition.name not in STEP_TRANSITIONS.values():
            continue
        status = transition.target
        # Each step has its own form on the page: distinct ids, same field names.
        form = forms.get(status) or DecisionForm(
            initial={"status": status.value}, status=status, auto_id=f"id_{status.value}_%s"
        )
        steps.append({"status": status, "label": transition.label, "form": form})
    next_year_possible = (
        programme.year < programme.ppo.last_year
        and not programme.ppo.programmes.filter(year=programme.year + 1).exists()
    )
    return render(
        request,
        "plans/statut.html",
        programme_context(
            request,
            programme,
            title="Adoption et publication",
            current="statut",
            steps=steps,
            can_transmit=any(t.name == "transmettre" for t in available),
            changes=programme_status_changes(programme=programme),
            next_year_possible=next_year_possible,
        ),
    )


@login_required
@require_POST
def start_next_year(request, pk):
    programme = programme_for(request, pk, need="manage")
    follow_up = _bilan_carry_over_url(programme)
    if follow_up:
        # With the follow-up installed, next year starts from the bilan: keep / adjust / drop, a validated bilan
        # or the explicit « sans bilan validé » choice (suivi.services.programme_start_next_year_from_bilan).
        messages.info(request, "L’année suivante se prépare à partir du bilan : choisissez ce que vous reprenez.")
        return redirect(follow_up)
    try:
        nxt = programme_start_next_year(programme=programme, user=request.user)
    except (ValueError, IntegrityError):
        messages.error(request, "Le programme de l’année suivante existe déjà ou dépasse la durée du PPO.")
        return redirect("plans:statut", pk=programme.pk)
    messages.success(request, f"Le programme {nxt.year_label} est créé comme copie de {programme.year_label}.")
    return redirect("plans:programme", pk=nxt.pk)


def _bilan_carry_over_url(programme) -> str:
    """The follow-up's « Préparer l’année suivante » page, when that app is installed (plans does not import it)."""
    try:
        return reverse("suivi:annee_suivante", kwargs={"pk": programme.pk})
    except NoReverseMatch:
        return ""


@login_required
def history(request, pk):
    programme = programme_for(request, pk, need="history")
    page = Paginator(programme_history(programme=programme), 30).get_page(request.GET.get("page"))
    return render(
        request,
        "plans/history.html",
        programme_context(request, programme, title="Historique des modifications", current="history", page=page),
    )
