"""Reads a Word PPO in the official layout into a plain dict (stored as JSON for the preview, then written).

The body is walked in order. Paragraphs — and the paragraphs of tables that are not programme tables, since the
official template puts its boxes in tables — move a small state: the current section (target objectives, axes,
resources, training…), the current axis and level. Tables whose header has the four official columns give one
action per row, on the axis and level read just before. Anything not understood is kept in `unrecognised`.
"""

import io
import re
from dataclasses import dataclass, field

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from ppo.documents import diagnostic_bridge, wording
from ppo.documents.importer import ImportRefused, cells, objectives
from ppo.documents.importer.boilerplate import BOILERPLATE
from ppo.documents.importer.lines import Line, checklist_items, paragraph_lines
from ppo.documents.importer.ticks import read_tick
from ppo.documents.textnorm import clean, norm
from ppo.plans.enums import CategorieRessource
from ppo.plans.frame import FORMER_LABELS
from ppo.plans.models import Axe, RessourceItem
from ppo.referentiel.models import Niveau

# section, normalized start of its title, whether the title must match exactly
SECTIONS = [
    ("objectifs", "objectifs cibles", False),
    ("axes", "axes d amelioration", False),
    ("ressources", "ressources a mobiliser", False),
    ("training", "actions de formation a prevoir", False),
    ("calendar", norm(wording.CALENDAR_TITLE), True),
    ("history", norm(wording.HISTORY_TITLE), True),
    ("notes", norm(wording.NOTES_TITLE), True),
    ("bilan", norm(wording.BILAN_TITLE), False),
    ("end", "supports ressources telechargeables", False),
]
_AXIS = re.compile(r"^\s*objectif\s*([1-9])\s*[-–—:]", re.IGNORECASE)
_YEAR = re.compile(r"ann[ée]e(?:\s+scolaire)?\s*:\s*(\d{4})\s*[-–/]\s*(\d{4})", re.IGNORECASE)
_UAI = re.compile(r"\b(?:UAI|RNE)\s*:\s*(\d{7}[A-Za-z])", re.IGNORECASE)
_SCHOOL = re.compile(
    r"^(coll[èe]ge|lyc[ée]e[^:]*|e\.?r\.?e\.?a\.?)\s*:\s*(?P<name>.+?)(?:\s{2,}|\t|UAI|Ann[ée]e|$)", re.I
)
COLUMN_KEYS = ("declinaison", "mise en oeuvre", "partenaires", "suivi")


@dataclass
class Reference:
    """The platform's lists the file is matched against, read once."""

    niveaux: dict = field(default_factory=dict)  # normalized label → Niveau
    axes: dict = field(default_factory=dict)  # number → Axe
    items: dict = field(default_factory=dict)  # category → {normalized label → RessourceItem}
    groups: set = field(default_factory=set)  # normalized sub-titles of the checklists
    categories: dict = field(default_factory=dict)  # normalized label → category

    @classmethod
    def load(cls):
        ref = cls()
        for niveau in Niveau.objects.all():
            for label in (niveau.template_label, niveau.label, f"en {niveau.label}", f"en classe de {niveau.label}"):
                if label:
                    ref.niveaux.setdefault(norm(label), niveau)
        ref.axes = {axe.number: axe for axe in Axe.objects.all()}
        for item in RessourceItem.objects.all():
            ref.items.setdefault(item.category, {})[norm(item.label)] = item
            if item.group:
                ref.groups.add(norm(item.group))
        for category, former, label in FORMER_LABELS:
            by_label = ref.items.get(category, {})
            if norm(label) in by_label:
                by_label.setdefault(norm(former), by_label[norm(label)])
        ref.categories = {norm(c.label): c.value for c in CategorieRessource}
        return ref

    def niveau(self, text: str):
        key = norm(text)
        if key in self.niveaux:
            return self.niveaux[key]
        # « En seconde professionnelle (2nde MRC) »: a level label followed by a few words.
        matches = [
            label
            for label in self.niveaux
            if label.startswith("en ") and key.startswith(label + " ") and len(key[len(label) :].split()) <= 4
        ]
        return self.niveaux[max(matches, key=len)] if matches else None


@dataclass
class State:
    section: str | None = None
    category: str | None = None
    axe: int | None = None
    niveau: object = None
    result: dict = field(default_factory=dict)


def _empty_result() -> dict:
    return {
        "header": {},
        "objectifs": [],
        "axes": [],
        "ressources": [],
        "ressources_autres": {},
        "training": [],
        "rows": [],
        "notes": [],
        "unrecognised": [],
        "warnings": [],
        "tables": 0,
        "bold_ticks": {},  # category → ids of items whose only tick is a bold label
        "seen_items": {},  # category → ids of the items listed in the file
    }


def _section_of(key: str) -> str | None:
    return next(
        (name for name, prefix, exact in SECTIONS if key == prefix or (not exact and key.startswith(prefix))), None
    )


def _header(text: str, state: State) -> bool:
    header = state.result["header"]
    found = False
    if match := _YEAR.search(text):
        header["year"] = f"{match[1]}-{match[2]}"
        found = True
    if match := _UAI.search(text):
        header["uai"] = match[1].upper()
        found = True
    if (match := _SCHOOL.match(text)) and "name" not in header:
        header["name"] = clean(match["name"]).strip("[] ")
        found = True
    return found


def _context(text: str, key: str, state: State, ref: Reference) -> bool:
    """An axis title (« Objectif 1 - Bac pro : … ») or a level (« En seconde professionnelle »)."""
    if match := _AXIS.match(text):
        number = int(match[1])
        if number in ref.axes:
            state.section, state.axe = "programme", number
            if ":" in text:  # « Objectif 1 - Bac pro : … » opens a table; « Objectif 1 - … » is a block of 3e PM
                state.niveau = None
            return True
    niveau = ref.niveau(text)
    if niveau is not None:
        if state.section != "programme" or (state.niveau and niveau.groupe != state.niveau.groupe):
            state.axe = None
        if niveau.groupe in wording.INVERTED_GROUPS:
            state.axe = None
        state.section, state.niveau = "programme", niveau
        return True
    return False


def _checklist_line(line: Line, state: State, ref: Reference) -> bool:
    """One checklist line (or several items on one line); False when nothing in it is a checklist item."""
    items = checklist_items(line)
    if len(items) > 1:
        known = [_checklist_item(item, state, ref) for item in items]
        for item, is_known in zip(items, known, strict=True):
            if not is_known:
                state.result["unrecognised"].append(item.text)
        return True
    return _checklist_item(line, state, ref)


def _checklist_item(line: Line, state: State, ref: Reference) -> bool:
    ticked, label = read_tick(line)
    key = norm(label)
    if key in ref.groups:
        return True
    other_label, sep, other_text = label.partition(":")
    if sep and norm(other_label) == norm(wording.OTHER):
        if other_text.strip() and state.category:
            autres = state.result["ressources_autres"]
            autres[state.category] = "\n".join(filter(None, [autres.get(state.category), other_text.strip()]))
        elif other_text.strip():
            state.result["unrecognised"].append(line.text)  # « Autre : … » outside any category: kept as text
        return True
    if key == norm(wording.OTHER):
        return True
    categories = [state.category] if state.category else list(ref.items)
    for category in categories:
        item = ref.items.get(category, {}).get(key)
        if item is not None:
            seen = state.result["seen_items"].setdefault(category, [])
            if item.pk not in seen:
                seen.append(item.pk)
            if ticked is None:
                state.result["bold_ticks"].setdefault(category, []).append(item.pk)
            elif ticked and item.pk not in state.result["ressources"]:
                state.result["ressources"].append(item.pk)
            return True
    return False


def _paragraph(line: Line, state: State, ref: Reference) -> None:
    text = line.text
    key = norm(text)
    if not key:
        return
    section = _section_of(key)
    if state.section == "bilan" and section not in ("notes", "end"):
        return  # the year's bilan written by the export (its sub-titles too): figures of the follow-ups, not content
    if section:
        state.section, state.category = section, None
        return
    if key in ref.categories:
        state.section, state.category = "ressources", ref.categories[key]
        return
    if key in BOILERPLATE or _header(text, state) or key.startswith("ppo "):
        return
    if state.section in ("calendar", "history", "end"):
        return  # derived from the actions, or the template's closing links
    if _context(text, key, state, ref):
        return
    if state.section == "ressources" and _checklist_line(line, state, ref):
        return
    if state.section in ("objectifs", "axes"):
        state.result[state.section].extend(objectives.items_of(text))
        return
    if state.section in ("training", "notes"):
        state.result[state.section].append(text)
        return
    state.result["unrecognised"].append(text)


def _is_programme_header(row) -> bool:
    texts = [norm(c.text) for c in _unique_cells(row)]
    return len(texts) >= 4 and all(any(t.startswith(k) for t in texts) for k in COLUMN_KEYS[:2])


def _unique_cells(row):
    seen, unique = set(), []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            unique.append(cell)
    return unique


def _cell_lines(cell) -> list[Line]:
    return [line for p in cell.paragraphs for line in paragraph_lines(p._p)]


def _programme_table(table: Table, state: State, ref: Reference) -> None:
    state.result["tables"] += 1
    for row in table.rows:
        if _is_programme_header(row):
            continue
        unique = _unique_cells(row)
        cell_lines = [_cell_lines(c) for c in unique]
        texts = [[line.text for line in lines] for lines in cell_lines]
        if len(unique) < 4:
            for line in (line for lines in cell_lines for line in lines):
                _paragraph(line, state, ref)
            continue
        if not any(texts):
            continue
        if len(texts[0]) == 1 and not any(texts[1:]) and _context(texts[0][0], norm(texts[0][0]), state, ref):
            continue  # a level or axis written in the first cell of an unmerged row
        if state.axe is None or state.niveau is None:
            state.result["unrecognised"].append(" | ".join(" / ".join(lines) for lines in texts))
            state.result["warnings"].append(
                "Une ligne de tableau n’est rattachée à aucun axe ou niveau reconnu : son texte est gardé dans les notes."
            )
            continue
        state.result["rows"].append({"axe": state.axe, "niveau": state.niveau.code, "cells": texts[:4]})


def _generic_table(table: Table, state: State, ref: Reference) -> None:
    """A box of the template (one-column table) or the checklists: read its paragraphs; a section opened inside
    the box ends with it."""
    before = state.section
    for row in table.rows:
        for cell in _unique_cells(row):
            for paragraph in cell.paragraphs:
                for line in paragraph_lines(paragraph._p):
                    _paragraph(line, state, ref)
    if state.section != before and state.section in ("objectifs", "axes", "ressources", "training"):
        state.section, state.category = None, None


def _walk(container, state: State, ref: Reference) -> None:
    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            for line in paragraph_lines(block._p):
                _paragraph(line, state, ref)
        elif isinstance(block, Table):
            if table_is_programme(block):
                _programme_table(block, state, ref)
            else:
                _generic_table(block, state, ref)


def _page_headers(document, state: State) -> None:
    """The school, UAI and year are often typed in the page header: read there for the header only."""
    for section in document.sections:
        for header in (section.first_page_header, section.header):
            if header.is_linked_to_previous:
                continue
            for paragraph in header.iter_inner_content():
                elements = [paragraph._p] if isinstance(paragraph, Paragraph) else [paragraph._tbl]
                for element in elements:
                    for line in paragraph_lines(element):
                        _header(line.text, state)


def table_is_programme(table: Table) -> bool:
    return any(_is_programme_header(row) for row in table.rows[:4])


def open_document(data: bytes):
    try:
        return Document(io.BytesIO(data))
    except (PackageNotFoundError, ValueError, KeyError) as exc:
        raise ImportRefused("Ce document Word est endommagé ou n’est pas un document Word (.docx).") from exc
    except Exception as exc:  # lxml syntax errors and the like: a broken part inside the archive
        raise ImportRefused("Ce document Word est endommagé et ne peut pas être lu.") from exc


def read_docx(data: bytes) -> dict:
    """The content of the file; raises ImportRefused when it is not a PPO in the official layout."""
    document = open_document(data)
    ref = Reference.load()
    state = State(result=_empty_result())
    _page_headers(document, state)
    _walk(document, state, ref)
    result = state.result
    if not result["tables"]:
        raise ImportRefused(
            "Ce document Word n’a pas la forme du modèle de PPO : aucun tableau à quatre colonnes « Déclinaison en "
            "objectifs opérationnels », « Mise en œuvre envisagée », « Partenaires », « Suivi et évaluation » n’a "
            "été trouvé."
        )
    return _finish(result, ref)


def _bold_ticks(result: dict) -> None:
    """A bold label ticks its box, unless every label of its checklist is bold (then bold is the layout)."""
    seen = result.pop("seen_items")
    for category, pks in result.pop("bold_ticks").items():
        if len(seen.get(category, [])) > 1 and set(pks) >= set(seen[category]):
            result["warnings"].append(
                f"Ressources « {CategorieRessource(category).label} » : tous les libellés sont en gras, le gras "
                "n’est donc pas lu comme une case cochée."
            )
            continue
        result["ressources"].extend(pk for pk in pks if pk not in result["ressources"])


def _finish(result: dict, ref: Reference) -> dict:
    """Rows → actions (a row repeated on several levels of one axis is one action on these levels)."""
    _bold_ticks(result)
    actors = ref.items.get(CategorieRessource.ACTEURS, {})
    partner_items = ref.items.get(CategorieRessource.PARTENARIATS, {})
    actions, by_key = [], {}
    niveaux = {n.code: n for n in ref.niveaux.values()}
    for row in result.pop("rows"):
        fields = cells.action_fields(
            row["cells"],
            actors={k: v.pk for k, v in actors.items()},
            partner_items={k: v.pk for k, v in partner_items.items()},
            warnings=result["warnings"],
        )
        key = (row["axe"], repr(sorted(fields.items())))
        if key in by_key:
            by_key[key]["niveaux"].append(row["niveau"])
            continue
        action = {"axe": row["axe"], "niveaux": [row["niveau"]], "fields": fields}
        by_key[key] = action
        actions.append(action)
    for action in actions:
        action["niveaux"].sort(key=lambda code: niveaux[code].order)
        action["niveau_labels"] = [niveaux[code].short_label for code in action["niveaux"]]
        action["axe_label"] = ref.axes[action["axe"]].short_label
        action["actor_labels"] = [i.label for i in actors.values() if i.pk in action["fields"]["actors"]]
        action["partner_labels"] = [
            i.label for i in partner_items.values() if i.pk in action["fields"]["partner_items"]
        ]
    result["actions"] = actions
    indicateurs = diagnostic_bridge.indicateurs()
    result["objectifs"] = [diagnostic_bridge.parse_objectif(line, indicateurs) for line in result["objectifs"]]
    result["axes"] = [diagnostic_bridge.parse_axe(line) for line in result["axes"]]
    result["training"] = "\n".join(result["training"])
    items = {item.pk: item for group in ref.items.values() for item in group.values()}
    result["ressource_labels"] = [items[pk].label for pk in result["ressources"]]
    result["ressources_autres_labels"] = {
        CategorieRessource(k).label: v for k, v in result["ressources_autres"].items()
    }
    return result
