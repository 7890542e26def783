"""Reads of the plans app: the axes × levels grid, the completeness check, lists. Query counts do not grow with data."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from ppo.campagnes import selectors as campagnes_selectors
from ppo.plans.enums import CategorieRessource, StatutProgramme
from ppo.plans.models import PPO, Action, Axe, ProgrammeAnnuel, RessourceItem, StatutChange
from ppo.referentiel.models import Competence, Etablissement, Niveau


@dataclass(frozen=True)
class CompletenessItem:
    """One point of the to-do list of a programme. Never blocks saving."""

    code: str
    message: str
    url: str
    axe_id: int | None = None
    niveau_id: int | None = None
    action_id: int | None = None


@dataclass
class GridCell:
    axe: Axe
    niveau: Niveau
    actions: list = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.actions

    @property
    def axe_label(self) -> str:
        return self.axe.label_for(self.niveau)

    @property
    def hours(self) -> Decimal:
        return sum((a.hours or Decimal(0) for a in self.actions), Decimal(0))


@dataclass
class GridRow:
    niveau: Niveau
    cells: list
    reference_hours: Decimal | None = None  # the campaign's volume if the académie set one, else the national one

    @property
    def action_count(self) -> int:
        return len({a.pk for cell in self.cells for a in cell.actions})

    @property
    def hours(self) -> Decimal:
        """Hours of the level: an action on several levels counts fully for each of them."""
        seen = {}
        for cell in self.cells:
            for action in cell.actions:
                seen[action.pk] = action.hours or Decimal(0)
        return sum(seen.values(), Decimal(0))

    @property
    def below_reference(self) -> bool:
        return self.reference_hours is not None and self.hours < self.reference_hours

    @property
    def competence_ids(self) -> set[int]:
        """The « compétences à s’orienter » the actions of the level work (actions prefetched with them)."""
        return {c.pk for cell in self.cells for a in cell.actions for c in a.competences.all()}


@dataclass
class FamilyCoverage:
    """For one level and one family of competences: the competences that its actions work, of all of them."""

    famille: object
    competences: list
    covered: list

    @property
    def is_untouched(self) -> bool:
        return not self.covered


@dataclass
class Grid:
    programme: ProgrammeAnnuel
    axes: list
    rows: list
    actions: list

    familles: list = field(default_factory=list)  # [(FamilleCompetences, [Competence, …]), …]

    @property
    def empty_cells(self) -> int:
        return sum(1 for row in self.rows for cell in row.cells if cell.is_empty)

    def coverage(self, row: GridRow) -> list[FamilyCoverage]:
        ids = row.competence_ids
        return [
            FamilyCoverage(famille=famille, competences=competences, covered=[c for c in competences if c.pk in ids])
            for famille, competences in self.familles
        ]

    @property
    def coverage_rows(self) -> list:
        """[(row, [FamilyCoverage per family]), …]: the summary table of the grid page."""
        return [(row, self.coverage(row)) for row in self.rows]


def competence_families() -> list:
    """ONISEP's families of « compétences à s’orienter » with their competences, in order (one query)."""
    familles: dict = {}
    for competence in Competence.objects.select_related("famille").order_by("famille__order", "famille_id", "order"):
        familles.setdefault(competence.famille_id, (competence.famille, []))[1].append(competence)
    return list(familles.values())


def programme_get(*, pk: int) -> ProgrammeAnnuel:
    return get_object_or_404(ProgrammeAnnuel.objects.select_related("ppo__etablissement__academie"), pk=pk)


def action_get(*, pk: int) -> Action:
    return get_object_or_404(
        Action.objects.select_related(
            "programme__ppo__etablissement__academie", "axe", "offre_link__offre"
        ).prefetch_related("niveaux", "actors", "partner_items", "competences"),
        pk=pk,
    )


def programme_actions(*, programme) -> list[Action]:
    """Every action of the programme with what the grid, the list and the public page show (5 queries).

    The catalogue offer an action comes from (`action.offre_link.offre`) is joined, not queried per action.
    """
    return list(
        programme.actions.select_related("axe", "offre_link__offre", "responsable").prefetch_related(
            Prefetch("niveaux", queryset=Niveau.objects.order_by("order")),
            Prefetch("actors", queryset=RessourceItem.objects.select_related("replaced_by").order_by("order")),
            Prefetch("partner_items", queryset=RessourceItem.objects.select_related("replaced_by").order_by("order")),
            "competences",
        )
    )


def etablissement_niveaux(*, etablissement) -> list[Niveau]:
    return list(etablissement.niveaux.order_by("order"))


def programme_grid(*, programme, actions=None) -> Grid:
    """The grid of the school: one row per level it teaches, one column per axis, the actions in each cell.

    Reference hours per level come from the campaign of the school's académie when it overrides the national volume.
    """
    axes = list(Axe.objects.all())
    etablissement = programme.ppo.etablissement
    niveaux = etablissement_niveaux(etablissement=etablissement)
    reference = campagnes_selectors.reference_hours_for(etablissement=etablissement, year=programme.year)
    actions = programme_actions(programme=programme) if actions is None else actions
    cells = {(axe.pk, niveau.pk): GridCell(axe=axe, niveau=niveau) for axe in axes for niveau in niveaux}
    for action in actions:
        for niveau in action.niveaux.all():
            cell = cells.get((action.axe_id, niveau.pk))
            if cell is not None:
                cell.actions.append(action)
    rows = [
        GridRow(
            niveau=n,
            cells=[cells[(axe.pk, n.pk)] for axe in axes],
            reference_hours=reference.get(n.pk, n.reference_hours),
        )
        for n in niveaux
    ]
    return Grid(programme=programme, axes=axes, rows=rows, actions=actions, familles=competence_families())


def _create_url(programme, axe_id=None, niveau_id=None) -> str:
    url = reverse("plans:action_create", kwargs={"pk": programme.pk})
    params = [f"{name}={value}" for name, value in (("axe", axe_id), ("niveau", niveau_id)) if value]
    return f"{url}?{'&'.join(params)}" if params else url


def programme_completeness(*, programme, grid: Grid | None = None) -> list[CompletenessItem]:
    """The to-do list of a programme: what the official method expects and is not there yet."""
    grid = grid or programme_grid(programme=programme)
    items = []
    grid_url = reverse("plans:programme", kwargs={"pk": programme.pk})
    for row in grid.rows:
        niveau = row.niveau
        if row.action_count == 0:
            items.append(
                CompletenessItem(
                    code="niveau_sans_action",
                    message=f"{niveau.label} : aucune action prévue.",
                    url=_create_url(programme, niveau_id=niveau.pk),
                    niveau_id=niveau.pk,
                )
            )
            continue
        for cell in row.cells:
            if cell.is_empty:
                items.append(
                    CompletenessItem(
                        code="cellule_vide",
                        message=f"{niveau.label} — axe {cell.axe.number} ({cell.axe.short_label}) : aucune action.",
                        url=_create_url(programme, cell.axe.pk, niveau.pk),
                        axe_id=cell.axe.pk,
                        niveau_id=niveau.pk,
                    )
                )
        for coverage in grid.coverage(row):
            if coverage.is_untouched:
                items.append(
                    CompletenessItem(
                        code="famille_competences_absente",
                        message=(
                            f"{niveau.label} : aucune action ne travaille les compétences à s’orienter "
                            f"« {coverage.famille.label} »."
                        ),
                        url=f"{grid_url}#competences-{niveau.pk}",
                        niveau_id=niveau.pk,
                    )
                )
        if row.below_reference:
            items.append(
                CompletenessItem(
                    code="heures_insuffisantes",
                    message=(
                        f"{niveau.label} : {_hours(row.hours)} prévues pour un volume de référence de "
                        f"{_hours(row.reference_hours)}."
                    ),
                    url=f"{grid_url}#niveau-{niveau.pk}",
                    niveau_id=niveau.pk,
                )
            )
    for action in grid.actions:
        url = reverse("plans:action_update", kwargs={"pk": action.pk})
        missing = []
        if not action.actors.all() and not action.actors_other.strip():
            missing.append(("action_sans_qui", "qui la mène"))
        if not action.period.strip() and not action.start_date:
            missing.append(("action_sans_quand", "quand elle a lieu"))
        if not action.expected_effects.strip():
            missing.append(("action_sans_effets", "les effets attendus"))
        for code, what in missing:
            items.append(
                CompletenessItem(
                    code=code,
                    message=f"Action « {action.title} » : préciser {what}.",
                    url=url,
                    axe_id=action.axe_id,
                    action_id=action.pk,
                )
            )
    items.extend(_outdated_references(programme=programme, actions=grid.actions))
    if not any(a.gender_equality for a in grid.actions):
        items.append(
            CompletenessItem(
                code="egalite_absente",
                message="Aucune action ne contribue à l’égalité filles-garçons.",
                url=_create_url(programme),
            )
        )
    if not any(item.is_economic_world for a in grid.actions for item in a.partner_items.all()):
        items.append(
            CompletenessItem(
                code="partenaire_economique_absent",
                message="Aucune action n’associe un partenaire du monde économique ou professionnel.",
                url=_create_url(programme, axe_id=_axe_pk(grid, 2)),
                axe_id=_axe_pk(grid, 2),
            )
        )
    return items


def _outdated_message(item) -> str:
    if item.replaced_by_id:
        return f"« {item.label} » est une référence périmée : remplacez-la par « {item.replaced_by.label} »."
    return f"« {item.label} » est une référence périmée : retirez-la ou remplacez-la."


def _outdated_references(*, programme, actions) -> list[CompletenessItem]:
    """The programme cites a reference the platform marked outdated (Pôle emploi → France Travail, a yearly site
    of a past year): in its checked resources or in an action (1 query; the actions' items are prefetched)."""
    items = []
    ressources_url = reverse("plans:ressources", kwargs={"pk": programme.pk})
    for item in programme.ressources.filter(is_active=False).select_related("replaced_by").order_by("order"):
        items.append(
            CompletenessItem(
                code="reference_perimee",
                message=f"Ressources à mobiliser : {_outdated_message(item)}",
                url=ressources_url,
            )
        )
    for action in actions:
        for item in [*action.actors.all(), *action.partner_items.all()]:
            if not item.is_active:
                items.append(
                    CompletenessItem(
                        code="reference_perimee",
                        message=f"Action « {action.title} » : {_outdated_message(item)}",
                        url=reverse("plans:action_update", kwargs={"pk": action.pk}),
                        axe_id=action.axe_id,
                        action_id=action.pk,
                    )
                )
    return items


def _axe_pk(grid, number):
    return next((axe.pk for axe in grid.axes if axe.number == number), None)


def _hours(value) -> str:
    value = Decimal(value or 0).normalize()
    text = f"{value:f}".replace(".", ",")
    return f"{text} h"


def etablissement_ppos(*, etablissement) -> list[PPO]:
    return list(
        PPO.objects.filter(etablissement=etablissement).prefetch_related(
            Prefetch("programmes", queryset=ProgrammeAnnuel.objects.order_by("year"))
        )
    )


def programme_meeting_dates(*, programme) -> dict:
    """The dates of the latest conseil pédagogique's advice and conseil d’administration's adoption (or None)."""
    dates = {StatutProgramme.AVIS_CP: None, StatutProgramme.ADOPTE_CA: None}
    changes = programme.status_changes.filter(status__in=list(dates)).order_by("at", "pk")
    for status, day in changes.values_list("status", "date_of_decision"):
        dates[status] = day or dates[status]
    return {"avis_cp": dates[StatutProgramme.AVIS_CP], "adopte_ca": dates[StatutProgramme.ADOPTE_CA]}


def programme_status_changes(*, programme) -> list[StatutChange]:
    return list(programme.status_changes.select_related("by"))


def ressource_items_by_category() -> dict:
    """The active checklist items, grouped by category in the order of the seed."""
    grouped = {value: [] for value in CategorieRessource.values}
    for item in RessourceItem.objects.filter(is_active=True).order_by("order"):
        grouped[item.category].append(item)
    return grouped


def published_programmes(*, etablissement) -> list[ProgrammeAnnuel]:
    return list(
        ProgrammeAnnuel.objects.filter(ppo__etablissement=etablissement, status=StatutProgramme.PUBLIE)
        .select_related("ppo")
        .order_by("-year")
    )


def public_schools_search(*, query: str, limit: int = 20) -> list[Etablissement]:
    """Schools with a published programme whose name, commune, postcode or UAI contains every word typed (2 queries:
    the schools, then their académie is joined). An empty query finds nothing rather than every school."""
    words = query.split()[:6]
    if not words:
        return []
    published = ProgrammeAnnuel.objects.filter(ppo__etablissement=OuterRef("pk"), status=StatutProgramme.PUBLIE)
    schools = Etablissement.objects.filter(Exists(published), is_active=True)
    for word in words:
        schools = schools.filter(
            Q(name__icontains=word)
            | Q(commune__icontains=word)
            | Q(code_postal__startswith=word)
            | Q(uai__iexact=word)
        )
    return list(schools.select_related("academie").order_by("commune", "name")[:limit])


def public_programme_get(*, public_id) -> ProgrammeAnnuel:
    return get_object_or_404(
        ProgrammeAnnuel.objects.select_related("ppo__etablissement"),
        public_id=public_id,
        status=StatutProgramme.PUBLIE,
    )


def action_last_change(*, action):
    """The last recorded change of an action (who and when), for the message of a refused save."""
    return action.history.select_related("history_user").first()


def latest_programme(*, etablissement) -> ProgrammeAnnuel | None:
    return ProgrammeAnnuel.objects.filter(ppo__etablissement=etablissement).order_by("-year").first()


@dataclass
class CampaignFrame:
    """What the programme page shows of the académie's campaign: deadline, priorities, next temps forts."""

    campagne: object
    days_left: int
    transmitted_at: datetime.datetime | None
    n_priorites: int
    upcoming: list

    @property
    def days_late(self) -> int:
        return -self.days_left


def programme_campaign_frame(*, programme, upcoming: int = 3) -> CampaignFrame | None:
    """The frame of the campaign of the school's académie for the programme's year, or None (constant queries)."""
    etablissement = programme.ppo.etablissement
    campagne = campagnes_selectors.campagne_for(etablissement=etablissement, year=programme.year)
    if campagne is None:
        return None
    today = timezone.localdate()
    temps_forts = campagnes_selectors.temps_forts_for(etablissement=etablissement, year=programme.year)
    # The last move to « transmis » is the last transmission (the review app records both at once).
    transmitted_at = (
        StatutChange.objects.filter(programme=programme, status=StatutProgramme.TRANSMIS)
        .order_by("-at", "-pk")
        .values_list("at", flat=True)
        .first()
    )
    return CampaignFrame(
        campagne=campagne,
        days_left=(campagne.deadline - today).days,
        transmitted_at=transmitted_at,
        n_priorites=len(campagne.priorites.all()),
        upcoming=[tf for tf in temps_forts if (tf.end_date or tf.start_date) >= today][:upcoming],
    )
