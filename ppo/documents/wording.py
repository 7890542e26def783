"""The words of the official template (seed 000) shared by the Word builder and the Word importer.

Both sides read these constants, so that a file the platform writes is a file the platform reads back.
"""

from ppo.referentiel.enums import GroupeNiveau

TITLE = "Plan Pluriannuel d’Orientation"
OBJECTIFS_TITLE = "OBJECTIFS CIBLES par l’établissement dans le cadre du PPO"
AXES_TITLE = (
    "AXES D’AMELIORATION pour approfondir l’accompagnement à l’orientation et points de vigilance à prendre en compte"
)
RESSOURCES_TITLE = "Ressources à mobiliser pour mettre en œuvre le PPO"
TRAINING_TITLE = (
    "Actions de formation à prévoir pour accompagner la mise en œuvre du PPO, notamment des formations sur site"
)
CALENDAR_TITLE = "Calendrier de l’année"
HISTORY_TITLE = "Historique du programme"
NOTES_TITLE = "Notes"
BILAN_TITLE = "Bilan de l’année"  # followed by the school year: the importer skips the whole section
NO_OBJECTIFS = "Aucun objectif cible renseigné."
NO_AXES = "Aucun axe d’amélioration renseigné."
NO_TRAINING = "Aucune action de formation prévue."
NO_EVENTS = "Aucune action datée pour cette année."

COLUMNS = [
    "Déclinaison en objectifs opérationnels",
    "Mise en œuvre envisagée\n(Qui, Quand, Quoi, Comment)",
    "Partenaires",
    "Suivi et évaluation\n(Effets attendus)",
]

# Labelled lines of the « Mise en œuvre » and « Suivi » cells.
WHO = "Qui"
WHEN = "Quand"
DATES = "Dates"
KIND = "Type"
HOURS = "Heures"
CLASSES = "Classes"
PUPILS = "Élèves concernés"
EQUALITY = "Égalité filles-garçons"
WHAT = "Quoi, comment"
INDICATORS = "Indicateurs"
INTERNAL = "Commentaire interne"
OTHER = "Autre"

TICKED = "☒"
UNTICKED = "☐"

# How a table title names the group of levels: « Objectif 1 - Bac pro : … ».
GROUP_TITLE = {
    GroupeNiveau.COLLEGE: "Collège",
    GroupeNiveau.LGT: "Lycée",
    GroupeNiveau.BAC_PRO: "Bac pro",
    GroupeNiveau.CAP: "CAP",
}
GROUP_ORDER = [
    GroupeNiveau.COLLEGE,
    GroupeNiveau.LGT,
    GroupeNiveau.BAC_PRO,
    GroupeNiveau.CAP,
    GroupeNiveau.PREPA_METIERS,
]
# The 3e prépa-métiers table is the other way round: one table for the level, one block per axis.
INVERTED_GROUPS = {GroupeNiveau.PREPA_METIERS}


def axis_title(number: int, group: str, label: str) -> str:
    return f"Objectif {number} - {GROUP_TITLE[group]} : {label}"


def axis_block_title(number: int, label: str) -> str:
    return f"Objectif {number} - {label}"


def school_heading(kind_label: str, name: str) -> str:
    return f"{kind_label} : {name}"


def labelled(label: str, value: str) -> str:
    return f"{label} : {value}"


def decimal_label(value) -> str:
    """2.5 → « 2,5 », 2.0 → « 2 » (French decimal comma)."""
    text = format(value.normalize(), "f")
    return text.replace(".", ",")
