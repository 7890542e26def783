"""Reads of the campaign frame and of the review, for this app and for plans, suivi and documents."""

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


def similar_schools(etablissement):
    """Active schools of the same kind and the same bassin (the school itself excluded)."""
    return Etablissement.objects.filter(
        kind=etablissement.kind, bassin_id=etablissement.bassin_id, is_active=True
    ).exclude(pk=etablissement.pk)


def peers_comparison(*, transmission) -> dict:
    """How the transmitted programme compares with similar schools (same kind, same bassin), same school year."""
    programme = transmission.programme
    etablissement = programme.ppo.etablissement
    snapshot = transmission.snapshot
    own_cells = {(a["axe"]["number"], n["id"]) for a in snapshot["actions"] for n in a["niveaux"]}
    own_hours = sum(Decimal(a["hours"]) for a in snapshot["actions"] if a.get("hours"))
    peers = ProgrammeAnnuel.objects.filter(
        year=programme.year,
        status__in=SEEN_BY_SUPERVISORS,
        ppo__etablissement__in=similar_schools(etablissement),
    )
    n_peers = peers.count()
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
    for a in snapshot["actions"]:
        for n in a["niveaux"]:
            own_by_level[n["id"]] = own_by_level.get(n["id"], Decimal(0)) + Decimal(a["hours"] or 0)
    reference = reference_hours_for(etablissement=etablissement, year=programme.year)
    levels = [
        {
            "label": f"Heures prévues en {niveau.short_label}",
            "own": own_by_level.get(niveau.pk, Decimal(0)),
            "peers": avg(peer_hours.get(niveau.pk)),
            "reference": reference.get(niveau.pk),
        }
        for niveau in etablissement.niveaux.order_by("order")
    ]
    return {
        "n_peers": n_peers,
        "kind_label": etablissement.get_kind_display(),
        "bassin": etablissement.bassin,
        "rows": [
            {"label": "Nombre d’actions", "own": len(snapshot["actions"]), "peers": avg(totals["n"])},
            {"label": "Cases de la grille axes × niveaux couvertes", "own": len(own_cells), "peers": avg(n_cells)},
            {"label": "Heures prévues (total des actions)", "own": own_hours, "peers": avg(totals["hours"])},
            *levels,
        ],
    }
