"""One Event per real-world happening, however many outlets report it.

Two items tell the same story when they report the same kind of event between the
same states (two in common suffice) within a day of each other, and either name a common participant or
place, or share much of their wording. The second item then joins the first one's
Event as another source instead of counting the happening twice.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from accord.domain.kinds import EventKind
from accord.ingest.text import resemblance, shingles
from accord.news.model import Extraction
from accord.store.models import Event, EventCountry, EventParticipant, SourceItem

#: the kind an Event is filed under when an item reports several: the most specific first
KIND_ORDER = (
    EventKind.SIGNING,
    EventKind.COMMISSION_SESSION,
    EventKind.OFFICIAL_VISIT,
    EventKind.TALKS,
    EventKind.FORUM,
    EventKind.PHONE_CALL,
    EventKind.OTHER_EVENT,
)
#: share of word triples two texts must have in common to be one story told twice
NEAR_DUPLICATE = 0.35
#: candidates compared by text at most (the newest first), so grouping stays cheap on a busy day
MAX_TEXT_COMPARISONS = 30


def main_kind(extraction: Extraction) -> EventKind | None:
    types = {e.type for e in extraction.events}
    return next((k for k in KIND_ORDER if k in types), None)


def event_countries(extraction: Extraction) -> list[str]:
    codes: set[str] = set(extraction.countries)
    for entry in extraction.events:
        codes |= set(entry.countries)
    return sorted(codes)


def event_location(extraction: Extraction, kind: str) -> str | None:
    for entry in extraction.events:
        if entry.type == kind and entry.location:
            return entry.location
    return next((e.location for e in extraction.events if e.location), None)


def find_same_event(
    session: Session, extraction: Extraction, day: date | None, person_ids: set[int], text: str
) -> Event | None:
    """The Event an item reports, if an earlier item already reported it."""
    kinds = {e.type for e in extraction.events}
    if not kinds or day is None:
        return None
    countries = event_countries(extraction)
    location = event_location(extraction, main_kind(extraction) or "")
    candidates = session.scalars(
        select(Event)
        .where(Event.held_on.between(day - timedelta(days=1), day + timedelta(days=1)), Event.kind.in_(kinds))
        .options(selectinload(Event.countries), selectinload(Event.participants))
        .order_by(Event.id.desc())
    ).all()
    mine: set[int] | None = None
    compared = 0
    for event in candidates:
        if not _same_sides(event.country_codes, countries):
            continue
        if person_ids & {p.person_id for p in event.participants}:
            return event
        if location and event.location and location.lower() == event.location.lower():
            return event
        if compared >= MAX_TEXT_COMPARISONS:
            continue
        compared += 1
        mine = mine if mine is not None else shingles(text)
        for other in session.scalars(select(SourceItem.text).where(SourceItem.event_id == event.id).limit(3)):
            if resemblance(mine, shingles(other)) >= NEAR_DUPLICATE:
                return event
    return None


def _same_sides(a: list[str], b: list[str]) -> bool:
    """The same states meet: equal sets, or two states in common (one outlet may name a third)."""
    return set(a) == set(b) or len(set(a) & set(b)) >= 2


def new_event(extraction: Extraction, day: date | None, title: str) -> Event | None:
    """An Event for an item that reports one (None for items that report no event)."""
    kind = main_kind(extraction)
    if kind is None:
        return None
    event = Event(
        kind=kind,
        title=title[:2000],
        held_on=day,
        location=event_location(extraction, kind),
        facts={
            "types": sorted({str(e.type) for e in extraction.events}),
            "documents": [str(d.type) for d in extraction.documents],
        },
    )
    event.countries = [EventCountry(country_code=c) for c in event_countries(extraction)]
    return event


def add_participants(event: Event, people: list[tuple[int, str | None]]) -> None:
    """Add the item's resolved people to the event (once each)."""
    present = {p.person_id for p in event.participants}
    for person_id, position in people:
        if person_id not in present:
            event.participants.append(EventParticipant(person_id=person_id, position=position))
            present.add(person_id)
