"""Writes of the review: transmitting a programme, the académie's decisions, comments and replies."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from ppo.examen import notifications
from ppo.examen.enums import Ancrage, Decision, EtatRevue
from ppo.examen.models import Commentaire, DecisionRevue, Transmission
from ppo.examen.selectors import ca_adoption_recorded
from ppo.examen.snapshot import programme_snapshot
from ppo.plans import lifecycle

NO_CA_WARNING = "L’adoption du programme en conseil d’administration n’a pas été enregistrée avant la transmission."


def programme_transmit(*, programme, user, justification: str = "") -> Transmission:
    """Moves the programme to « transmis » through its life cycle (`plans.lifecycle`, transition `transmettre`):
    who, state, open points (a justification, or refused when the campaign asks for a complete programme).
    The frozen copy and the e-mails are the transition's effect, `transmission_create` below.

    Raises `ValidationError` with the French reason when refused.
    """
    try:
        taken = lifecycle.take(programme, "transmettre", user, justification=justification)
    except lifecycle.TransitionError as exc:
        raise ValidationError(str(exc)) from exc
    return taken.effects["transmission"]


def transmission_create(*, programme, user, change, data) -> Transmission:
    """The effect of `transmettre` (registered in `ExamenConfig.ready`): the frozen copy the académie reviews,
    with the open points and their justification, then the e-mails to the académie and the bassin.

    A transmission without a recorded CA adoption is accepted with a warning kept on the transmission: some
    schools hold their CA after the deadline."""
    warning = "" if ca_adoption_recorded(programme=programme) else NO_CA_WARNING
    last = programme.transmissions.order_by("-number").values_list("number", flat=True).first() or 0
    points = lifecycle.open_points(programme)
    sent = Transmission.objects.create(
        programme=programme,
        number=last + 1,
        snapshot=programme_snapshot(programme=programme),
        warning=warning,
        justification=(data.get("justification") or "").strip() if points else "",
        open_points=[point.message for point in points],
        created_by=user,
    )
    transaction.on_commit(lambda: notifications.notify_transmission(transmission=sent))
    return sent


# Each decision: the state of the review, and the programme's transition (none while the review goes on).
DECISION_STATUS = {
    Decision.EN_COURS: (EtatRevue.EN_COURS, None),
    Decision.VALIDE: (EtatRevue.VALIDE, "valider"),
    Decision.A_COMPLETER: (EtatRevue.A_COMPLETER, "renvoyer"),
}


@transaction.atomic
def transmission_decide(*, transmission: Transmission, decision: str, message: str, user) -> DecisionRevue:
    """A step of the review of the latest transmission; the programme follows (validated or sent back)."""
    transmission = Transmission.objects.select_for_update().select_related("programme").get(pk=transmission.pk)
    programme = transmission.programme
    if programme.transmissions.filter(number__gt=transmission.number).exists():
        raise ValidationError("Une transmission plus récente existe : c’est elle qu’il faut examiner.")
    if transmission.review_status in (EtatRevue.VALIDE, EtatRevue.A_COMPLETER):
        raise ValidationError("Cette transmission a déjà reçu une décision.")
    if decision == Decision.A_COMPLETER and not (message.strip() or transmission.commentaires.exists()):
        raise ValidationError("Pour renvoyer le programme à compléter, écrivez un message ou un commentaire.")
    review_status, transition = DECISION_STATUS[Decision(decision)]
    if transition is not None:
        try:
            lifecycle.take(programme, transition, user, comment=message)
        except lifecycle.TransitionError as exc:
            raise ValidationError(str(exc)) from exc
    transmission.review_status = review_status
    transmission.save(update_fields=["review_status"])
    step = DecisionRevue.objects.create(transmission=transmission, decision=decision, message=message, by=user)
    transaction.on_commit(lambda: notifications.notify_decision(decision=step))
    return step


def _parse_anchor(anchor: str, snapshot: dict) -> dict:
    if anchor == "general":
        return {"anchor_kind": Ancrage.GENERAL}
    kind, _, value = anchor.partition(":")
    if kind == "section" and value:
        return {"anchor_kind": Ancrage.SECTION, "section_code": value}
    if kind == "action" and value.isdigit() and any(a["id"] == int(value) for a in snapshot.get("actions", [])):
        return {"anchor_kind": Ancrage.ACTION, "action_id": int(value)}
    raise ValidationError("Choisissez à quoi se rapporte le commentaire.")


@transaction.atomic
def commentaire_add(*, transmission: Transmission, anchor: str, text: str, user) -> Commentaire:
    """A reviewer's comment, anchored to the whole programme (`general`), a section or an action of the snapshot."""
    comment = Commentaire.objects.create(
        transmission=transmission, text=text, author=user, **_parse_anchor(anchor, transmission.snapshot)
    )
    transaction.on_commit(lambda: notifications.notify_comment(comment=comment))
    return comment


@transaction.atomic
def commentaire_reply(*, comment: Commentaire, text: str, user) -> Commentaire:
    """The school's answer to a comment (a reply is attached to the first comment of its thread)."""
    if comment.parent_id:
        raise PermissionDenied("On répond au commentaire d’origine.")
    reply = Commentaire.objects.create(
        transmission=comment.transmission,
        parent=comment,
        anchor_kind=comment.anchor_kind,
        section_code=comment.section_code,
        action_id=comment.action_id,
        text=text,
        author=user,
    )
    transaction.on_commit(lambda: notifications.notify_reply(reply=reply))
    return reply
