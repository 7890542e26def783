"""Reads the four cells of one row of an official table back into the fields of an action.

The platform writes labelled lines (« Qui : … », « Quand : … », see `documents.wording`); a file written by hand
has none, and then the first line is the title and the rest the description.
"""

import re
from decimal import Decimal, InvalidOperation

from ppo.documents import wording
from ppo.documents.textnorm import norm
from ppo.plans.enums import TypeAction

_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
TITLE_MAX = 200
IMPLEMENTATION_LABELS = {
    norm(label): label
    for label in (
        wording.WHO,
        wording.WHEN,
        wording.DATES,
        wording.KIND,
        wording.CLASSES,
        wording.PUPILS,
        wording.HOURS,
        wording.EQUALITY,
        wording.WHAT,
    )
}
KINDS = {norm(kind.label): kind.value for kind in TypeAction}


def split_label(line: str, labels: dict) -> tuple[str | None, str]:
    head, sep, rest = line.partition(":")
    if sep and norm(head) in labels:
        return labels[norm(head)], rest.strip()
    return None, line


def _iso_dates(text: str) -> list[str]:
    return [f"{y}-{int(m):02d}-{int(d):02d}" for d, m, y in _DATE.findall(text)]


def _decimal(text: str) -> str | None:
    match = re.search(r"-?\d+(?:[,.]\d+)?", text)
    if not match:
        return None
    try:
        return str(Decimal(match.group(0).replace(",", ".")))
    except InvalidOperation:
        return None


def implementation(lines: list[str], *, actors: dict, warnings: list) -> dict:
    """« Mise en œuvre envisagée »: title, who, when, dates, kind… and the description."""
    fields = {"title": "", "description": [], "actors": [], "actors_other": [], "kind": TypeAction.AUTRE.value}
    in_description = False
    for index, line in enumerate(lines):
        label, value = split_label(line, IMPLEMENTATION_LABELS) if not in_description else (None, line)
        if label is None:
            if index == 0:
                fields["title"] = line
            else:
                fields["description"].append(line)
            continue
        if label == wording.WHAT:
            in_description = True
            fields["description"].append(value)
        elif label == wording.WHO:
            for part in (p.strip() for p in value.split(",")):
                if norm(part) in actors:
                    fields["actors"].append(actors[norm(part)])
                elif part:
                    fields["actors_other"].append(part)
        elif label == wording.WHEN:
            fields["period"] = value
        elif label == wording.DATES:
            dates = _iso_dates(value)
            if dates:
                fields["start_date"] = dates[0]
                fields["end_date"] = dates[1] if len(dates) > 1 else None
        elif label == wording.KIND:
            kind = KINDS.get(norm(value))
            if kind is None:
                warnings.append(f"Type d’action « {value} » inconnu : l’action est classée « Autre ».")
            fields["kind"] = kind or TypeAction.AUTRE.value
        elif label == wording.CLASSES:
            fields["classes"] = value
        elif label == wording.PUPILS:
            number = re.search(r"\d+", value)
            fields["pupils_count"] = int(number.group(0)) if number else None
        elif label == wording.HOURS:
            fields["hours"] = _decimal(value)
        elif label == wording.EQUALITY:
            fields["gender_equality"] = norm(value) in ("oui", "x", "vrai")
    fields["description"] = "\n".join(fields["description"])
    fields["actors_other"] = ", ".join(fields["actors_other"])
    return fields


def partners(lines: list[str], *, items: dict) -> dict:
    found, free = [], []
    for line in lines:
        if norm(line) in items:
            found.append(items[norm(line)])
        else:
            free.append(line)
    return {"partner_items": found, "partners": "\n".join(free)}


def follow_up(lines: list[str]) -> dict:
    labels = {norm(wording.INDICATORS): "indicators", norm(wording.INTERNAL): "internal_comment"}
    parts = {"expected_effects": [], "indicators": [], "internal_comment": []}
    current = "expected_effects"
    for line in lines:
        label, value = split_label(line, labels)
        if label:
            current = label
            line = value
        parts[current].append(line)
    return {key: "\n".join(value) for key, value in parts.items()}


def action_fields(texts: list[list[str]], *, actors: dict, partner_items: dict, warnings: list) -> dict:
    """The four cells (each a list of lines) → the fields of one action, with ids of the ticked items."""
    objective, how, who_with, follow = texts
    fields = {"objective": "\n".join(objective)}
    fields.update(implementation(how, actors=actors, warnings=warnings))
    fields.update(partners(who_with, items=partner_items))
    fields.update(follow_up(follow))
    if not fields["title"]:
        source = fields["description"] or fields["objective"] or "Action importée"
        fields["title"] = source.splitlines()[0]
    if fields.get("end_date") and fields.get("start_date") and fields["end_date"] < fields["start_date"]:
        warnings.append(f"« {fields['title']} » : la date de fin précède la date de début, elle n’est pas reprise.")
        fields["end_date"] = None
    for name, limit in (("actors_other", 300), ("period", 200), ("classes", 300)):
        if len(fields.get(name) or "") > limit:
            warnings.append(f"« {fields['title']} » : texte trop long pour « {name} », il est coupé.")
            fields[name] = fields[name][:limit]
    if len(fields["title"]) > TITLE_MAX:
        fields["description"] = "\n".join(filter(None, [fields["title"], fields["description"]]))
        fields["title"] = fields["title"][: TITLE_MAX - 1].rstrip() + "…"
    return fields
