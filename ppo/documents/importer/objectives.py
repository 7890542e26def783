"""Target objectives (and improvement axes) as schools type them: several in one cell, numbered or bulleted, with
the figures written in a sentence.

`items_of` cuts one line into its items (« 1) … 2) … », « • … • … », « - … - … »); `read_figures` reads an
indicator, a baseline, a target and years from a sentence such as « Taux de poursuite d’études : passer de 25 %
à 35 % d’ici 2028 ». A line whose indicator and target cannot both be read stays as text.
"""

import re
from decimal import Decimal, InvalidOperation

from ppo.documents.textnorm import clean, norm

_BULLET = re.compile(r"^\s*(?:[•●◦▪▫‣∙·*–—-]|\d{1,2}\s*[).°]|[a-hA-H]\))\s+")
_NUMBERED_INSIDE = re.compile(r"\s+(?=\d{1,2}\s*\)\s)")
_BULLET_INSIDE = re.compile(r"\s+(?=[•●◦▪‣∙]\s)")
_DASH_INSIDE = re.compile(r"\s+(?=[–—-]\s)")
_YEAR = re.compile(r"\b(20\d{2})(?:\s*[-–/]\s*(20\d{2}))?\b")
_VALUE = re.compile(r"(?<![\d,.])(-?\d+(?:[,.]\d+)?)\s*(%|points?\b|pts?\b)?")


def items_of(text: str) -> list[str]:
    """« 1) Augmenter… 2) Réduire… » → two items, without their numbers or bullets."""
    text = clean(text)
    if re.match(r"^\s*\d{1,2}\s*\)\s", text):
        parts = _NUMBERED_INSIDE.split(text)
    elif re.match(r"^\s*[•●◦▪‣∙]\s", text):
        parts = _BULLET_INSIDE.split(text)
    elif re.match(r"^\s*[–—-]\s", text):
        parts = _DASH_INSIDE.split(text)
    else:
        parts = [text]
    items = [_BULLET.sub("", part, count=1).strip() for part in parts]
    return [item for item in items if item]


def _decimal(text: str) -> str | None:
    try:
        return str(Decimal(text.replace(",", ".")))
    except InvalidOperation:
        return None


def find_indicateur(text: str, indicateurs: list) -> object | None:
    """The indicator whose label is written in the text (the longest one when several are)."""
    key = f" {norm(text)} "
    found = [i for i in indicateurs if f" {norm(i.label)} " in key]
    return max(found, key=lambda i: len(i.label)) if found else None


def read_figures(text: str, indicateurs: list) -> dict | None:
    """{"indicateur", "baseline", "baseline_year", "target", "horizon_year"} read in a sentence, or None."""
    indicateur = find_indicateur(text, indicateurs)
    if indicateur is None:
        return None
    # « 2027-2028 » is the school year 2027; a lone « 2028 » (« d’ici 2028 ») the school year that ends in 2028.
    years = [int(m[1]) if m[2] else int(m[1]) - 1 for m in _YEAR.finditer(text)]
    without_years = _YEAR.sub(" ", text)
    label_numbers = set(re.findall(r"\d+", indicateur.label))
    values = [(m[1], bool(m[2])) for m in _VALUE.finditer(without_years)]
    if any(with_unit for _, with_unit in values):
        values = [v for v in values if v[1]]
    else:
        values = [v for v in values if v[0] not in label_numbers]
    if not values:
        return None
    target = _decimal(values[-1][0])
    baseline = _decimal(values[0][0]) if len(values) > 1 else None
    if target is None:
        return None
    horizon = max(years) if years else None
    baseline_year = None
    if baseline is not None and len(years) > 1:
        first = _YEAR.search(text)
        baseline_year = int(first[1])  # the year of a measured value, as written
    return {
        "indicateur": indicateur.code,
        "indicateur_label": indicateur.label,
        "scope": "",
        "baseline": baseline,
        "baseline_year": baseline_year,
        "target": target,
        "horizon_year": horizon,
        "comment": text,
    }
