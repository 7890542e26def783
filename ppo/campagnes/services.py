"""Writes of the campagnes app: the campaign frame, transmissions and the review cycle."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from ppo.campagnes import notifications
from ppo.campagnes.enums import Ancrage, Decision, EtatRevue, SensCible
from ppo.campagnes.models import (
    Campagne,
    Commentaire,
    DecisionRevue,
    Priorite,
    TempsFort,
    Transmission,
    VolumeReference,
)
from ppo.campagnes.perms import TRANSMITTABLE
from ppo.campagnes.selectors import ca_adoption_recorded
from ppo.campagnes.snapshot import programme_snapshot
from ppo.plans.enums import StatutProgramme
from ppo.plans.models import ProgrammeAnnuel
from ppo.plans.services import programme_set_status

NO_CA_WARNING = "L’adoption du programme en conseil d’administration n’a pas été enregistrée avant la transmission."


def _shift(date: datetime.date | None, years: int) -> datetime.date | None:
    if date is None:
        return None
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # 29 February
        return date.replace(year=date.year + years, day=28)


@transaction.atomic
def campagne_create(
    *, academie, year: int, deadline: datetime.date, kinds: list[str], resources: str, user, copy_previous: bool
) -> Campagne:
    """A campaign for one school year; with `copy_previous`, the frame of the latest earlier campaign is carried
    forward: priorities, reference volumes, and temps forts with their dates moved by the number of years."""
    if Campagne.objects.filter(academie=academie, year=year).exists():
        raise ValidationError(f"Une campagne {year}-{year + 1} existe déjà pour l’académie {academie}.")
    previous = (
        Campagne.objects.filter(academie=academie, year__lt=year).order_by("-year").first() if copy_previous else None
    )
    campagne = Campagne.objects.create(
        academie=academie,
        year=year,
        deadline=deadline,
        kinds=list(kinds),
        resources=resources or (previous.resources if previous else ""),
        created_by=user,
        copied_from=previous,
    )
    if previous is None:
        return campagne
    gap = year - previous.year
    Priorite.objects.bulk_create(
        Priorite(
            campagne=campagne,
            text=p.text,
            indicator_label=p.indicator_label,
            indicator_code=p.indicator_code,
            target=p.target,
            unit=p.unit,
            target_direction=p.target_direction,
            order=p.order,
        )
        for p in previous.priorites.all()
    )
    VolumeReference.objects.bulk_create(
        VolumeReference(campagne=campagne, niveau_id=v.niveau_id, hours=v.hours) for v in previous.volumes.all()
    )
    for tf in previous.temps_forts.prefetch_related("niveaux"):
        copy = TempsFort.objects.create(
            campagne=campagne,
            label=tf.label,
            kind=tf.kind,
            start_date=_shift(tf.start_date, gap),
            end_date=_shift(tf.end_date, gap),
            description=tf.description,
        )
        copy.niveaux.set(tf.niveaux.all())
    return campagne


@transaction.atomic
def campagne_update(*, campagne: Campagne, deadline: datetime.date, kinds: list[str], resources: str) -> Campagne:
    campagne.deadline = deadline
    campagne.kinds = list(kinds)
    campagne.resources = resources
    campagne.save(update_fields=["deadline", "kinds", "resources"])
    return campagne


@transaction.atomic
def priorite_add(
    *,
    campagne: Campagne,
    text: str,
    indicator_label: str = "",
    indicator_code: str = "",
    target=None,
    unit: str = "",
    target_direction: str = SensCible.AU_MOINS,
) -> Priorite:
    last = campagne.priorites.order_by("-order").values_list("order", flat=True).first() or 0
    return Priorite.objects.create(
        campagne=campagne,
        text=text,
        indicator_label=indicator_label,
        indicator_code=indicator_code,
        target=target,
        unit=unit,
        target_direction=target_direction,
        order=last + 1,
    )


@transaction.atomic
def temps_fort_add(*, campagne: Campagne, niveaux=(), **fields) -> TempsFort:
    temps_fort = TempsFort(campagne=campagne, **fields)
    temps_fort.full_clean()
    temps_fort.save()
    temps_fort.niveaux.set(niveaux)
    return temps_fort


@transaction.atomic
def volume_set(*, campagne: Campagne, niveau, hours: Decimal | None) -> VolumeReference | None:
    """Sets the académie's reference volume for a level; an empty value returns to the national default."""
    if hours is None:
        VolumeReference.objects.filter(campagne=campagne, niveau=niveau).delete()
        return None
    volume, _ = VolumeReference.objects.update_or_create(campagne=campagne, niveau=niveau, defaults={"hours": hours})
    return volume


@transaction.atomic
def programme_transmit(*, programme, user) -> Transmission:
    """Freezes a copy of the programme, moves it to « transmis » and tells the académie and the bassin.

    Allowed from draft, CP advice, CA adoption, and « à compléter ». A transmission without a recorded CA adoption
    is accepted with a warning kept on the transmission: some schools hold their CA after the deadline.
    """
    programme = ProgrammeAnnuel.objects.select_for_update().get(pk=programme.pk)  # one transmission at a time
    if programme.status not in TRANSMITTABLE:
        raise ValidationError(f"Un programme « {programme.get_status_display()} » ne peut pas être transmis.")
    warning = "" if ca_adoption_recorded(programme=programme) else NO_CA_WARNING
    last = programme.transmissions.order_by("-number").values_list("number", flat=True).first() or 0
    programme_set_status(programme=programme, status=StatutProgramme.TRANSMIS, user=user)
    sent = Transmission.objects.create(
        programme=programme,
        number=last + 1,
        snapshot=programme_snapshot(programme=programme),
        warning=warning,
        created_by=user,
    )
    transaction.on_commit(lambda: notifications.notify_transmission(transmission=sent))
    return sent


DECISION_STATUS = {
    Decision.EN_COURS: (EtatRevue.EN_COURS, None),
    Decision.VALIDE: (EtatRevue.VALIDE, StatutProgramme.VALIDE),
    Decision.A_COMPLETER: (EtatRevue.A_COMPLETER, StatutProgramme.A_COMPLETER),
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
    review_status, programme_status = DECISION_STATUS[Decision(decision)]
    transmission.review_status = review_status
    transmission.save(update_fields=["review_status"])
    if programme_status is not None:
        programme_set_status(programme=programme, status=programme_status, user=user, comment=message)
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


@transaction.atomic
def priorite_delete(*, priorite: Priorite) -> None:
    priorite.delete()


@transaction.atomic
def temps_fort_delete(*, temps_fort: TempsFort) -> None:
    temps_fort.delete()
