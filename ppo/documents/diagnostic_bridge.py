"""Target objectives and improvement axes live in the diagnostic app; documents read and write them through here.

Lines have a fixed wording so that an exported Word file can be read back:
« Taux de poursuite d’études (scope) : 45 % en 2024 → cible 60 % en 2027-2028 — commentaire ».
"""

import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from ppo.diagnostic import services as diagnostic_services
from ppo.diagnostic.enums import CategorieAxe
from ppo.diagnostic.models import Indicateur, ObjectifCible
from ppo.documents.textnorm import clean, norm
from ppo.documents.wording import decimal_label

_OBJECTIF = re.compile(
    r"^(?P<label>.+?)(?: \((?P<scope>[^()]*)\))? : "
    r"(?:(?P<baseline>-?\d+(?:[,.]\d+)?)(?: [^\s→]+)? en (?P<byear>\d{4}) → )?"
    r"cible (?P<target>-?\d+(?:[,.]\d+)?)(?: [^\s→]+)? en (?P<horizon>\d{4})(?:-\d{4})?"
    r"(?: — (?P<comment>.+))?$"
)
# Words that hint at the category of an improvement axis written without one.
_AXE_HINTS = [
    ("vigilance", "vigilance"),
    ("partenari", "partenariats"),
    ("communication", "communication"),
    ("methodolog", "methodologie"),
    ("parcours", "diversification"),
    ("diversif", "diversification"),
]


def _value(number, symbol) -> str:
    text = decimal_label(number)
    return f"{text} {symbol}" if symbol else text


def objectif_line(objectif) -> str:
    indicateur = objectif.indicateur
    symbol = indicateur.unit_symbol
    head = indicateur.label + (f" ({objectif.scope})" if objectif.scope else "")
    start = ""
    if objectif.baseline is not None and objectif.baseline_year:
        start = f"{_value(objectif.baseline, symbol)} en {objectif.baseline_year} → "
    line = f"{head} : {start}cible {_value(objectif.target, symbol)} en {objectif.horizon_label}"
    comment = clean(" ".join((objectif.comment or "").split()))
    return f"{line} — {comment}" if comment else line


def axe_line(axe) -> str:
    return f"{axe.get_category_display()} : {clean(' '.join(axe.text.split()))}"


def lines_of(programme) -> tuple[tuple[str, ...], tuple[str, ...]]:
    objectifs = tuple(objectif_line(o) for o in programme.objectifs_cibles.select_related("indicateur"))
    axes = tuple(axe_line(a) for a in programme.axes_amelioration.all())
    return objectifs, axes


def _decimal(text):
    if text is None:
        return None
    try:
        return str(Decimal(text.replace(",", ".")))
    except InvalidOperation:
        return None


def indicateurs() -> list:
    """The indicators a target objective may name, read once per import."""
    return list(Indicateur.objects.all())


def parse_objectif(line: str, indicateurs=None) -> dict:
    """{"text", "indicateur" (code or None), "scope", "baseline", "baseline_year", "target", "horizon_year", …}.

    The line written by the export is read exactly; a line typed by hand is read by `importer.objectives`
    (indicator named in the sentence, figures around it). `indicateurs`: the list of indicators, read once."""
    from ppo.documents.importer.objectives import read_figures

    result = {"text": line, "indicateur": None}
    indicateurs = list(Indicateur.objects.all()) if indicateurs is None else indicateurs
    match = _OBJECTIF.match(line)
    if not match:
        return result | (read_figures(line, indicateurs) or {})
    by_label = {norm(i.label): i for i in indicateurs}
    label, scope = match["label"], match["scope"] or ""
    indicateur = by_label.get(norm(label))
    if indicateur is None and scope:
        indicateur, scope = by_label.get(norm(f"{label} ({scope})")), ""
    if indicateur is None:
        return result | (read_figures(line, indicateurs) or {})
    result.update(
        indicateur=indicateur.code,
        indicateur_label=indicateur.label,
        scope=scope,
        baseline=_decimal(match["baseline"]),
        baseline_year=int(match["byear"]) if match["byear"] else None,
        target=_decimal(match["target"]),
        horizon_year=int(match["horizon"]),
        comment=match["comment"] or "",
    )
    return result


def parse_axe(line: str) -> dict:
    """{"category", "category_label", "text", "guessed"}: the category from the line's prefix, or guessed."""
    head, sep, rest = line.partition(" : ")
    for category in CategorieAxe:
        if sep and norm(head) == norm(category.label):
            return {"category": category.value, "category_label": category.label, "text": rest, "guessed": False}
    lowered = norm(line)
    value = next((cat for hint, cat in _AXE_HINTS if hint in lowered), "thematiques")
    category = CategorieAxe(value)
    return {"category": category.value, "category_label": category.label, "text": line, "guessed": True}


def write(*, programme, objectifs: list[dict], axes: list[dict]) -> list[str]:
    """Creates the target objectives and axes; returns the lines that could not be written (for the notes).

    An objective without a horizon aims at the last year of the PPO; one the diagnostic refuses (a value out of
    range) is kept as text rather than stopping the import."""
    left = []
    indicateurs = {i.code: i for i in Indicateur.objects.filter(code__in=[o["indicateur"] for o in objectifs])}
    for item in objectifs:
        indicateur = indicateurs.get(item["indicateur"])
        if indicateur is None or item.get("target") is None:
            left.append(item["text"])
            continue
        objectif = ObjectifCible(
            programme=programme,
            indicateur=indicateur,
            scope=item.get("scope", ""),
            baseline=item.get("baseline"),
            baseline_year=item.get("baseline_year"),
            target=item["target"],
            horizon_year=item.get("horizon_year") or programme.ppo.last_year,
            comment=item.get("comment", ""),
        )
        try:
            diagnostic_services.objectif_save(objectif=objectif)
        except ValidationError:
            left.append(item["text"])
    for item in axes:
        if not item.get("category"):
            left.append(item["text"])
            continue
        diagnostic_services.axe_amelioration_create(programme=programme, category=item["category"], text=item["text"])
    return left
