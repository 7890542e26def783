"""What a figure of the dashboard counts, in words, for the title of the list of schools behind it."""

from ppo.pilotage.enums import EtatEtablissement
from ppo.pilotage.priorities import priorite_of_scope
from ppo.plans.enums import TypeAction
from ppo.plans.models import Axe, RessourceItem
from ppo.referentiel.models import Niveau


def _get(model, pk):
    return model.objects.filter(pk=int(pk)).first() if str(pk).isdigit() else None


def figure_label(figure: dict, *, schools) -> str:
    """`schools`: the scope of the list (a priority of another académie is not named)."""
    parts = []
    if "etat" in figure:
        parts.append(f"état « {EtatEtablissement(figure['etat']).label} »")
    if "cellule" in figure:
        axe_id, _, niveau_id = figure["cellule"].partition("-")
        axe, niveau = _get(Axe, axe_id), _get(Niveau, niveau_id)
        if axe and niveau:
            parts.append(f"au moins une action sur l’axe {axe.number} en {niveau.label}")
    if "type" in figure:
        parts.append(f"au moins une action de type « {dict(TypeAction.choices).get(figure['type'], '?')} »")
    if "partenaire" in figure and (item := _get(RessourceItem, figure["partenaire"])):
        parts.append(f"au moins une action avec « {item.label} »")
    if "axe" in figure and (axe := _get(Axe, figure["axe"])):
        parts.append(f"au moins une action sur l’axe {axe.number}")
    if "niveau" in figure and (niveau := _get(Niveau, figure["niveau"])):
        parts.append(f"programme transmis et niveau {niveau.label} enseigné")
    if "mixite" in figure:
        parts.append("au moins une action pour l’égalité filles-garçons")
    if "decouverte" in figure:
        parts.append("collèges ayant des actions de découverte des métiers à partir de la 5e")
    if "priorite" in figure and (priorite := priorite_of_scope(schools, figure["priorite"])):
        indicator = priorite.indicator_label or priorite.indicator_code
        if "atteinte" in figure:
            parts.append(
                f"au moins une valeur de « {indicator} » atteignant la cible de la priorité « {priorite.text} »"
            )
        else:
            parts.append(f"au moins une valeur de « {indicator} » renseignée (priorité « {priorite.text} »)")
    return " ; ".join(parts)
