"""The follow-up of the actions: the programme's home, « mes actions à renseigner », the quick form, attachments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header

from ppo.plans.perms import programme_for
from ppo.suivi import selectors, services
from ppo.suivi.forms import PieceJointeForm, SuiviForm
from ppo.suivi.perms import (
    can_edit_bilan,
    can_open_attachments,
    can_record_suivi,
    can_start_next_year,
)
from ppo.suivi.views.common import action_or_404, crumbs, piece_or_404, require

FROM_MY_LIST = "mes-actions"


MINE = "miennes"


@login_required
def mes_actions(request):
    """The actions the user may fill that wait for their follow-up; « les miennes »: those they are responsable of."""
    mine = request.GET.get("quelles") == MINE
    actions = selectors.actions_to_fill(user=request.user, mine=mine)
    today = timezone.localdate()
    return render(
        request,
        "suivi/mes_actions.html",
        {
            "title": "Mes actions à renseigner",
            "breadcrumb_data": crumbs(None, current="Mes actions à renseigner"),
            "mine": mine,
            "late": [a for a in actions if selectors.needs_follow_up(a, today)],
            "coming": [a for a in actions if not selectors.needs_follow_up(a, today)],
        },
    )


@login_required
def programme(request, pk):
    programme = programme_for(request, pk)
    actions = list(selectors.actions_for_suivi(programme=programme))
    adjustments = selectors.adjustments_for(programme=programme)
    for item in actions:
        item.adjustment = adjustments.get(item.pk)
    today = timezone.localdate()
    to_fill = sorted(
        (a for a in actions if selectors.needs_follow_up(a, today)),
        key=lambda a: (selectors.planned_last_day(a), a.pk),
    )
    return render(
        request,
        "suivi/programme.html",
        {
            "title": f"Suivi des actions {programme.year_label}",
            "breadcrumb_data": crumbs(None, current=f"Suivi {programme.year_label}"),
            "programme": programme,
            "etablissement": programme.ppo.etablissement,
            "actions": actions,
            "to_fill": to_fill,
            "can_record": can_record_suivi(request.user, programme),
            "can_edit_bilan": can_edit_bilan(request.user, programme),
            "can_start_next_year": can_start_next_year(request.user, programme),
        },
    )


def _back_url(request, action):
    if request.POST.get("depuis", request.GET.get("depuis")) == FROM_MY_LIST:
        return reverse("suivi:mes_actions")
    return reverse("suivi:programme", kwargs={"pk": action.programme_id})


def _initial(suivi):
    if suivi is None:
        return {"status": "realisee", "version": None}
    fields = ["status", "reason", "actual_date", "hours_spent", "girls", "boys", "classes", "partners_other"]
    initial = {name: getattr(suivi, name) for name in fields}
    initial.update(
        evaluation=suivi.evaluation, comment=suivi.comment, version=suivi.version, partners=suivi.partners.all()
    )
    return initial


def _render_action(request, action, form, upload_form, status=200):
    suivi = getattr(action, "suivi", None)
    programme = action.programme
    return render(
        request,
        "suivi/action.html",
        {
            "title": f"Suivi : {action.title}",
            "breadcrumb_data": crumbs(programme, current=action.title),
            "action": action,
            "suivi": suivi,
            "pieces": list(suivi.pieces.all()) if suivi else [],
            "niveaux": list(action.niveaux.all()),
            "form": form,
            "upload_form": upload_form,
            "can_record": can_record_suivi(request.user, programme),
            "can_open_attachments": can_open_attachments(request.user, programme),
            "depuis": request.POST.get("depuis", request.GET.get("depuis", "")),
            "back_url": _back_url(request, action),
        },
        status=status,
    )


@login_required
def action(request, pk):
    action = action_or_404(request.user, pk)
    suivi = getattr(action, "suivi", None)
    if request.method == "POST":
        require(can_record_suivi(request.user, action.programme))
        form = SuiviForm(request.POST, action=action)
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                services.suivi_record(action=action, user=request.user, **data)
            except ValidationError as exc:
                # Field errors come as a dict; a newer saved version (StaleVersionError) as one message.
                form.add_error(None, exc)
            else:
                messages.success(request, f"Le suivi de « {action.title} » est enregistré.")
                return redirect(_back_url(request, action))
    else:
        form = SuiviForm(initial=_initial(suivi), action=action)
    return _render_action(request, action, form, PieceJointeForm())


@login_required
def piece_ajout(request, pk):
    action = action_or_404(request.user, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    require(can_record_suivi(request.user, action.programme))
    upload_form = PieceJointeForm(request.POST, request.FILES)
    if upload_form.is_valid():
        services.piece_jointe_add(
            action=action,
            user=request.user,
            uploaded=upload_form.cleaned_data["file"],
            description=upload_form.cleaned_data["description"],
        )
        messages.success(request, "La pièce jointe est ajoutée.")
        return redirect("suivi:action", pk=action.pk)
    form = SuiviForm(initial=_initial(getattr(action, "suivi", None)), action=action)
    return _render_action(request, action, form, upload_form, status=400)


@login_required
def piece(request, pk):
    piece = piece_or_404(request.user, pk)
    require(can_open_attachments(request.user, piece.suivi.action.programme))
    # Attachments are small (settings.UPLOAD_MAX_BYTES): read at once, so the file is closed before answering.
    with piece.file.open("rb") as handle:
        content = handle.read()
    response = HttpResponse(content, content_type=piece.content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=piece.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def piece_suppression(request, pk):
    piece = piece_or_404(request.user, pk)
    action = piece.suivi.action
    require(can_record_suivi(request.user, action.programme))
    if request.method == "POST":
        services.piece_jointe_delete(piece=piece, user=request.user)
        messages.success(request, f"La pièce jointe « {piece.original_name} » est supprimée.")
        return redirect("suivi:action", pk=action.pk)
    return render(
        request,
        "suivi/piece_suppression.html",
        {
            "title": "Supprimer une pièce jointe",
            "breadcrumb_data": crumbs(
                action.programme,
                (reverse("suivi:action", kwargs={"pk": action.pk}), action.title),
                current="Supprimer une pièce jointe",
            ),
            "piece": piece,
            "action": action,
        },
    )
