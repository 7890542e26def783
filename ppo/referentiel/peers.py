"""« Établissements comparables »: the similar schools of a school, chosen by one rule (docs/academie.md)."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q


@dataclass(frozen=True)
class PeerRule:
    """What « établissements comparables » means, in one place (docs/academie.md): the same kind of school, an IPS
    within `ips_gap` points of the school's, the same académie; when fewer than `min_peers` are found, the région
    académique, then the whole country. A school without IPS is compared without that criterion."""

    ips_gap: Decimal = Decimal("10")
    min_peers: int = 5
    areas: tuple[str, ...] = ("academie", "region", "nation")


PEER_RULE = PeerRule()


@dataclass(frozen=True)
class PeerGroup:
    """The similar schools of one school, and how they were chosen (said on the page)."""

    schools: object  # a queryset of Etablissement
    n: int
    area: str
    description: str
    widened: bool


def _area_filter(area: str, etablissement) -> Q:
    if area == "academie":
        return Q(academie=etablissement.academie_id)
    if area == "region":
        return Q(academie__region=etablissement.academie.region_id)
    return Q(pk__isnull=False)  # the nation: every candidate


def _area_label(area: str, etablissement) -> str:
    if area == "academie":
        return f"l’académie de {etablissement.academie.name}"
    if area == "region":
        return f"la région académique {etablissement.academie.region.name}"
    return "toute la France"


def peer_group(*, etablissement, among, what: str, rule: PeerRule = PEER_RULE) -> PeerGroup:
    """The similar schools of `etablissement` among the schools `among` (those that have something to compare:
    a programme of the year, a value of an indicator), chosen by `rule`; `what` says in French what they have.
    At most one count per area tried (three queries)."""
    candidates = among.filter(is_active=True, kind=etablissement.kind).exclude(pk=etablissement.pk)
    ips = etablissement.ips
    if ips is not None:
        candidates = candidates.filter(ips__gte=ips - rule.ips_gap, ips__lte=ips + rule.ips_gap)
    counts = candidates.aggregate(
        **{f"n_{area}": Count("pk", filter=_area_filter(area, etablissement)) for area in rule.areas}
    )  # one query whatever the area finally kept
    area = next((a for a in rule.areas if counts[f"n_{a}"] >= rule.min_peers), rule.areas[-1])
    n = counts[f"n_{area}"]
    schools = candidates.filter(_area_filter(area, etablissement))
    ips_text = (
        f"IPS entre {_num(ips - rule.ips_gap)} et {_num(ips + rule.ips_gap)} (celui de l’établissement, {_num(ips)}, "
        f"à {_num(rule.ips_gap)} points près)"
        if ips is not None
        else "sans critère d’IPS (celui de l’établissement n’est pas renseigné)"
    )
    widened = area != rule.areas[0]
    description = (
        f"{n} établissement{'s' if n != 1 else ''} comparable{'s' if n != 1 else ''} : même type "
        f"({etablissement.get_kind_display().lower()}), {ips_text}, dans {_area_label(area, etablissement)}, "
        f"{what}"
    )
    if widened:
        description += (
            f" ; moins de {rule.min_peers} dans un périmètre plus proche, la recherche a été élargie à "
            f"{_area_label(area, etablissement)}"
        )
    return PeerGroup(schools=schools, n=n, area=area, description=description + ".", widened=widened)


def _num(value) -> str:
    return f"{Decimal(value):.1f}".rstrip("0").rstrip(".").replace(".", ",")
