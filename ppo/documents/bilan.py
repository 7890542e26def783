"""The year's bilan as a section of the Word and PDF exports, formatted from `suivi.selectors.bilan_for_programme`.

What the family version shows: every figure (actions per axis and level, hours against the reference, pupils
reached with girls and boys, partners, target objectives) but neither the team's texts nor the comments written on
each action's follow-up, which are internal (docs/documents.md).
"""

from ppo.documents import wording
from ppo.documents.content import BilanSection, FigureTable
from ppo.suivi.selectors import bilan_for_programme


def _n(value) -> str:
    """12.0 → « 12 », 12.5 → « 12,5 », None → « — »."""
    if value is None:
        return "—"
    if isinstance(value, float):
        text = f"{value:.2f}".rstrip("0").rstrip(".")
        return text.replace(".", ",")
    return str(value)


def _axis_table(data) -> FigureTable:
    return FigureTable(
        caption="Actions par axe",
        headers=("Axe", "Actions prévues", "Réalisées", "Reportées", "Annulées", "Encore à faire"),
        rows=tuple(
            (f"Axe {row['number']} : {row['label']}", *(_n(row[k]) for k in ("actions", "done", "postponed")))
            + (_n(row["cancelled"]), _n(row["pending"]))
            for row in data["by_axis"]
        ),
    )


def _level_table(data) -> FigureTable:
    rows = [
        (
            row["label"],
            _n(row["actions"]),
            _n(row["done"]),
            _n(row["hours_planned"]),
            _n(row["hours_delivered"]),
            _n(row["reference_hours"]) + (" (académie)" if row["reference_source"] == "académie" else ""),
            _n(row["girls"]),
            _n(row["boys"]),
            _n(row["pupils"]),
        )
        for row in data["by_level"]
    ]
    multi = data["multi_level"]
    if multi["actions"]:
        rows.append(
            ("Actions sur plusieurs niveaux", "", _n(multi["actions"]), "", "", "", _n(multi["girls"]))
            + (_n(multi["boys"]), _n(multi["pupils"]))
        )
    return FigureTable(
        caption="Actions, heures et élèves touchés par niveau",
        headers=(
            "Niveau",
            "Actions prévues",
            "Réalisées",
            "Heures prévues",
            "Heures réalisées",
            "Heures de référence",
            "Filles",
            "Garçons",
            "Élèves touchés",
        ),
        rows=tuple(rows),
    )


def _partners_table(data) -> FigureTable | None:
    if not data["partners"]:
        return None
    return FigureTable(
        caption="Partenaires nommés dans les actions et leurs suivis (une fois par action)",
        headers=("Partenaire", "Actions", "dont réalisées"),
        rows=tuple((row["name"], _n(row["actions"]), _n(row.get("done"))) for row in data["partners"]),
    )


def _partner_categories_table(data) -> FigureTable | None:
    if not data.get("partner_categories"):
        return None
    return FigureTable(
        caption="Catégories de partenaires cochées sur les actions",
        headers=("Catégorie", "Actions", "dont réalisées"),
        rows=tuple((row["label"], _n(row["actions"]), _n(row["done"])) for row in data["partner_categories"]),
    )


def _objectives_table(data) -> FigureTable | None:
    if not data["objectives"]:
        return None
    rows = []
    for row in data["objectives"]:
        unit = f" {row['unit']}" if row["unit"] else ""
        label = row["indicator"] + (f" ({row['scope']})" if row["scope"] else "")
        baseline = _n(row["baseline"]) + unit + (f" en {row['baseline_year']}" if row["baseline_year"] else "")
        if row["baseline"] is None:
            baseline = "—"
        latest = "—" if row["latest"] is None else f"{_n(row['latest'])}{unit} en {row['latest_year']}"
        target = f"{_n(row['target'])}{unit}" + (f" en {row['horizon_year']}" if row["horizon_year"] else "")
        rows.append((label, baseline, target, latest))
    return FigureTable(
        caption="Objectifs cibles",
        headers=("Indicateur", "Situation de départ", "Cible", "Dernière valeur connue"),
        rows=tuple(rows),
    )


def _comments_table(data) -> FigureTable | None:
    if not data["comments"]:
        return None
    return FigureTable(
        caption="Commentaires du suivi des actions",
        headers=("Axe", "Action", "État", "Commentaire"),
        rows=tuple(
            (
                _n(row["axis"]),
                row["action"],
                row["status"] + (f" — effets attendus : {row['evaluation'].lower()}" if row["evaluation"] else ""),
                "\n".join(filter(None, [row["reason"], row["comment"]])),
            )
            for row in data["comments"]
        ),
    )


def _summary(data) -> tuple[str, ...]:
    totals = data["totals"]
    lines = [
        f"Actions : {totals['actions']} prévues, {totals['done']} réalisées, {totals['postponed']} reportées, "
        f"{totals['cancelled']} annulées, {totals['pending']} encore à faire.",
        f"Heures : {_n(totals['hours_delivered'])} réalisées sur {_n(totals['hours_planned'])} prévues.",
        *filter(None, [data.get("hours_explanation")]),
        f"Élèves touchés : {totals['pupils']} ({totals['girls']} filles, {totals['boys']} garçons"
        + (f", {totals['girls_share']} % de filles)." if totals["girls_share"] is not None else ")."),
    ]
    evaluated = [row for row in data["evaluations"] if row["actions"]]
    if evaluated:
        lines.append(
            "Effets attendus atteints : "
            + ", ".join(f"{row['label'].lower()} pour {row['actions']} action(s)" for row in evaluated)
            + "."
        )
    return tuple(lines)


def bilan_section(*, programme, public: bool) -> BilanSection:
    """The bilan of `programme` for print: a fixed number of queries (those of `bilan_for_programme`)."""
    data = bilan_for_programme(programme=programme)
    status = data["status_label"]
    if data["frozen"]:
        status += " — chiffres arrêtés à la validation"
    tables = [
        _axis_table(data),
        _level_table(data),
        _partners_table(data),
        _partner_categories_table(data),
        _objectives_table(data),
    ]
    texts = ()
    if not public:
        tables.append(_comments_table(data))
        texts = tuple((t["label"], t["text"]) for t in data["texts"].values() if t["text"].strip())
    return BilanSection(
        title=f"{wording.BILAN_TITLE} {data['programme']['year_label']}",
        status_line=f"Bilan : {status.lower()}.",
        summary=_summary(data),
        tables=tuple(t for t in tables if t is not None),
        texts=texts,
    )
