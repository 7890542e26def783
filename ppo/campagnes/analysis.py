"""The académie's dashboard, computed with database aggregates only (no Python loop over schools or actions).

Each figure is a `Cell` that knows the GET parameters of the list of schools behind it; each table is a `Table`
that the page renders and `export.py` writes to XLSX. Figures on content (actions, hours, coverage) count the
programmes the académie may read: transmitted, sent back, validated or published (see docs/academie.md).
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Case, CharField, Count, Exists, F, Max, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Least

from ppo.campagnes.enums import EtatEtablissement, SensCible
from ppo.campagnes.models import Campagne, Priorite, Transmission, VolumeReference
from ppo.comptes.perms import supervised_etablissements
from ppo.core.dates import current_school_year
from ppo.plans.enums import StatutProgramme, TypeAction
from ppo.plans.models import Action, Axe, ProgrammeAnnuel
from ppo.plans.perms import SEEN_BY_SUPERVISORS
from ppo.referentiel.enums import TypeEtablissement
from ppo.referentiel.models import Etablissement, Niveau

DECOUVERTE_AXE = 2
DECOUVERTE_NIVEAUX = ["5e", "4e", "3e"]
FIGURE_KEYS = ["etat", "cellule", "type", "partenaire", "axe", "niveau", "mixite", "decouverte"]


@dataclass
class Cell:
    value: object
    text: str = ""
    params: dict | None = None
    level: int | None = None

    def __post_init__(self):
        if not self.text:
            self.text = "—" if self.value is None else str(self.value)


@dataclass
class Table:
    code: str
    caption: str
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    note: str = ""


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


def with_etat(schools, *, year: int, today: datetime.date):
    """Annotates each school with `etat` (its state for the campaign) and its latest transmission of the year."""
    programmes = ProgrammeAnnuel.objects.filter(ppo__etablissement=OuterRef("pk"), year=year).order_by("-pk")
    deadline = Campagne.objects.filter(academie_id=OuterRef("academie_id"), year=year).values("deadline")[:1]
    transmission = Transmission.objects.filter(
        programme__ppo__etablissement=OuterRef("pk"), programme__year=year
    ).order_by("-created_at", "-pk")
    return schools.annotate(
        programme_status=Subquery(programmes.values("status")[:1]),
        campagne_deadline=Subquery(deadline),
        transmission_id=Subquery(transmission.values("pk")[:1]),
    ).annotate(
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


def _school_has(actions) -> Q:
    """Schools with at least one of these actions: an uncorrelated IN (SQLite plans a correlated EXISTS badly)."""
    return Q(pk__in=actions.values("programme__ppo__etablissement_id"))


def schools_behind(schools, *, year: int, today: datetime.date, figure: dict):
    """The schools behind one figure of the dashboard (`figure` holds one of FIGURE_KEYS)."""
    actions = visible_actions(year=year)
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
    return qs.select_related("bassin", "departement").order_by("name")


def _decouverte(actions):
    return actions.filter(axe__number=DECOUVERTE_AXE, niveaux__code__in=DECOUVERTE_NIVEAUX)


def _with_programme(schools, *, year):
    visible = ProgrammeAnnuel.objects.filter(year=year, status__in=SEEN_BY_SUPERVISORS)
    return schools.filter(Exists(visible.filter(ppo__etablissement=OuterRef("pk"))))


def _taught(schools, *, year) -> tuple[list[Niveau], dict[int, int]]:
    """Levels taught by the schools with a readable programme, and how many of them teach each."""
    through = Etablissement.niveaux.through.objects.filter(etablissement__in=_with_programme(schools, year=year))
    counts = dict(through.values_list("niveau_id").annotate(n=Count("etablissement_id")).order_by())
    return list(Niveau.objects.filter(pk__in=list(counts)).order_by("order")), counts


def _pct(n, d) -> str:
    return f"{round(100 * n / d)} %" if d else "—"


def _level(n, d) -> int:
    return 0 if not d or not n else min(4, 1 + int(4 * n / d - 1e-9))


def status_table(schools, *, year, today) -> Table:
    counts = dict(with_etat(schools, year=year, today=today).values_list("etat").annotate(n=Count("pk")).order_by())
    total = sum(counts.values())
    table = Table("statuts", "Établissements par état de la campagne", ["État", "Établissements", "Part"])
    for etat in EtatEtablissement:
        n = counts.get(etat.value, 0)
        table.rows.append([Cell(etat.label), Cell(n, params={"etat": etat.value}), Cell(_pct(n, total))])
    table.rows.append([Cell("Total"), Cell(total, params={}), Cell(_pct(total, total))])
    return table


def coverage_table(schools, *, year) -> Table:
    axes = list(Axe.objects.order_by("number"))
    actions = visible_actions(year=year).filter(programme__ppo__etablissement__in=schools)
    through = Action.niveaux.through.objects.filter(action__in=actions)
    covered = {
        (row["action__axe_id"], row["niveau_id"]): row["n"]
        for row in through.values("action__axe_id", "niveau_id")
        .annotate(n=Count("action__programme__ppo__etablissement_id", distinct=True))
        .order_by()
    }
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
            n = covered.get((axe.pk, niveau.pk), 0)
            row.append(
                Cell(
                    n,
                    text=f"{n} / {d} ({_pct(n, d)})",
                    params={"cellule": f"{axe.pk}-{niveau.pk}"},
                    level=_level(n, d),
                )
            )
        table.rows.append(row)
    return table


def _counts_table(code, caption, first, rows, key, labels=None) -> Table:
    table = Table(code, caption, [first, "Actions", "Établissements"])
    for row in rows:
        label = labels.get(row[key], row[key]) if labels else row["label"]
        table.rows.append(
            [Cell(label), Cell(row["actions"]), Cell(row["schools"], params={code_param(code): row[key]})]
        )
    return table


def code_param(code):
    return {"types": "type", "partenaires": "partenaire", "axes": "axe"}[code]


def action_tables(schools, *, year) -> list[Table]:
    actions = visible_actions(year=year).filter(programme__ppo__etablissement__in=schools)
    agg = {"actions": Count("pk", distinct=True), "schools": Count("programme__ppo__etablissement_id", distinct=True)}
    by_kind = actions.values("kind").annotate(**agg).order_by("-actions", "kind")
    by_partner = (
        actions.filter(partner_items__isnull=False)
        .values(key=F("partner_items__pk"), label=F("partner_items__label"))
        .annotate(**agg)
        .order_by("-actions", "label")
    )
    by_axe = (
        actions.values(key=F("axe_id"), number=F("axe__number"), short=F("axe__short_label"))
        .annotate(**agg)
        .order_by("number")
    )
    return [
        _counts_table("types", "Actions par type", "Type d’action", by_kind, "kind", dict(TypeAction.choices)),
        _counts_table(
            "partenaires", "Actions par catégorie de partenaires", "Catégorie de partenaires", by_partner, "key"
        ),
        _counts_table(
            "axes",
            "Actions par axe",
            "Axe",
            [{**r, "label": f"Axe {r['number']} — {r['short']}"} for r in by_axe],
            "key",
        ),
    ]


def hours_table(schools, *, year) -> Table:
    actions = visible_actions(year=year).filter(programme__ppo__etablissement__in=schools)
    planned = dict(
        Action.niveaux.through.objects.filter(action__in=actions)
        .values_list("niveau_id")
        .annotate(h=Sum("action__hours"))
        .order_by()
    )
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


def _suivi_model():
    """The follow-up of actions (girls and boys reached), when the suivi app provides it."""
    try:
        from ppo.suivi.models import SuiviAction
    except ImportError:
        return None
    names = {f.name for f in SuiviAction._meta.get_fields()}
    return SuiviAction if {"girls", "boys", "action"} <= names else None


def mixity_table(schools, *, year) -> Table:
    actions = visible_actions(year=year).filter(programme__ppo__etablissement__in=schools, gender_equality=True)
    totals = actions.aggregate(
        actions=Count("pk", distinct=True), schools=Count("programme__ppo__etablissement_id", distinct=True)
    )
    table = Table("mixite", "Actions pour l’égalité filles-garçons et la mixité", ["Indicateur", "Valeur"])
    table.rows.append([Cell("Actions contribuant à l’égalité filles-garçons"), Cell(totals["actions"])])
    table.rows.append(
        [Cell("Établissements ayant au moins une telle action"), Cell(totals["schools"], params={"mixite": "1"})]
    )
    suivi = _suivi_model()
    if suivi is not None:
        reached = suivi.objects.filter(action__in=actions).aggregate(girls=Sum("girls"), boys=Sum("boys"))
        table.rows.append([Cell("Filles touchées (suivi des actions)"), Cell(reached["girls"] or 0)])
        table.rows.append([Cell("Garçons touchés (suivi des actions)"), Cell(reached["boys"] or 0)])
    else:
        table.note = "Le nombre de filles et de garçons touchés apparaîtra avec le suivi des actions."
    return table


def decouverte_table(schools, *, year) -> Table:
    colleges = schools.filter(kind=TypeEtablissement.COLLEGE)
    actions = _decouverte(visible_actions(year=year)).filter(programme__ppo__etablissement__in=colleges)
    totals = {
        "total": colleges.count(),
        "with_actions": actions.aggregate(n=Count("programme__ppo__etablissement_id", distinct=True))["n"],
    }
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
    table.rows.append([Cell("Part"), Cell(_pct(totals["with_actions"], totals["total"]))])
    return table


def _valeur_model():
    try:
        from ppo.diagnostic.models import ValeurIndicateur
    except ImportError:
        return None
    return ValeurIndicateur


def _reached(priorite: Priorite) -> Q:
    if priorite.target_direction == SensCible.AU_PLUS:
        return Q(value__lte=priorite.target)
    if priorite.target_direction == SensCible.MIXITE:
        return Q(minority__gte=priorite.target)
    return Q(value__gte=priorite.target)


def priorities_table(schools, *, year, priorites: list[Priorite]) -> Table:
    """Each priority with an indicator: how many values of the schools reach the target (one query each)."""
    table = Table(
        "priorites",
        "Priorités académiques : indicateurs et cibles",
        ["Priorité", "Indicateur", "Cible", "Valeurs renseignées", "Valeurs atteignant la cible", "Part"],
    )
    valeurs = _valeur_model()
    for priorite in priorites:
        target = f"{priorite.target} {priorite.unit}".strip() if priorite.target is not None else "—"
        row = [Cell(priorite.text), Cell(priorite.indicator_label or "—"), Cell(target)]
        if valeurs is None or not priorite.indicator_code or priorite.target is None:
            row += [Cell(None), Cell(None), Cell(None)]
        else:
            values = valeurs.objects.filter(
                etablissement__in=schools, indicateur__code=priorite.indicator_code, year=year
            ).annotate(minority=Least("value", Value(Decimal(100)) - F("value")))
            totals = values.aggregate(n=Count("pk"), ok=Count("pk", filter=_reached(priorite)))
            row += [Cell(totals["n"]), Cell(totals["ok"]), Cell(_pct(totals["ok"], totals["n"]))]
        table.rows.append(row)
    if valeurs is None:
        table.note = "Les valeurs des indicateurs apparaîtront avec le diagnostic des établissements."
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
    """The schools the figures count and the campaign shown: when the scope has one campaign, only the kinds of
    school it concerns."""
    schools = schools_for(user=user, filtres=filtres)
    campagne = campagne_of_scope(schools, year=filtres.year)
    if campagne is not None and campagne.kinds:
        schools = schools.filter(Q(kind__in=campagne.kinds) | ~Q(academie_id=campagne.academie_id))
    return schools, campagne


def dashboard(*, user, filtres: Filtres, today: datetime.date) -> dict:
    schools, campagne = scope(user=user, filtres=filtres)
    year = filtres.year
    tables = [
        status_table(schools, year=year, today=today),
        coverage_table(schools, year=year),
        *action_tables(schools, year=year),
        hours_table(schools, year=year),
        mixity_table(schools, year=year),
        decouverte_table(schools, year=year),
    ]
    if campagne is not None:
        tables.append(priorities_table(schools, year=year, priorites=list(campagne.priorites.all())))
    return {"campagne": campagne, "tables": {t.code: t for t in tables}}
