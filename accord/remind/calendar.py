"""A person's deadlines as an iCalendar feed (RFC 5545) for Outlook, phones and other calendars."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from icalendar import Calendar, Event

from accord.remind.deadlines import Deadline
from accord.remind.digest import WORDS


def feed(
    deadlines: Iterable[Deadline], lang: str, base_url: str, stamp: datetime, host: str = "accord"
) -> bytes:
    """One all-day event per deadline; the UID is stable, so calendars update an event rather than add one."""
    w = WORDS[lang if lang in WORDS else "ru"]
    cal = Calendar()
    cal.add("prodid", "-//accord//deadlines//" + lang.upper())
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "accord: сроки" if lang == "ru" else "accord: deadlines")
    for d in deadlines:
        event = Event()
        event.add("uid", f"{d.entity}-{d.entity_id}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", d.due_on)
        event.add("dtend", d.due_on + timedelta(days=1))
        event.add("summary", f"{w[d.entity]} {d.number}: {d.title}")
        lines = [d.where, f"{d.status}"]
        if d.responsible:
            lines.append(f"{w['responsible']}: {'; '.join(d.responsible)}")
        url = f"{base_url.rstrip('/')}{d.path}"
        lines.append(url)
        event.add("description", "\n".join(lines))
        event.add("url", url)
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()
