from rest_framework.pagination import CursorPagination


class StableCursorPagination(CursorPagination):
    """Opaque cursors over a unique, never-changing order: no row is skipped or repeated while data changes."""

    ordering = "pk"
    page_size = 50
    page_size_query_param = "taille"
    max_page_size = 200
    cursor_query_param = "curseur"
    cursor_query_description = "Curseur de la page (valeur donnée par `next` ou `previous`)."
    page_size_query_description = "Nombre d’éléments par page (200 au plus)."
