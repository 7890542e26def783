"""Reads of the campaign frame, for this app and for plans, diagnostic, suivi and documents."""

from decimal import Decimal

from django.db.models import Count, Prefetch, Q

from ppo.campagnes.models import Campagne, TempsFort
from ppo.referentiel.models import Niveau


def campagne_for(*, etablissement, year: int) -> Campagne | None:
    """The campaign of the school's académie for that school year, if the school's kind is concerned."""
    campagne = (
        Campagne.objects.filter(academie_id=etablissement.academie_id, year=year).prefetch_related("priorites").first()
    )
    if campagne is None or (campagne.kinds and etablissement.kind not in campagne.kinds):
        return None
    return campagne


def temps_forts_for(*, etablissement, year: int) -> list[TempsFort]:
    """Temps forts of the campaign for the levels the school teaches (or for every level)."""
    campagne = campagne_for(etablissement=etablissement, year=year)
    if campagne is None:
        return []
    niveau_ids = list(etablissement.niveaux.values_list("pk", flat=True))
    return list(
        campagne.temps_forts.annotate(n_niveaux=Count("niveaux"))
        .filter(Q(n_niveaux=0) | Q(niveaux__in=niveau_ids))
        .prefetch_related("niveaux")
        .distinct()
        .order_by("start_date", "pk")
    )


def reference_hours_for(*, etablissement, year: int) -> dict[int, Decimal | None]:
    """Reference hours per level taught: the campaign's volume if set, else the national default."""
    campagne = campagne_for(etablissement=etablissement, year=year)
    overrides = {}
    if campagne is not None:
        overrides = dict(campagne.volumes.values_list("niveau_id", "hours"))
    return {
        niveau.pk: overrides.get(niveau.pk, niveau.reference_hours)
        for niveau in etablissement.niveaux.order_by("order")
    }


def campagne_reference_hours(*, campagne: Campagne) -> list[dict]:
    """Every level with its national default and the campaign's volume, for the campaign page."""
    overrides = dict(campagne.volumes.values_list("niveau_id", "hours"))
    return [
        {"niveau": n, "national": n.reference_hours, "academie": overrides.get(n.pk)}
        for n in Niveau.objects.order_by("order")
    ]


def campagnes_visible(*, academie_ids, all_academies: bool = False):
    qs = Campagne.objects.select_related("academie").annotate(
        n_priorites=Count("priorites", distinct=True), n_temps_forts=Count("temps_forts", distinct=True)
    )
    return qs if all_academies else qs.filter(academie_id__in=academie_ids)


def campagne_detail(*, pk: int) -> Campagne:
    return (
        Campagne.objects.select_related("academie", "copied_from", "created_by")
        .prefetch_related("priorites", Prefetch("temps_forts", queryset=TempsFort.objects.prefetch_related("niveaux")))
        .get(pk=pk)
    )
