from ppo.referentiel.models import Etablissement, Niveau


def niveaux_for_kind(*, kind: str) -> list[Niveau]:
    return [n for n in Niveau.objects.order_by("order") if kind in (n.default_for_kinds or [])]


def etablissement_set_default_niveaux(*, etablissement: Etablissement) -> None:
    """Levels derived from the kind of school; the académie or an operator may edit them afterwards."""
    etablissement.niveaux.set(niveaux_for_kind(kind=etablissement.kind))
