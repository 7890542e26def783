"""Reads of the campaign frame and of the review, for this app and for plans, suivi and documents."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, Sum

from ppo.campagnes.enums import Ancrage
from ppo.campagnes.models import Campagne, Commentaire, DecisionRevue, TempsFort, Transmission
from ppo.plans.enums import StatutProgramme
from ppo.plans.models import Action, ProgrammeAnnuel, StatutChange
from ppo.plans.perms import SEEN_BY_SUPERVISORS
from ppo.referentiel.models import Etablissement, Niveau


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


def ca_adoption_recorded(*, programme) -> bool:
    return StatutChange.objects.filter(programme=programme, status=StatutProgramme.ADOPTE_CA).exists()


def transmissions_of(*, programme) -> list[Transmission]:
    return list(programme.transmissions.select_related("created_by").order_by("-number"))


def transmission_detail(*, pk: int) -> Transmission:
    return Transmission.objects.select_related(
        "programme__ppo__etablissement__bassin", "programme__ppo__etablissement__academie", "created_by"
    ).get(pk=pk)


def latest_transmission(*, programme) -> Transmission | None:
    return programme.transmissions.order_by("-number").first()


def timeline(*, programme) -> list[dict]:
    """Every exchange about a programme, dated, oldest first: transmissions, decisions, comments and replies."""
    transmissions = Transmission.objects.filter(programme=programme).select_related("created_by")
    decisions = DecisionRevue.objects.filter(transmission__programme=programme).select_related("by", "transmission")
    comments = Commentaire.objects.filter(transmission__programme=programme).select_related("author", "transmission")
    events = [{"at": t.created_at, "kind": "transmission", "object": t} for t in transmissions]
    events += [{"at": d.at, "kind": "decision", "object": d} for d in decisions]
    events += [
        {"at": c.created_at, "kind": "reponse" if c.parent_id else "commentaire", "object": c} for c in comments
    ]
    return sorted(events, key=lambda e: e["at"])


def anchor_choices(*, snapshot: dict) -> list[tuple[str, str]]:
    """Where a comment may be anchored in a frozen programme: the whole, a section, or one of its actions."""
    choices = [("general", "Le programme dans son ensemble")]
    choices += [(f"section:{code}", f"Partie : {label}") for code, label in sections(snapshot=snapshot)]
    choices += [
        (f"action:{a['id']}", f"Action : {a['title']} (axe {a['axe']['number']})") for a in snapshot.get("actions", [])
    ]
    return choices


def sections(*, snapshot: dict) -> list[tuple[str, str]]:
    numbers = sorted({a["axe"]["number"] for a in snapshot.get("actions", [])} | {1, 2, 3})
    return [(f"axe-{n}", f"Axe {n}") for n in numbers] + [
        ("ressources", "Ressources à mobiliser"),
        ("formation", "Actions de formation"),
    ]


def review_threads(*, transmission) -> dict:
    """The reviewer's comments with their replies, grouped by anchor key (`general`, `section:axe-1`, `action:12`)."""
    comments = (
        transmission.commentaires.filter(parent__isnull=True)
        .select_related("author")
        .prefetch_related(Prefetch("replies", queryset=Commentaire.objects.select_related("author")))
    )
    threads: dict[str, list] = {}
    for comment in comments:
        if comment.anchor_kind == Ancrage.SECTION:
            key = f"section:{comment.section_code}"
        elif comment.anchor_kind == Ancrage.ACTION:
            key = f"action:{comment.action_id}"
        else:
            key = "general"
        threads.setdefault(key, []).append(comment)
    return threads


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


def programme_peers(*, etablissement, year: int) -> PeerGroup:
    """The similar schools that have a programme of `year` the académie may read."""
    readable = ProgrammeAnnuel.objects.filter(year=year, status__in=SEEN_BY_SUPERVISORS)
    return peer_group(
        etablissement=etablissement,
        among=Etablissement.objects.filter(pk__in=readable.values("ppo__etablissement_id")),
        what=f"ayant un programme {year}-{year + 1} transmis ou validé",
    )


def peers_comparison(*, transmission) -> dict:
    """How the transmitted programme compares with similar schools (`programme_peers`), same school year.

    Hours are given twice, and said so: each action once (the total), and per level, where an action on several
    levels counts for each of its levels (so the sum of the levels exceeds the total by these repeated hours)."""
    programme = transmission.programme
    etablissement = programme.ppo.etablissement
    snapshot = transmission.snapshot
    own_cells = {(a["axe"]["number"], n["id"]) for a in snapshot["actions"] for n in a["niveaux"]}
    own_hours = sum(Decimal(a["hours"]) for a in snapshot["actions"] if a.get("hours"))
    group = programme_peers(etablissement=etablissement, year=programme.year)
    n_peers = group.n
    peers = ProgrammeAnnuel.objects.filter(
        year=programme.year, status__in=SEEN_BY_SUPERVISORS, ppo__etablissement__in=group.schools
    )
    actions = Action.objects.filter(programme__in=peers)
    totals = actions.aggregate(n=Count("pk"), hours=Sum("hours"))
    cells = Action.niveaux.through.objects.filter(action__programme__in=peers).values(
        "action__programme_id", "action__axe_id", "niveau_id"
    )
    n_cells = cells.distinct().count()

    def avg(total):
        return round(Decimal(total or 0) / n_peers, 1) if n_peers else None

    peer_hours = dict(
        Action.niveaux.through.objects.filter(action__programme__in=peers)
        .values_list("niveau_id")
        .annotate(h=Sum("action__hours"))
        .order_by()
    )
    own_by_level: dict[int, Decimal] = {}
    own_multi = 0
    for a in snapshot["actions"]:
        own_multi += len(a["niveaux"]) > 1
        for n in a["niveaux"]:
            own_by_level[n["id"]] = own_by_level.get(n["id"], Decimal(0)) + Decimal(a["hours"] or 0)
    reference = reference_hours_for(etablissement=etablissement, year=programme.year)
    niveaux = list(etablissement.niveaux.order_by("order"))
    levels = [
        {
            "label": f"Heures prévues en {niveau.short_label}",
            "own": own_by_level.get(niveau.pk, Decimal(0)),
            "peers": avg(peer_hours.get(niveau.pk)),
            "reference": reference.get(niveau.pk),
        }
        for niveau in niveaux
    ]
    taught = {n.pk for n in niveaux}
    own_levels_sum = sum((h for pk, h in own_by_level.items() if pk in taught), Decimal(0))
    peers_levels_sum = sum((Decimal(h or 0) for pk, h in peer_hours.items() if pk in taught), Decimal(0))
    return {
        "n_peers": n_peers,
        "minimum": PEER_RULE.min_peers,
        "hidden": False,
        "description": group.description,
        "widened": group.widened,
        "kind_label": etablissement.get_kind_display(),
        "bassin": etablissement.bassin,
        "hours_note": (
            "« Heures prévues (chaque action une fois) » compte chaque action une fois ; les lignes par niveau "
            "comptent une action sur plusieurs niveaux pour chacun de ses niveaux, d’où une « somme des niveaux » "
            f"plus grande que le total quand il y a de telles actions ({own_multi} dans ce programme)."
        ),
        "rows": [
            {"label": "Nombre d’actions", "own": len(snapshot["actions"]), "peers": avg(totals["n"])},
            {"label": "Cases de la grille axes × niveaux couvertes", "own": len(own_cells), "peers": avg(n_cells)},
            {
                "label": "Heures prévues (chaque action une fois)",
                "own": own_hours,
                "peers": avg(totals["hours"]),
            },
            {
                "label": "Heures prévues, somme des niveaux",
                "own": own_levels_sum,
                "peers": avg(peers_levels_sum),
            },
            *levels,
        ],
    }
