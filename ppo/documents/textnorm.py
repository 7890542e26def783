"""Text helpers shared by the importer: compare labels whatever their accents, quotes, dashes or spacing."""

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


def norm(text: str) -> str:
    """« Référent égalité filles-garçons » → « referent egalite filles garcons »."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("œ", "oe")
    return _NON_WORD.sub(" ", text).strip()


def clean(text: str) -> str:
    """Collapses runs of spaces and tabs, strips the ends."""
    return re.sub(r"[ \t\u00a0]+", " ", text or "").strip()
