"""Full-text search of the catalogue: PostgreSQL French full text, or a word-by-word fallback on SQLite.

PostgreSQL: `search_vector` (the title as written, weight A; the whole document without accents, weight B; French
configuration) with a GIN index, queried with `websearch_to_tsquery('french', …)` for the query as typed OR its
unaccented form (the French configuration keeps accents: « metiers » would not find « métiers » otherwise), ranked. SQLite: every significant word of the query, lower case and
without accents, must appear in `search_text` (a final « s » or « x » is dropped so « métiers » finds « métier »).
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, QuerySet, Value

from ppo.partenaires.text import normalize, strip_accents, words

# Short French words that carry no meaning on their own (PostgreSQL's French configuration drops them too).
STOPWORDS = {
    "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "ou", "un", "une",
    "dans", "par", "pour", "sur", "avec",
}  # fmt: skip


def uses_full_text() -> bool:
    return connection.vendor == "postgresql"


def search_vector_expression():
    return SearchVector("title", weight="A", config="french") + SearchVector(
        "search_text", weight="B", config="french"
    )


def index_text(*parts) -> str:
    """The text indexed for an offer: its parts, lower case, without accents or punctuation."""
    return normalize(" ".join(p for p in parts if p))


def fallback_terms(query: str) -> list[str]:
    terms = []
    for word in words(query):
        if word in STOPWORDS:
            continue
        if len(word) > 3 and word[-1] in "sx":
            word = word[:-1]
        terms.append(word)
    return terms


def apply_text_search(queryset: QuerySet, query: str) -> QuerySet:
    """Filters on `query` and annotates `rank` (higher is better); an empty query keeps everything."""
    query = (query or "").strip()
    if not query:
        return queryset.annotate(rank=Value(0.0))
    if uses_full_text():
        search = SearchQuery(query, config="french", search_type="websearch")
        plain = strip_accents(query)
        if plain != query:
            search |= SearchQuery(plain, config="french", search_type="websearch")
        return queryset.filter(search_vector=search).annotate(rank=SearchRank(F("search_vector"), search))
    for term in fallback_terms(query):
        queryset = queryset.filter(search_text__contains=term)
    return queryset.annotate(rank=Value(0.0))
