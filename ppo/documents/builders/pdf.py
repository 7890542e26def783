"""The programme as a PDF (WeasyPrint, from an HTML template): a full version for the conseil d’administration and
a family version that shows the public content only."""

import functools
import logging

from django.template.loader import render_to_string

from ppo.documents import wording
from ppo.documents.builders.word import follow_up_lines, implementation_lines, partner_lines
from ppo.documents.content import ProgrammeDocument

# WeasyPrint logs every layout step at INFO level: keep the application logs readable.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def _rows(content: ProgrammeDocument):
    """The official tables with each action already split into the lines of the four columns."""
    tables = []
    for table in content.tables:
        blocks = []
        for block in table.blocks:
            rows = [
                {
                    "objective": action.objective,
                    "title": action.title,
                    "implementation": implementation_lines(action)[1:],
                    "partners": partner_lines(action),
                    "follow_up": follow_up_lines(action),
                }
                for action in block.actions
            ]
            blocks.append({"label": block.label, "rows": rows})
        tables.append({"title": table.title, "blocks": blocks})
    return tables


def render_html(content: ProgrammeDocument) -> str:
    if content.family is not None:
        # The family version: the same content as the school's public page, in plain language (`plans.family`).
        return render_to_string("documents/pdf/family.html", {"doc": content, "family": content.family})
    return render_to_string(
        "documents/pdf/programme.html",
        {"doc": content, "tables": _rows(content), "wording": wording, "columns": wording.COLUMNS},
    )


def _no_fetch(url, *args, **kwargs):
    """The template needs no outside resource: refuse any, so that no text typed by a user can make the server
    fetch a URL or read a local file."""
    raise ValueError(f"Ressource externe refusée : {url}")


@functools.cache
def _document_class():
    """WeasyPrint's `HTML` with a user-agent stylesheet cut down to what the template uses (`pdf/ua.css`): about
    20 % less CPU on a programme of 150 actions, same pages (docs/documents.md, « Mesures »). It overrides a private
    method of WeasyPrint 70 (the pinned version); should a later version rename it, the override is ignored and the
    full stylesheet applies again: slower, same document."""
    from weasyprint import CSS, HTML  # imported on first use: it parses its own stylesheets at import

    user_agent = CSS(string=render_to_string("documents/pdf/ua.css"), url_fetcher=_no_fetch)

    class ProgrammeHTML(HTML):
        def _ua_stylesheets(self, forms=False):
            return [user_agent]

    return ProgrammeHTML


def build_pdf(content: ProgrammeDocument) -> bytes:
    return _document_class()(string=render_html(content), url_fetcher=_no_fetch).write_pdf()
