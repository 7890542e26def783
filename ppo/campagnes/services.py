"""Writes of the campaign frame: the campaign, its priorities, temps forts and reference hours."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from ppo.campagnes.enums import SensCible
from ppo.campagnes.models import (
    Campagne,
    Priorite,
    TempsFort,
    VolumeReference,
)


def _shift(date: datetime.date | None, years: int) -> datetime.date | None:
    if date is None:
        return None
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # 29 February
        return date.replace(year=date.year + years, day=28)


@transaction.atomic
def campagne_create(
    *,
    academie,
    year: int,
    deadline: datetime.date,
    kinds: list[str],
    resources: str,
    user,
    copy_previous: bool,
    requires_complete: bool = False,
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
        requires_complete=requires_complete,
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
def campagne_update(
    *, campagne: Campagne, deadline: datetime.date, kinds: list[str], resources: str, requires_complete: bool = False
) -> Campagne:
    campagne.deadline = deadline
    campagne.kinds = list(kinds)
    campagne.resources = resources
    campagne.requires_complete = requires_complete
    campagne.save(update_fields=["deadline", "kinds", "resources", "requires_complete"])
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
def priorite_delete(*, priorite: Priorite) -> None:
    priorite.delete()


@transaction.atomic
def temps_fort_delete(*, temps_fort: TempsFort) -> None:
    temps_fort.delete()
