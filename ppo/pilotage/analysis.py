"""The académie's dashboard, computed with database aggregates only (no Python loop over schools or actions).

Each figure is a `Cell` that knows the GET parameters of the list of schools behind it; each table is a `Table`
that the page renders and `export.py` writes to XLSX. Figures on content (actions, hours, coverage) count the
programmes the académie may read: transmitted, sent back, validated or published (see docs/academie.md).
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, CharField, Count, Exists, F, Max, OuterRef, Q, Subquery, Sum, Value, When

from ppo.campagnes.models import Campagne, VolumeReference
from ppo.comptes.perms import supervised_etablissements
from ppo.core.dates import current_school_year
from ppo.examen.models import Transmission
from ppo.pilotage.enums import EtatEtablissement
from ppo.pilotage.priorities import has_value, priorities_table
from ppo.pilotage.regroup import SCHOOL, regroup
from ppo.pilotage.tables import Cell, Table, level, pct
from ppo.plans.enums import StatutProgramme, TypeAction
from ppo.plans.models import Action, Axe, ProgrammeAnnuel, RessourceItem
from ppo.plans.perms import SEEN_BY_SUPERVISORS
from ppo.referentiel.enums import TypeEtablissement
from ppo.referentiel.models import Competence, Etablissement, Niveau
from ppo.suivi.models import SuiviAction

DECOUVERTE_AXE = 2
DECOUVERTE_NIVEAUX = ["5e", "4e", "3e"]
FIGURE_KEYS = [
    "etat",
    "cellule",
    "type",
    "partenaire",
    "axe",
    "niveau",
    "mixite",
    "decouverte",
    "priorite",
    "atteinte",
]


@dataclass(frozen=True)
class Filtres:
    year: int
    departement: int | None = None
    bassin: int | None = None
    kind: str = ""
    secteur: str = ""

    def params(self) -> dict:
        values = {
            "annee": self.year,
            "departement": self.departement,
            "bassin": self.bassin,
            "type_etablissement": self.kind,
            "secteur": self.secteur,
        }
        return {k: v for k, v in values.items() if v}


def default_year(schools, *, today: datetime.date) -> int:
    """The latest school year in which a school of the scope transmitted, else the current one."""
    current = current_school_year(today)
    latest = ProgrammeAnnuel.objects.filter(
        ppo__etablissement__in=schools, status__in=SEEN_BY_SUPERVISORS, year__lte=current
    ).aggregate(year=Max("year"))["year"]
    return latest or current


def schools_for(*, user, filtres: Filtres):
    qs = supervised_etablissements(user).filter(is_active=True)
    if filtres.departement:
        qs = qs.filter(departement_id=filtres.departement)
    if filtres.bassin:
        qs = qs.filter(bassin_id=filtres.bassin)
    if filtres.kind:
        qs = qs.filter(kind=filtres.kind)
    if filtres.secteur:
        qs = qs.filter(secteur=filtres.secteur)
    return qs


def with_status(schools, *, year: int):
    """Annotates each school with the status of its programme of the year, the deadline of its académie's campaign
    and its latest transmission of the year."""
    programmes = ProgrammeAnnuel.objects.filter(ppo__etablissement=OuterRef("pk"), year=year).order_by("-pk")
    deadline = Campagne.objects.filter(academie_id=OuterRef("academie_id"), year=year).values("deadline")[:1]
    transmission = Transmission.objects.filter(
        programme__ppo__etablissement=OuterRef("pk"), programme__year=year
    ).order_by("-created_at", "-pk")
    return schools.annotate(
        programme_status=Subquery(programmes.values("status")[:1]),
        campagne_deadline=Subquery(deadline),
        transmission_id=Subquery(transmission.values("pk")[:1]),
    )


def etat_of(status: str | None, deadline: datetime.date | None, today: datetime.date) -> str:
    """The state of a school for the campaign (the same rule as the `etat` annotation of `with_etat`)."""
    if status == StatutProgramme.TRANSMIS:
        return EtatEtablissement.TRANSMIS
    if status == StatutProgramme.A_COMPLETER:
        return EtatEtablissement.A_COMPLETER
    if status in (StatutProgramme.VALIDE, StatutProgramme.PUBLIE):
        return EtatEtablissement.VALIDE
    if deadline is not None and deadline < today:
        return EtatEtablissement.EN_RETARD
    return EtatEtablissement.NON_COMMENCE if status is None else EtatEtablissement.BROUILLON


def with_etat(schools, *, year: int, today: datetime.date):
    """Annotates each school with `etat` (its state for the campaign) and its latest transmission of the year."""
    return with_status(schools, year=year).annotate(
        etat=Case(
            When(programme_status=StatutProgramme.TRANSMIS, then=Value(EtatEtablissement.TRANSMIS)),
            When(programme_status=StatutProgramme.A_COMPLETER, then=Value(EtatEtablissement.A_COMPLETER)),
            When(
                programme_status__in=[StatutProgramme.VALIDE, StatutProgramme.PUBLIE],
                then=Value(EtatEtablissement.VALIDE),
            ),
            When(campagne_deadline__lt=today, then=Value(EtatEtablissement.EN_RETARD)),
            When(programme_status__isnull=True, then=Value(EtatEtablissement.NON_COMMENCE)),
            default=Value(EtatEtablissement.BROUILLON),
            output_field=CharField(),
        )
    )


def visible_actions(*, year: int):
    return Action.objects.filter(programme__year=year, programme__status__in=SEEN_BY_SUPERVISORS)


def visible_programmes(schools, *, year: int):
    """The programmes of the year the académie may read, of these schools: the first filter of every figure on
    content, so that the database reaches the actions through the index on their programme."""
    return ProgrammeAnnuel.objects.filter(year=year, status__in=SEEN_BY_SUPERVISORS, ppo__etablissement__in=schools)


def scoped_actions(schools, *, year: int):
    return Action.objects.filter(programme__in=visible_programmes(schools, year=year).values("pk"))


def _school_has(actions) -> Q:
    """Schools with at least one of these actions: an uncorrelated IN (SQLite plans a correlated EXISTS badly),
    through the programme ids of the actions (re-joining the actions to their schools inside the subquery made
    PostgreSQL join every action of every year before filtering: 20 times slower)."""
    programmes = ProgrammeAnnuel.objects.filter(pk__in=actions.values("programme_id"))
    return Q(pk__in=programmes.values("ppo__etablissement_id"))


def schools_behind(schools, *, year: int, today: datetime.date, figure: dict):
    """The schools behind one figure of the dashboard (`figure` holds one of FIGURE_KEYS)."""
    actions = scoped_actions(schools, year=year)
    qs = with_etat(schools, year=year, today=today)
    if figure.get("etat"):
        qs = qs.filter(etat=figure["etat"])
    if figure.get("cellule"):
        axe_id, _, niveau_id = figure["cellule"].partition("-")
        if axe_id.isdigit() and niveau_id.isdigit():
            qs = qs.filter(_school_has(actions.filter(axe_id=int(axe_id), niveaux=int(niveau_id))))
        else:
            qs = qs.none()
    if figure.get("type"):
        qs = qs.filter(_school_has(actions.filter(kind=figure["type"])))
    if str(figure.get("partenaire", "")).isdigit():
        qs = qs.filter(_school_has(actions.filter(partner_items=int(figure["partenaire"]))))
    if str(figure.get("axe", "")).isdigit():
        qs = qs.filter(_school_has(actions.filter(axe_id=int(figure["axe"]))))
    if str(figure.get("niveau", "")).isdigit():
        qs = _with_programme(qs, year=year).filter(niveaux=int(figure["niveau"]))
    if figure.get("mixite"):
        qs = qs.filter(_school_has(actions.filter(gender_equality=True)))
    if figure.get("decouverte"):
        qs = qs.filter(kind=TypeEtablissement.COLLEGE).filter(_school_has(_decouverte(actions)))
    if figure.get("priorite"):
        reached = bool(figure.get("atteinte"))
        qs = qs.filter(has_value(schools, priorite_id=figure["priorite"], year=year, reached=reached))
    return qs.select_related("bassin", "departement").order_by("name")


def _decouverte(actions):
    return actions.filter(axe__number=DECOUVERTE_AXE, niveaux__code__in=DECOUVERTE_NIVEAUX)


def _with_programme(schools, *, year):
    visible = ProgrammeAnnuel.objects.filter(year=year, status__in=SEEN_BY_SUPERVISORS)
    return schools.filter(Exists(visible.filter(ppo__etablissement=OuterRef("pk"))))


def _taught(schools, *, year) -> tuple[list[Niveau], dict[int, int]]:
    """Levels taught by the schools with a readable programme, and how many of them teach each."""
    with_programme = schools.filter(pk__in=visible_programmes(schools, year=year).values("ppo__etablissement_id"))
    through = Etablissement.niveaux.through.objects.filter(etablissement__in=with_programme)
    counts = dict(through.values_list("niveau_id").annotate(n=Count("etablissement_id")).order_by())
    return list(Niveau.objects.filter(pk__in=list(counts)).order_by("order")), counts


def status_table(schools, *, year, today) -> Table:
    """One query grouped by (programme status, campaign deadline): a handful of groups, each mapped to its state."""
    groups = (
        with_status(schools, year=year)
        .values_list("programme_status", "campagne_deadline")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts: dict[str, int] = {}
    for status, deadline, n in groups:
        etat = etat_of(status, deadline, today)
        counts[etat] = counts.get(etat, 0) + n
    total = sum(counts.values())
    table = Table("statuts", "Établissements par état de la campagne", ["État", "Établissements", "Part"])
    for etat in EtatEtablissement:
        n = counts.get(etat.value, 0)
        table.rows.append([Cell(etat.label), Cell(n, params={"etat": etat.value}), Cell(pct(n, total))])
    table.rows.append([Cell("Total"), Cell(total, params={}), Cell(pct(total, total))])
    return table


def grid_cells(schools, *, year) -> dict[tuple[int, int], dict]:
    """For each (axe, niveau): schools having an action there and the hours planned, in one query grouped first by
    (school, axe, niveau) — the join of the visible actions with their levels is read once for the grid and the
    hours."""
    through = Action.niveaux.through.objects.filter(
        action__programme__in=visible_programmes(schools, year=year).values("pk")
    )
    inner = (
        through.values(
            **{SCHOOL: F("action__programme__ppo__etablissement_id")},
            g_axe=F("action__axe_id"),
            g_niveau=F("niveau_id"),
        )
        .annotate(g_hours=Sum("action__hours"))
        .order_by()
    )
    rows = regroup(inner, keys=["g_axe", "g_niveau"], sums=["g_hours"])
    return {(row["g_axe"], row["g_niveau"]): row for row in rows}


def coverage_table(schools, *, year, cells=None) -> Table:
    axes = list(Axe.objects.order_by("number"))
    cells = grid_cells(schools, year=year) if cells is None else cells
    taught, denominators = _taught(schools, year=year)
    table = Table(
        "couverture",
        "Couverture de la grille axes × niveaux : établissements ayant au moins une action dans la case",
        ["Niveau"] + [f"Axe {a.number} — {a.short_label}" for a in axes],
        note="Chaque case donne le nombre d’établissements ayant au moins une action, sur le nombre d’établissements "
        "au programme transmis qui enseignent le niveau, et leur part.",
    )
    for niveau in taught:
        d = denominators.get(niveau.pk, 0)
        row = [Cell(niveau.label)]
        for axe in axes:
            n = cells.get((axe.pk, niveau.pk), {}).get("schools", 0)
            row.append(
                Cell(
                    n,
                    text=f"{n} / {d} ({pct(n, d)})",
                    params={"cellule": f"{axe.pk}-{niveau.pk}"},
                    level=level(n, d),
                )
            )
        table.rows.append(row)
    return table


def _counts_table(code, caption, first, rows, labels) -> Table:
    table = Table(code, caption, [first, "Actions", "Établissements"])
    for row in rows:
        table.rows.append(
            [
                Cell(labels.get(row["g_key"], row["g_key"])),
                Cell(row["g_actions"]),
                Cell(row["schools"], params={code_param(code): row["g_key"]}),
            ]
        )
    return table


def code_param(code):
    return {"types": "type", "partenaires": "partenaire", "axes": "axe"}[code]


def _per_key(actions, key: str) -> list[dict]:
    """Actions and schools per value of `key`: grouped by (school, key) first, so no COUNT(DISTINCT) over actions."""
    inner = (
        actions.values(**{SCHOOL: F("programme__ppo__etablissement_id")}, g_key=F(key))
        .annotate(g_actions=Count("pk"))
        .order_by()
    )
    return regroup(inner, keys=["g_key"], sums=["g_actions"])


def action_tables(schools, *, year) -> list[Table]:
    actions = scoped_actions(schools, year=year)
    by_kind = sorted(_per_key(actions, "kind"), key=lambda r: (-r["g_actions"], r["g_key"]))
    partners = dict(RessourceItem.objects.values_list("pk", "label"))
    by_partner = sorted(
        _per_key(actions.filter(partner_items__isnull=False), "partner_items__pk"),
        key=lambda r: (-r["g_actions"], partners.get(r["g_key"], "")),
    )
    axes = {a.pk: a for a in Axe.objects.all()}
    by_axe = sorted(_per_key(actions, "axe_id"), key=lambda r: axes[r["g_key"]].number)
    return [
        _counts_table("types", "Actions par type", "Type d’action", by_kind, dict(TypeAction.choices)),
        _counts_table(
            "partenaires", "Actions par catégorie de partenaires", "Catégorie de partenaires", by_partner, partners
        ),
        _counts_table(
            "axes",
            "Actions par axe",
            "Axe",
            by_axe,
            {pk: f"Axe {a.number} — {a.short_label}" for pk, a in axes.items()},
        ),
    ]


def hours_table(schools, *, year, cells=None) -> Table:
    cells = grid_cells(schools, year=year) if cells is None else cells
    planned: dict[int, Decimal] = {}
    for (_axe, niveau_id), cell in cells.items():  # at most axes × levels cells, already aggregated
        planned[niveau_id] = planned.get(niveau_id, Decimal(0)) + Decimal(cell["g_hours"] or 0)
    niveaux, counts = _taught(schools, year=year)
    overrides = dict(
        VolumeReference.objects.filter(
            campagne__year=year, campagne__academie_id__in=schools.values("academie_id")
        ).values_list("niveau_id", "hours")
    )
    table = Table(
        "heures",
        "Heures d’orientation prévues par niveau, comparées au volume de référence",
        ["Niveau", "Établissements", "Heures prévues (total)", "Heures prévues par établissement", "Référence"],
        note="Les heures d’une action portant sur plusieurs niveaux comptent pour chacun de ses niveaux.",
    )
    for niveau in niveaux:
        n = counts.get(niveau.pk, 0)
        total = planned.get(niveau.pk) or Decimal(0)
        avg = round(total / n, 1) if n else None
        ref = overrides.get(niveau.pk, niveau.reference_hours)
        table.rows.append(
            [Cell(niveau.label), Cell(n, params={"niveau": niveau.pk}), Cell(total), Cell(avg), Cell(ref)]
        )
    return table


def competences_table(schools, *, year) -> Table:
    """Actions per « compétence à s’orienter » (ONISEP) × level across the schools: the counts in one aggregated
    query on the actions' competences joined to their levels; then the competences and the levels taught."""
    through = Action.competences.through.objects.filter(
        action__programme__in=visible_programmes(schools, year=year).values("pk")
    )
    counts = {
        (competence_id, niveau_id): n
        for competence_id, niveau_id, n in through.values_list("competence_id", "action__niveaux")
        .annotate(n=Count("action_id", distinct=True))
        .order_by()
    }
    niveaux, _counts = _taught(schools, year=year)
    table = Table(
        "competences",
        "Compétences à s’orienter : actions qui les font travailler, par niveau",
        ["Compétence"] + [n.short_label for n in niveaux],
        note="Chaque case donne le nombre d’actions des programmes transmis marquées de la compétence pour ce niveau ; "
        "une action portant sur plusieurs niveaux compte pour chacun d’eux.",
    )
    peak = max(counts.values(), default=0)
    for competence in Competence.objects.select_related("famille").order_by("famille__order", "famille_id", "order"):
        row = [Cell(f"{competence.number} {competence.label}")]
        for niveau in niveaux:
            n = counts.get((competence.pk, niveau.pk), 0)
            row.append(Cell(n, level=level(n, peak)))
        table.rows.append(row)
    return table


def mixity_table(schools, *, year) -> Table:
    actions = scoped_actions(schools, year=year).filter(gender_equality=True)
    n_actions = actions.count()
    n_schools = schools.filter(_school_has(actions)).count()
    reached = SuiviAction.objects.filter(action__in=actions).aggregate(girls=Sum("girls"), boys=Sum("boys"))
    table = Table("mixite", "Actions pour l’égalité filles-garçons et la mixité", ["Indicateur", "Valeur"])
    table.rows.append([Cell("Actions contribuant à l’égalité filles-garçons"), Cell(n_actions)])
    table.rows.append(
        [Cell("Établissements ayant au moins une telle action"), Cell(n_schools, params={"mixite": "1"})]
    )
    table.rows.append([Cell("Filles touchées (suivi des actions)"), Cell(reached["girls"] or 0)])
    table.rows.append([Cell("Garçons touchés (suivi des actions)"), Cell(reached["boys"] or 0)])
    return table


def decouverte_table(schools, *, year) -> Table:
    colleges = schools.filter(kind=TypeEtablissement.COLLEGE)
    actions = _decouverte(scoped_actions(colleges, year=year))
    totals = {"total": colleges.count(), "with_actions": colleges.filter(_school_has(actions)).count()}
    table = Table(
        "decouverte",
        "Collèges ayant des actions de découverte des métiers (axe 2) à partir de la 5e",
        ["Indicateur", "Valeur"],
    )
    table.rows.append(
        [Cell("Collèges"), Cell(totals["total"], params={"type_etablissement": TypeEtablissement.COLLEGE})]
    )
    table.rows.append(
        [Cell("Collèges ayant de telles actions"), Cell(totals["with_actions"], params={"decouverte": "1"})]
    )
    table.rows.append([Cell("Part"), Cell(pct(totals["with_actions"], totals["total"]))])
    return table


def campagne_of_scope(schools, *, year) -> Campagne | None:
    """The campaign shown with the dashboard: the one of the académie, when the schools belong to only one."""
    campagnes = list(
        Campagne.objects.filter(year=year, academie_id__in=schools.values("academie_id"))
        .prefetch_related("priorites")
        .order_by("academie__name")[:2]
    )
    return campagnes[0] if len(campagnes) == 1 else None


def scope(*, user, filtres: Filtres):
    """The schools of the user's scope under the filters, and the campaign of the year (when one académie)."""
    return _campaign_scope(schools_for(user=user, filtres=filtres), year=filtres.year)


def _campaign_scope(schools, *, year: int):
    """Restricted to the kinds of school the campaign of the scope concerns."""
    campagne = campagne_of_scope(schools, year=year)
    if campagne is not None and campagne.kinds:
        schools = schools.filter(Q(kind__in=campagne.kinds) | ~Q(academie_id=campagne.academie_id))
    return schools, campagne


def dashboard(*, user, filtres: Filtres, today: datetime.date) -> dict:
    schools, campagne = scope(user=user, filtres=filtres)
    tables = _tables(schools, campagne, year=filtres.year, today=today)
    return {"campagne": campagne, "tables": {t.code: t for t in tables}}


def dashboard_tables(schools, *, year: int, today: datetime.date) -> list[Table]:
    """The dashboard's tables for a given set of schools (the API's key scopes)."""
    schools, campagne = _campaign_scope(schools, year=year)
    return _tables(schools, campagne, year=year, today=today)


def _tables(schools, campagne, *, year: int, today: datetime.date) -> list[Table]:
    cells = grid_cells(schools, year=year)
    tables = [
        status_table(schools, year=year, today=today),
        coverage_table(schools, year=year, cells=cells),
        *action_tables(schools, year=year),
        hours_table(schools, year=year, cells=cells),
        competences_table(schools, year=year),
        mixity_table(schools, year=year),
        decouverte_table(schools, year=year),
    ]
    if campagne is not None:
        tables.append(priorities_table(schools, year=year, priorites=list(campagne.priorites.all())))
    return tables
