"""Transmission of a programme and its review: decisions, anchored comments, the school's replies."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ppo.campagnes import selectors as campagnes_selectors
from ppo.examen import perms, selectors, services
from ppo.examen.forms import CommentaireForm, DecisionForm, ReponseForm, TransmissionConfirmForm
from ppo.examen.indicators import indicators_comparison
from ppo.examen.snapshot import frozen_indicators, frozen_objectifs
from ppo.examen.views.common import commentaire_for, transmission_for
from ppo.plans import lifecycle
from ppo.plans.perms import can_view_programme, programme_for
from ppo.plans.selectors import programme_completeness, programme_meeting_dates
from ppo.referentiel.peers import PEER_RULE


@login_required
@require_GET
def programme_transmettre(request, pk):
    """The programme's exchanges with the académie; the direction goes on from here to the confirmation."""
    programme = programme_for(request, pk)
    can_transmit = perms.can_transmit(request.user, programme)
    etablissement = programme.ppo.etablissement
    return render(
        request,
        "examen/programme_transmettre.html",
        {
            "title": f"Transmission à l’académie — {etablissement.name} {programme.year_label}",
            "programme": programme,
            "etablissement": etablissement,
            "campagne": campagnes_selectors.campagne_for(etablissement=etablissement, year=programme.year),
            "can_transmit": can_transmit,
            "transmittable": programme.status in lifecycle.TRANSITIONS["transmettre"].sources,
            "ca_missing": not selectors.ca_adoption_recorded(programme=programme),
            "transmissions": selectors.transmissions_of(programme=programme),
            "timeline": selectors.timeline(programme=programme),
            "breadcrumb_data": {
                "links": [{"url": reverse("plans:programme", kwargs={"pk": programme.pk}), "title": "Programme"}],
                "current": "Transmission à l’académie",
            },
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def programme_transmettre_confirmer(request, pk):
    """Before transmitting: the open points, the CP and CA dates, what the académie will see (GET); the
    transmission itself (POST), with a justification when points remain open."""
    programme = programme_for(request, pk)
    if not perms.can_transmit(request.user, programme):
        raise PermissionDenied("Seule la direction de l’établissement transmet le programme à l’académie.")
    reason = lifecycle.refusal(programme, "transmettre", request.user)
    if reason:
        messages.error(request, reason)
        return redirect("examen:programme_transmettre", pk=programme.pk)
    points = programme_completeness(programme=programme)
    form = TransmissionConfirmForm(request.POST or None, open_points=bool(points))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                sent = services.programme_transmit(
                    programme=programme, user=request.user, justification=form.cleaned_data["justification"]
                )
            except ValidationError as exc:
                form.add_error("justification", exc.messages[0])
            else:
                messages.success(request, f"Programme transmis à l’académie (transmission n° {sent.number}).")
                if sent.warning:
                    messages.warning(request, sent.warning)
                return redirect("examen:programme_transmettre", pk=programme.pk)
        status = 400
    etablissement = programme.ppo.etablissement
    return render(
        request,
        "examen/programme_transmettre_confirmer.html",
        {
            "title": f"Confirmer la transmission — {etablissement.name} {programme.year_label}",
            "programme": programme,
            "etablissement": etablissement,
            "campagne": campagnes_selectors.campagne_for(etablissement=etablissement, year=programme.year),
            "points": points,
            "requires_complete": lifecycle.requires_complete(programme),
            "dates": programme_meeting_dates(programme=programme),
            "action_count": programme.actions.count(),
            "transmission_count": programme.transmissions.count(),
            "form": form,
            "breadcrumb_data": {
                "links": [
                    {"url": reverse("plans:programme", kwargs={"pk": programme.pk}), "title": "Programme"},
                    {
                        "url": reverse("examen:programme_transmettre", kwargs={"pk": programme.pk}),
                        "title": "Transmission à l’académie",
                    },
                ],
                "current": "Confirmer la transmission",
            },
        },
        status=status,
    )


def _review_context(request, transmission, **forms):
    programme = transmission.programme
    etablissement = programme.ppo.etablissement
    latest = selectors.latest_transmission(programme=programme)
    is_latest = latest is not None and latest.pk == transmission.pk
    can_review = perms.can_review(request.user, transmission)
    snapshot = transmission.snapshot
    by_axe = {}
    for action in snapshot["actions"]:
        action["thread_key"] = f"action:{action['id']}"
        by_axe.setdefault(action["axe"]["number"], []).append(action)
    axes = [
        {
            "number": n,
            "code": f"axe-{n}",
            "actions": by_axe.get(n, []),
            "label": by_axe[n][0]["axe"]["label"] if n in by_axe else "",
        }
        for n in sorted(set(by_axe) | {1, 2, 3})
    ]
    comparisons = _comparisons(request.user, transmission, can_review=can_review)
    frozen = None
    if comparisons["indicators"] is not None:
        # The values the transmission was sent with, each beside today's median of similar schools.
        medians = {
            (r["valeur"].indicateur_id, r["valeur"].year, r["valeur"].scope_key): (r["median"], r["n_peers"])
            for r in comparisons["indicators"]
        }
        frozen = frozen_indicators(
            snapshot=snapshot, etablissement=etablissement, year=programme.year, medians=medians
        )
        if frozen is not None:
            comparisons["indicators"] = frozen.rows if can_review else _hide_small(frozen.rows)
    return {
        "title": f"Transmission n° {transmission.number} — {etablissement.name} {programme.year_label}",
        "transmission": transmission,
        "programme": programme,
        "etablissement": etablissement,
        "snapshot": snapshot,
        "axes": axes,
        "threads": selectors.review_threads(transmission=transmission),
        "is_latest": is_latest,
        "latest": latest,
        "can_review": can_review,
        "can_reply": perms.can_reply(request.user, transmission),
        "can_open_programme": can_view_programme(request.user, programme),
        "completeness": programme_completeness(programme=programme) if is_latest else None,
        **comparisons,
        "indicators_frozen": frozen is not None,
        "indicators_added": frozen.added if frozen else [],
        "objectifs": frozen_objectifs(snapshot=snapshot, programme=programme),
        "decisions": transmission.decisions.select_related("by"),
        "decision_form": forms.get("decision_form") or DecisionForm(),
        "comment_form": forms.get("comment_form")
        or CommentaireForm(anchors=selectors.anchor_choices(snapshot=snapshot)),
        "reply_form": ReponseForm(),
        "breadcrumb_data": {
            "links": [
                {
                    "url": reverse("examen:programme_transmettre", kwargs={"pk": programme.pk}),
                    "title": "Transmission",
                }
            ],
            "current": f"Transmission n° {transmission.number}",
        },
    }


@login_required
def transmission(request, pk):
    sent = transmission_for(request, pk)
    return render(request, "examen/transmission.html", _review_context(request, sent))


@login_required
@require_POST
def transmission_decider(request, pk):
    sent = transmission_for(request, pk, need="review")
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.transmission_decide(transmission=sent, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc.messages[0])
        else:
            messages.success(request, "Décision enregistrée ; la direction de l’établissement est prévenue.")
            return redirect("examen:transmission", pk=sent.pk)
    return render(request, "examen/transmission.html", _review_context(request, sent, decision_form=form), status=400)


@login_required
@require_POST
def commentaire_ajouter(request, pk):
    sent = transmission_for(request, pk, need="review")
    form = CommentaireForm(request.POST, anchors=selectors.anchor_choices(snapshot=sent.snapshot))
    if form.is_valid():
        try:
            services.commentaire_add(
                transmission=sent,
                anchor=form.cleaned_data["anchor"],
                text=form.cleaned_data["text"],
                user=request.user,
            )
        except ValidationError as exc:
            form.add_error("anchor", exc.messages[0])
        else:
            messages.success(request, "Commentaire ajouté.")
            return redirect(reverse("examen:transmission", kwargs={"pk": sent.pk}) + "#commentaires")
    return render(request, "examen/transmission.html", _review_context(request, sent, comment_form=form), status=400)


@login_required
@require_POST
def commentaire_repondre(request, pk):
    comment = commentaire_for(request, pk)
    form = ReponseForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Écrivez votre réponse avant de l’envoyer.")
    else:
        services.commentaire_reply(comment=comment, text=form.cleaned_data["text"], user=request.user)
        messages.success(request, "Réponse envoyée à l’académie.")
    return redirect(reverse("examen:transmission", kwargs={"pk": comment.transmission_id}) + f"#c{comment.pk}")


def _hide_small(rows: list[dict]) -> list[dict]:
    """For the school's staff, a median of fewer than `PEER_RULE.min_peers` schools is not shown."""
    minimum = PEER_RULE.min_peers
    return [row if row["n_peers"] >= minimum else {**row, "median": None, "gap": None, "hidden": True} for row in rows]


def _comparisons(user, transmission, *, can_review: bool) -> dict:
    """The comparison with similar schools: for the reviewers, and for the school's staff when the averages hide
    every single school (at least `PEER_RULE.min_peers` schools behind each figure)."""
    programme = transmission.programme
    etablissement = programme.ppo.etablissement
    if not (can_review or perms.can_reply(user, transmission)):
        return {"indicators": None, "peers": None}
    indicators = indicators_comparison(etablissement=etablissement, year=programme.year)
    peers = selectors.peers_comparison(transmission=transmission)
    if not can_review:
        minimum = PEER_RULE.min_peers
        indicators["rows"] = _hide_small(indicators["rows"])
        if peers["n_peers"] < minimum:
            peers = {**peers, "hidden": True}
    return {
        "indicators": indicators["rows"],
        "indicators_description": indicators["description"],
        "peers": peers,
    }
