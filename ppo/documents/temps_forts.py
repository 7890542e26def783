"""The académie's temps forts (campagnes app) as calendar events of a school's documents and calendar feed.

Read through `campagnes.selectors.temps_forts_for`.
"""

from ppo.campagnes.selectors import temps_forts_for
from ppo.documents.content import CalendarEvent


def temps_forts_events(*, etablissement, years, niveau=None) -> list[CalendarEvent]:
    """The temps forts of these school years; with `niveau`, those of that level or of every level (no level)."""
    events = []
    for year in sorted(set(years)):
        for temps_fort in temps_forts_for(etablissement=etablissement, year=year):
            levels = list(temps_fort.niveaux.all())
            if niveau is not None and levels and niveau not in levels:
                continue
            events.append(
                CalendarEvent(
                    uid=f"temps-fort-{temps_fort.pk}@ppo",
                    title=f"{temps_fort.label} (temps fort de l’académie)",
                    start=temps_fort.start_date,
                    end=temps_fort.end_date or temps_fort.start_date,
                    description=temps_fort.description,
                    niveaux=", ".join(n.short_label for n in levels) or "tous niveaux",
                )
            )
    return events
