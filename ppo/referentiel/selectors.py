from django.db.models import Count, Q, QuerySet

from ppo.referentiel.models import Academie, Bassin, Departement, Etablissement


def etablissements_search(
    *,
    academie: Academie,
    q: str = "",
    kind: str = "",
    departement: Departement | None = None,
    bassin: Bassin | None = None,
    secteur: str = "",
) -> QuerySet[Etablissement]:
    qs = Etablissement.objects.filter(academie=academie).select_related("departement", "bassin")
    q = q.strip()
    if q:
        qs = qs.filter(Q(uai__iexact=q) | Q(uai__istartswith=q) | Q(name__icontains=q) | Q(commune__icontains=q))
    if kind:
        qs = qs.filter(kind=kind)
    if departement is not None:
        qs = qs.filter(departement=departement)
    if bassin is not None:
        qs = qs.filter(bassin=bassin)
    if secteur:
        qs = qs.filter(secteur=secteur)
    return qs.order_by("name", "uai")


def bassins_with_counts(*, academie: Academie) -> QuerySet[Bassin]:
    return (
        Bassin.objects.filter(academie=academie)
        .select_related("departement")
        .annotate(nb_etablissements=Count("etablissements"))
        .order_by("name")
    )


def departements_of(*, academie: Academie) -> QuerySet[Departement]:
    return Departement.objects.filter(academie=academie).order_by("code")


def bassin_candidates(*, bassin: Bassin, departement: Departement | None) -> QuerySet[Etablissement]:
    """The schools of the bassin's académie shown on its assignment form: one département at a time."""
    qs = Etablissement.objects.filter(academie_id=bassin.academie_id, is_active=True).select_related("bassin")
    if departement is not None:
        qs = qs.filter(departement=departement)
    return qs.order_by("commune", "name")
