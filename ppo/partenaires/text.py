"""Text normalisation for the SQLite fallback of the search: lower case, no accents, words only."""

import re
import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "Œ": "oe", "Æ": "ae", "’": " ", "'": " "})
_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalize(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_LIGATURES))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join(_NON_WORD.sub(" ", stripped).split())


def words(text: str) -> list[str]:
    return normalize(text).split()


def strip_accents(text: str) -> str:
    """Lower case and without accents, punctuation kept (for web-search syntax: quotes, « - », « or »)."""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
