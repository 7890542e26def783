"""Reads of the review: transmissions, their thread of comments, and the comparison with similar schools."""

from decimal import Decimal

from django.db.models import Count, Prefetch, Sum

from ppo.campagnes.selectors import reference_hours_for
from ppo.examen.enums import Ancrage
from ppo.examen.models import Commentaire, DecisionRevue, Transmission
from ppo.plans.enums import StatutProgramme
from ppo.plans.models import Action, ProgrammeAnnuel, StatutChange
from ppo.plans.perms import SEEN_BY_SUPERVISORS
from ppo.referentiel.models import Etablissement
from ppo.referentiel.peers import PEER_RULE, PeerGroup, peer_group


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
