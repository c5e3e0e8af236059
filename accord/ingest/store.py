"""Writing one read item into the record: the item (or its new revision), people, event, proposals.

All of it happens in the caller's single transaction, so a crash leaves either the
whole item or none of it. ``check`` runs first and only looks up hashes: an item
already stored costs one query and no language processing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session, selectinload

from accord.domain.kinds import EvidenceState
from accord.ingest.events import add_participants, find_same_event, new_event
from accord.ingest.once import person_key
from accord.ingest.propose import propose
from accord.ingest.propose_load import item_facts, load_record
from accord.ingest.propose_model import DateBasis, Dating, Proposal, Record
from accord.ingest.resolve import Name, OrgIndex, PersonIndex, office_body, same_office
from accord.store.base import utcnow
from accord.store.models import (
    Country,
    Evidence,
    FetchedPage,
    Person,
    PersonAlias,
    Position,
    SourceItem,
    SourceItemRevision,
)


@dataclass
class Catalog:
    """What every item is resolved and matched against, read once per run."""

    people: PersonIndex
    orgs: OrgIndex
    record: Record
    countries: frozenset[str]

    @classmethod
    def load(cls, session: Session) -> Catalog:
        return cls(
            PersonIndex.load(session),
            OrgIndex.load(session),
            load_record(session),
            frozenset(session.scalars(select(Country.code))),
        )


@dataclass(frozen=True, slots=True)
class PageState:
    """Validators to remember for a fetched page (saved with the item, in its transaction)."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    stamp: str | None = None


@dataclass(frozen=True, slots=True)
class Prepared:
    """An item read and extracted, ready to be written."""

    key: str
    text: str
    text_hash: str
    title: str | None
    outlet: str | None
    language: str
    extraction: dict[str, Any]
    day: date | None
    page: PageState | None = None
    date_basis: str | None = None


@dataclass
class Saved:
    status: str  # "new" or "revised"
    item_id: int
    proposals: int
    new_people: list[Person] = field(default_factory=list)


def check(session: Session, key: str, digest: str) -> tuple[str, int | None]:
    """("duplicate", id) if this text is stored already, ("revision", id) if the URL has other text, else ("new", None)."""
    rows = session.execute(
        select(SourceItem.id, SourceItem.url, SourceItem.text_hash).where(
            or_(SourceItem.url == key, SourceItem.text_hash == digest)
        )
    ).all()
    if any(r.text_hash == digest for r in rows):
        return "duplicate", next(r.id for r in rows if r.text_hash == digest)
    same_url = next((r.id for r in rows if r.url == key), None)
    if same_url is not None:
        if session.scalar(
            select(SourceItemRevision.id).where(
                SourceItemRevision.source_item_id == same_url, SourceItemRevision.text_hash == digest
            )
        ):
            return "duplicate", same_url  # an older text served again
        return "revision", same_url
    return "new", None


def save(session: Session, catalog: Catalog, item: Prepared) -> Saved:
    """Write an item (new, or a revision of the same URL) with its people, event and proposals."""
    status, existing_id = check(session, item.key, item.text_hash)
    if status == "duplicate":
        raise AlreadyStored(existing_id)
    row = _item_row(session, item, existing_id)
    new_people: list[Person] = []
    participants = _resolve_people(session, catalog, item, new_people)
    found_orgs = catalog.orgs.find(item.text, item.extraction.get("countries"))
    title = item.title or (item.text.strip().splitlines() or [item.key])[0][:300]
    event = row.event
    if event is None:
        event = find_same_event(session, item.extraction, item.day, {p for p, _ in participants}, item.text)
        if event is None:
            event = new_event(_known_countries(item.extraction, catalog.countries), item.day, title)
            if event is not None:
                session.add(event)
        if event is not None:
            row.event = event
    if event is not None:
        add_participants(event, participants)
    dating = Dating(item.day, DateBasis(item.date_basis) if item.date_basis else None)
    facts = item_facts(item.text, item.title, item.extraction, dating, found_orgs, catalog.orgs.labels)
    session.flush()
    # a Kyrgyz item is read for its states and officials only: too little to propose evidence from
    outcome = propose(catalog.record, facts) if item.language == "ru" else None
    row.proposal_notes = (outcome.notes or None) if outcome else None
    proposals = [p for p in (outcome.proposals if outcome else []) if not _already_proposed(session, row, p)]
    for p in proposals:
        session.add(
            Evidence(
                source_item_id=row.id,
                measure_id=p.target_id if p.target == "measure" else None,
                agreement_id=p.target_id if p.target == "agreement" else None,
                project_id=p.target_id if p.target == "project" else None,
                state=EvidenceState.PROPOSED.value,
                score=p.score,
                reason=p.reason,
                fact=p.fact,
                proposal=p.kind,
                on=item.day,
            )
        )
    if item.page is not None:
        remember_page(session, item.page)
    session.flush()
    return Saved("revised" if existing_id else "new", row.id, len(proposals), new_people)


class AlreadyStored(Exception):
    """The item's text is in the record already (found between the check and the write)."""

    def __init__(self, item_id: int | None) -> None:
        super().__init__(f"already stored as item {item_id}")
        self.item_id = item_id


def remember_page(session: Session, page: PageState) -> None:
    row = session.scalar(select(FetchedPage).where(FetchedPage.url == page.url))
    if row is None:
        row = FetchedPage(url=page.url)
        session.add(row)
    row.etag, row.last_modified, row.stamp = page.etag, page.last_modified, page.stamp


def _item_row(session: Session, item: Prepared, existing_id: int | None) -> SourceItem:
    if existing_id is None:
        row = SourceItem(url=item.key)
        session.add(row)
    else:
        row = session.get_one(SourceItem, existing_id, options=[selectinload(SourceItem.event)])
        session.add(
            SourceItemRevision(
                source_item_id=row.id,
                revision=row.revision,
                text_hash=row.text_hash,
                title=row.title,
                text=row.text,
                fetched_at=row.fetched_at,
            )
        )
        # proposals nobody has decided on were made from the old text: make them afresh
        session.execute(
            delete(Evidence)
            .where(Evidence.source_item_id == row.id, Evidence.state == EvidenceState.PROPOSED.value)
            .execution_options(synchronize_session="fetch")
        )
        row.revision = (row.revision or 1) + 1
    row.text_hash = item.text_hash
    row.title = item.title
    row.text = item.text
    row.outlet = item.outlet
    row.language = item.language
    row.extraction = item.extraction
    row.published_on = item.day
    row.date_basis = item.date_basis if item.day else None
    row.fetched_at = utcnow()
    session.flush()
    return row


def _resolve_people(
    session: Session, catalog: Catalog, item: Prepared, created: list[Person]
) -> list[tuple[int, str | None]]:
    """(person id, position) for everyone the item names; new people for names nobody matches."""
    out = []
    for entry in item.extraction.get("persons") or []:
        name, position = entry["name"], entry.get("position")
        country = entry.get("country") if entry.get("country") in catalog.countries else None
        match = catalog.people.match(name, country)
        if match is None:
            match_in_run = next((p for p in created if _same_new(p, name, country)), None)
            person = match_in_run or _create_person(session, name, country)
            if match_in_run is None:
                created.append(person)
        else:
            person = session.get_one(Person, match.person_id, options=[selectinload(Person.positions)])
        if position:
            _record_position(person, position, country, item, catalog)
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


def _record_position(
    person: Person, title: str, country: str | None, item: Prepared, catalog: Catalog
) -> None:
    """Record an office with the date it was reported; an office already known is kept, its start moved earlier."""
    for held in person.positions:
        if same_office(held.title, title):
            if (
                item.day
                and held.start_on
                and item.day < held.start_on
                and held.source
                and "://" in held.source
            ):
                held.start_on = item.day
            return
    orgs = catalog.orgs.find(office_body(title), [country] if country else None)
    person.positions.append(
        Position(
            title=title,
            country_code=country or person.country_code,
            organization_id=orgs[0] if orgs else None,
            start_on=item.day,
            source=item.key,
        )
    )


def _known_countries(extraction: dict[str, Any], known: frozenset[str]) -> dict[str, Any]:
    """The extraction with country codes the reference list lacks left out (they could not be stored)."""
    out = dict(extraction)
    out["countries"] = [c for c in extraction.get("countries") or [] if c in known]
    out["events"] = [
        {**e, "countries": [c for c in e.get("countries") or [] if c in known]}
        for e in extraction.get("events") or []
    ]
    return out


def _already_proposed(session: Session, row: SourceItem, proposal: Proposal) -> bool:
    """True if a person already decided this link for this item (an earlier revision), or if another
    source of the same event already proposed the same new register entry."""
    if proposal.target is not None:
        column = {
            "measure": Evidence.measure_id,
            "agreement": Evidence.agreement_id,
            "project": Evidence.project_id,
        }
        return (
            session.scalar(
                select(Evidence.id).where(
                    Evidence.source_item_id == row.id, column[proposal.target] == proposal.target_id
                )
            )
            is not None
        )
    items = [row.id]
    if row.event_id is not None:
        items = list(session.scalars(select(SourceItem.id).where(SourceItem.event_id == row.event_id)))
    doc_type = proposal.fact["document"]["type"]
    others = session.scalars(
        select(Evidence.fact).where(Evidence.source_item_id.in_(items), Evidence.proposal == "new_agreement")
    )
    return any((f or {}).get("document", {}).get("type") == doc_type for f in others)
