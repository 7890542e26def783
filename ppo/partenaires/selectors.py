"""Reads of the partenaires app: catalogue search, moderation queue, ambassadors and requests."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from ppo.comptes import perms as scope
from ppo.comptes.enums import SCHOOL_ROLES, Role
from ppo.core.dates import current_school_year
from ppo.partenaires import staleness
from ppo.partenaires.enums import StatutOffre
from ppo.partenaires.models import ActionOffre, Ambassadeur, DemandeIntervention, Offre, Secteur, Structure
from ppo.partenaires.search import apply_text_search
from ppo.plans.lifecycle import EDITABLE
from ppo.plans.models import ProgrammeAnnuel
from ppo.referentiel.models import Etablissement

OffreBassin = Offre.bassins.through
OffreDepartement = Offre.departements.through

# Labels of the proximity ranks, nearest first.
PROXIMITY_LABELS = {0: "Dans votre bassin", 1: "Dans votre département", 2: "Dans votre académie", 3: "Hors académie"}


@dataclass
class CatalogueFilters:
    query: str = ""
    niveau: object = None
    axe: object = None
    kind: str = ""
    secteur: object = None
    departement: object = None
    bassin: object = None
    free_only: bool = False


def offres_public(now=None) -> QuerySet[Offre]:
    """Validated offers confirmed within the hiding threshold: what the search shows."""
    return Offre.objects.filter(status=StatutOffre.VALIDEE, last_confirmed_at__gte=staleness.hide_limit(now))


def _ids(model, **lookups):
    """Offer ids of a through table, as an uncorrelated subquery (PostgreSQL hashes it once)."""
    return model.objects.filter(**lookups).values("offre_id")


def _academie_wide(academie_id) -> Q:
    """Offers of the académie restricted to no département and no bassin."""
    return (
        Q(academie_id=academie_id)
        & ~Q(pk__in=OffreDepartement.objects.values("offre_id"))
        & ~Q(pk__in=OffreBassin.objects.values("offre_id"))
    )


def _covers_departement(departement) -> Q:
    return (
        Q(pk__in=_ids(OffreDepartement, departement_id=departement.pk))
        | Q(pk__in=_ids(OffreBassin, bassin__departement_id=departement.pk))
        | _academie_wide(departement.academie_id)
    )


def _covers_bassin(bassin) -> Q:
    only_departements = Q(pk__in=_ids(OffreDepartement, departement_id=bassin.departement_id)) & ~Q(
        pk__in=OffreBassin.objects.values("offre_id")
    )
    return Q(pk__in=_ids(OffreBassin, bassin_id=bassin.pk)) | only_departements | _academie_wide(bassin.academie_id)


def proximity_expression(etablissement):
    """0 same bassin, 1 same département, 2 same académie, 3 elsewhere (as seen from `etablissement`)."""
    if etablissement is None:
        return Value(3, output_field=IntegerField())
    return Case(
        When(Q(pk__in=_ids(OffreBassin, bassin_id=etablissement.bassin_id)), then=Value(0)),
        When(Q(pk__in=_ids(OffreDepartement, departement_id=etablissement.departement_id)), then=Value(1)),
        When(academie_id=etablissement.academie_id, then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )


def catalogue_search(*, filters: CatalogueFilters, etablissement=None, now=None) -> QuerySet[Offre]:
    """Public offers matching the filters, nearest to `etablissement` first, then best ranked, then by title."""
    qs = offres_public(now)
    if filters.niveau:
        qs = qs.filter(pk__in=_ids(Offre.niveaux.through, niveau=filters.niveau))
    if filters.axe:
        qs = qs.filter(pk__in=_ids(Offre.axes.through, axe=filters.axe))
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.secteur:
        qs = qs.filter(
            Q(pk__in=_ids(Offre.secteurs.through, secteur=filters.secteur))
            | Q(pk__in=_ids(Offre.metiers.through, metier__secteurs=filters.secteur))
        )
    if filters.departement:
        qs = qs.filter(_covers_departement(filters.departement))
    if filters.bassin:
        qs = qs.filter(_covers_bassin(filters.bassin))
    if filters.free_only:
        qs = qs.filter(is_free=True)
    qs = apply_text_search(qs, filters.query)
    qs = qs.annotate(proximity=proximity_expression(etablissement))
    qs = qs.defer("search_text", "search_vector")
    return qs.select_related("structure", "academie").order_by("proximity", "-rank", "title", "pk")


def catalogue_page(*, filters: CatalogueFilters, etablissement=None, page_number=None, page_size: int = 20):
    """One page of results: the ordering runs on narrow rows (ids), then only the page's offers are loaded.

    Returns the paginator page (of ids) and the offers of the page, in order, with `proximity` and their niveaux,
    départements and bassins loaded: a fixed number of queries whatever the size of the catalogue.
    """
    ordered = catalogue_search(filters=filters, etablissement=etablissement).values_list("pk", flat=True)
    page = Paginator(ordered, page_size).get_page(page_number)
    ids = list(page.object_list)
    loaded = (
        Offre.objects.filter(pk__in=ids)
        .annotate(proximity=proximity_expression(etablissement))
        .defer("search_text", "search_vector")
        .select_related("structure", "academie")
        .prefetch_related("niveaux", "departements", "bassins")
        .in_bulk()
    )
    return page, [loaded[pk] for pk in ids]


def offre_links_seen_by(*, offre, user) -> list[ActionOffre]:
    """The actions of the user's schools created from this offer (none for anonymous users)."""
    if not user.is_authenticated:
        return []
    return list(
        ActionOffre.objects.filter(
            offre=offre, action__programme__ppo__etablissement__in=scope.staff_etablissements(user)
        )
        .select_related("action__programme__ppo__etablissement")
        .order_by("-created_at")
    )


def offre_secteurs(offre) -> QuerySet[Secteur]:
    """The sectors of the offer, and those of its métiers."""
    return Secteur.objects.filter(Q(offres=offre) | Q(metiers__offres=offre)).distinct().order_by("label")


def user_reference_etablissement(user, membership=None):
    """The school from which « near » is measured: the active school membership, else the first one."""
    if membership is not None and getattr(membership, "role", None) in SCHOOL_ROLES:
        return membership.etablissement
    for m in scope.active_memberships(user):
        if m.role in SCHOOL_ROLES:
            return m.etablissement
    return None


def partner_structures(user) -> QuerySet[Structure]:
    """The structures a partner user publishes for."""
    return Structure.objects.filter(pk__in=scope.partner_structure_ids(user)).order_by("name")


def offres_of_user_structures(user) -> QuerySet[Offre]:
    ids = scope.partner_structure_ids(user)
    qs = Offre.objects.all() if scope.is_operator(user) else Offre.objects.filter(structure_id__in=ids)
    return qs.select_related("structure").order_by("status", "title")


def moderated_academie_ids(user) -> set[int]:
    ids = set()
    for m in scope.active_memberships(user):
        if m.role == Role.ACADEMIE:
            ids.add(m.academie_id)
        if m.role == Role.PARTENAIRE and m.structure.is_moderator and m.structure.academie_id:
            ids.add(m.structure.academie_id)
    return ids


def offres_to_moderate(user) -> QuerySet[Offre]:
    qs = Offre.objects.filter(status=StatutOffre.SOUMISE)
    if not scope.is_operator(user):
        qs = qs.filter(academie_id__in=moderated_academie_ids(user))
    return qs.select_related("structure", "academie").order_by("updated_at", "pk")


def _current_programme_ids(etablissement_ids) -> dict[int, list[int]]:
    """Per school, the programmes of this school year and later; failing those, its most recent programme."""
    year = current_school_year()
    by_school: dict[int, list] = {}
    rows = ProgrammeAnnuel.objects.filter(ppo__etablissement_id__in=etablissement_ids).values_list(
        "pk", "year", "ppo__etablissement_id"
    )
    for pk, programme_year, school in rows:
        by_school.setdefault(school, []).append((programme_year, pk))
    result = {}
    for school, programmes in by_school.items():
        programmes.sort()
        current = [pk for y, pk in programmes if y >= year]
        result[school] = current or [programmes[-1][1]]
    return result


def editable_programmes(user) -> QuerySet[ProgrammeAnnuel]:
    """The current programmes (see `_current_programme_ids`) of the schools where the user writes, in a state that
    lets their content change (`plans.lifecycle.EDITABLE`)."""
    return _written_programmes(user).filter(status__in=EDITABLE)


def locked_programmes(user) -> QuerySet[ProgrammeAnnuel]:
    """The same current programmes whose state does not let their content change (under review, validated)."""
    return _written_programmes(user).exclude(status__in=EDITABLE)


def _written_programmes(user) -> QuerySet[ProgrammeAnnuel]:
    ids = [m.etablissement_id for m in scope.active_memberships(user) if m.role in (Role.DIRECTION, Role.REDACTEUR)]
    pks = [pk for pks in _current_programme_ids(ids).values() for pk in pks]
    return (
        ProgrammeAnnuel.objects.filter(pk__in=pks)
        .select_related("ppo__etablissement")
        .order_by("ppo__etablissement__name", "year")
    )


def current_programme(etablissement):
    """The programme of the current school year of the school; failing it, its most recent programme."""
    pks = _current_programme_ids([etablissement.pk]).get(etablissement.pk)
    if not pks:
        return None
    return ProgrammeAnnuel.objects.select_related("ppo__etablissement").get(pk=pks[0])


def ambassadeurs_listed(*, query: str = "", kind: str = "", secteur=None, departement=None) -> QuerySet[Ambassadeur]:
    qs = Ambassadeur.objects.filter(is_paused=False, user__is_active=True)
    if kind:
        qs = qs.filter(**{f"offers_{kind}": True})
    if secteur:
        qs = qs.filter(Q(secteur=secteur) | Q(metier__secteurs=secteur)).distinct()
    if departement:
        qs = qs.filter(
            Q(departements=departement) | Q(departements__isnull=True, academie_id=departement.academie_id)
        ).distinct()
    if query:
        for word in query.split():
            qs = qs.filter(Q(job_title__icontains=word) | Q(metier__label__icontains=word))
    return qs.select_related("user", "metier", "secteur", "academie").order_by("job_title", "pk")


def demandes_visible_to(user) -> QuerySet[DemandeIntervention]:
    school_ids = [m.etablissement_id for m in scope.active_memberships(user) if m.role in SCHOOL_ROLES]
    condition = Q(etablissement_id__in=school_ids) | Q(ambassadeur__user=user)
    qs = (
        DemandeIntervention.objects.all() if scope.is_operator(user) else DemandeIntervention.objects.filter(condition)
    )
    return qs.select_related("ambassadeur__user", "etablissement", "niveau").order_by("-created_at", "-pk")


def writable_etablissements(user) -> QuerySet[Etablissement]:
    """The schools where the user is direction or rédacteur."""
    ids = [m.etablissement_id for m in scope.active_memberships(user) if m.role in (Role.DIRECTION, Role.REDACTEUR)]
    return Etablissement.objects.filter(pk__in=ids).order_by("name")
