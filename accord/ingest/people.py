"""The people an item names: matched to the directory, or created once per run for a new name."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from accord.ingest.catalog import Catalog
from accord.ingest.offices import record_position
from accord.ingest.once import person_key
from accord.ingest.resolve import Name
from accord.news.model import Extraction
from accord.store.models import Person, PersonAlias


def resolve_people(
    session: Session,
    catalog: Catalog,
    extraction: Extraction,
    day: date | None,
    source: str,
    created: list[Person],
) -> list[tuple[int, str | None]]:
    """(person id, position) for everyone the item names; new people for names nobody matches."""
    out = []
    entries = []
    for entry in extraction.persons:
        country = entry.country if entry.country in catalog.countries else None
        entries.append((entry.name, entry.position, country, catalog.people.match(entry.name, country)))
    known = {match.person_id for *_, match in entries if match is not None}
    # everyone the directory knows, with their offices, in one query instead of one per person
    loaded = (
        {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(known)).options(selectinload(Person.positions)))}
        if known
        else {}
    )
    for name, position, country, match in entries:
        if match is None:
            match_in_run = next((p for p in created if _same_new(p, name, country)), None)
            person = match_in_run or _create_person(session, name, country)
            if match_in_run is None:
                created.append(person)
        else:
            person = loaded[match.person_id]
        if position:
            record_position(person, position, country, day, source, catalog.orgs)
        out.append((person.id, position))
    return out


def _same_new(person: Person, name: str, country: str | None) -> bool:
    parsed = Name.parse(name)
    return person.last_name.lower() == parsed.last.lower() and (
        country is None or person.country_code in (None, country)
    )


def _create_person(session: Session, name: str, country: str | None) -> Person:
    """A new person, or the one another worker created under the same name key since the catalog was read.

    The key is unique: if two workers insert it at once, one fails and runs its item again.
    """
    key = person_key(name, country)
    known = session.scalar(
        select(Person)
        .where(Person.name_key == key)
        .options(selectinload(Person.positions), selectinload(Person.aliases))
    )
    if known is not None:
        return known
    parsed = Name.parse(name)
    person = Person(first_name=parsed.first, last_name=parsed.last, country_code=country, name_key=key)
    person.aliases = [PersonAlias(alias=name)]
    session.add(person)
    session.flush()
    return person
