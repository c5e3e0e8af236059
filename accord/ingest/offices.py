"""The offices a person is reported in, dated by the items that report them."""

from __future__ import annotations

from datetime import date

from accord.ingest.resolve import OrgIndex, office_body, same_office
from accord.store.models import Person, Position


def record_position(
    person: Person, title: str, country: str | None, day: date | None, source: str, orgs: OrgIndex
) -> None:
    """Record an office with the date it was reported; an office already known is kept, its start moved earlier."""
    for held in person.positions:
        if same_office(held.title, title):
            if day and held.start_on and day < held.start_on and held.source and "://" in held.source:
                held.start_on = day
            return
    found = orgs.find(office_body(title), [country] if country else None)
    person.positions.append(
        Position(
            title=title,
            country_code=country or person.country_code,
            organization_id=found[0] if found else None,
            start_on=day,
            source=source,
        )
    )
