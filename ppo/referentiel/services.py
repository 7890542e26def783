from django.db import transaction

from ppo.referentiel.models import Bassin, Departement, Etablissement, Niveau


def niveaux_for_kind(*, kind: str) -> list[Niveau]:
    return [n for n in Niveau.objects.order_by("order") if kind in (n.default_for_kinds or [])]


def etablissement_set_default_niveaux(*, etablissement: Etablissement) -> None:
    """Levels derived from the kind of school; the académie or an operator may edit them afterwards."""
    etablissement.niveaux.set(niveaux_for_kind(kind=etablissement.kind))


def etablissements_set_default_niveaux(*, etablissements: list[Etablissement]) -> None:
    """The same for many new schools at once (imports): two queries whatever their number."""
    niveaux = list(Niveau.objects.order_by("order"))
    through = Etablissement.niveaux.through
    links = [
        through(etablissement_id=etablissement.pk, niveau_id=niveau.pk)
        for etablissement in etablissements
        for niveau in niveaux
        if etablissement.kind in (niveau.default_for_kinds or [])
    ]
    through.objects.bulk_create(links, batch_size=1000, ignore_conflicts=True)


def etablissement_set_niveaux(*, etablissement: Etablissement, niveaux: list[Niveau]) -> None:
    etablissement.niveaux.set(niveaux)


def bassin_create(*, academie, name: str, departement: Departement | None = None) -> Bassin:
    return Bassin.objects.create(academie=academie, name=name.strip(), departement=departement)


def bassin_update(*, bassin: Bassin, name: str, departement: Departement | None) -> Bassin:
    bassin.name = name.strip()
    bassin.departement = departement
    bassin.save(update_fields=["name", "departement"])
    return bassin


@transaction.atomic
def bassin_set_etablissements(
    *, bassin: Bassin, candidates: list[Etablissement], chosen: list[Etablissement]
) -> tuple[int, int]:
    """Among `candidates` (the schools shown on the form), puts `chosen` in the bassin and takes the others out.

    Returns (added, removed). Schools of another académie are never touched.
    """
    chosen_ids = {e.pk for e in chosen if e.academie_id == bassin.academie_id}
    candidate_ids = {e.pk for e in candidates if e.academie_id == bassin.academie_id}
    added = (
        Etablissement.objects.filter(pk__in=chosen_ids & candidate_ids).exclude(bassin=bassin).update(bassin=bassin)
    )
    removed = Etablissement.objects.filter(pk__in=candidate_ids - chosen_ids, bassin=bassin).update(bassin=None)
    return added, removed
