"""How long an offer stays fresh without being confirmed by its partner (documented in docs/partenaires.md)."""

import datetime

from django.utils import timezone

# Confirmed more than 12 months ago: flagged « à reconfirmer » (still searchable).
FLAG_AFTER = datetime.timedelta(days=365)
# Confirmed more than 15 months ago: hidden from the search until the partner confirms it again.
HIDE_AFTER = datetime.timedelta(days=456)


def flag_limit(now=None):
    return (now or timezone.now()) - FLAG_AFTER


def hide_limit(now=None):
    return (now or timezone.now()) - HIDE_AFTER


def is_stale(offre, now=None) -> bool:
    return offre.last_confirmed_at < flag_limit(now)


def is_hidden(offre, now=None) -> bool:
    return offre.last_confirmed_at < hide_limit(now)
