"""Dated actions as an iCalendar feed (.ics): all-day events that a calendar application can subscribe to."""

import datetime

from django.utils import timezone
from icalendar import Calendar, Event

from ppo.documents.content import CalendarEvent


def build_ics(*, name: str, events: list[CalendarEvent]) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Plateforme PPO//Calendrier des actions//FR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Paris")
    now = timezone.now()
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("summary", item.title)
        event.add("dtstart", item.start)
        # All-day events end the day after their last day (RFC 5545, DTEND is exclusive).
        event.add("dtend", item.end + datetime.timedelta(days=1))
        event.add("dtstamp", item.stamp or now)
        description = "\n".join(filter(None, [f"Niveaux : {item.niveaux}" if item.niveaux else "", item.description]))
        if description:
            event.add("description", description)
        if item.niveaux:
            # The levels as categories too, so that a calendar application can filter on them.
            event.add("categories", [label.strip() for label in item.niveaux.split(",")])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
