"""Writing one read item into the record: the item (or its new revision), people, event, proposals.

All of it happens in the caller's single transaction, so a crash leaves either the
whole item or none of it. ``dedupe.check`` runs first and only looks up hashes: an
item already stored costs one query and no language processing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import delete
from sqlalchemy.orm import Session, selectinload

from accord.domain.kinds import EvidenceState, ItemStatus
from accord.ingest.catalog import Catalog
from accord.ingest.dedupe import AlreadyStored, check
from accord.ingest.events import add_participants, find_same_event, new_event
from accord.ingest.people import resolve_people
from accord.ingest.proposals import add_proposals
from accord.ingest.propose import propose
from accord.ingest.propose_load import item_facts
from accord.ingest.propose_model import DateBasis, Dating
from accord.ingest.validators import PageState, remember_page
from accord.news.model import Extraction
from accord.store.base import utcnow
from accord.store.models import Evidence, Person, SourceItem, SourceItemRevision


@dataclass(frozen=True, slots=True)
class Prepared:
    """An item read and extracted, ready to be written."""

    key: str
    text: str
    text_hash: str
    title: str | None
    outlet: str | None
    language: str
    extraction: Extraction
    day: date | None
    page: PageState | None = None
    date_basis: str | None = None


#: what ``dedupe.check`` found → what the write did
_STATUS = {"new": "new", "revision": "revised", "skipped": "reread"}


@dataclass
class Saved:
    status: str  # "new", "revised", or "reread" (held back by the gate before, read in full now)
    item_id: int
    proposals: int
    new_people: list[Person] = field(default_factory=list)


def save(session: Session, catalog: Catalog, item: Prepared) -> Saved:
    """Write an item (new, a revision of the same URL, or one the gate held back, now read in full)
    with its people, event and proposals."""
    status, existing_id = check(session, item.key, item.text_hash)
    if status == "duplicate":
        raise AlreadyStored(existing_id)
    # the row is made first and written once, with its event and notes, when they are known (nothing
    # is flushed in between unless a new person needs an id), instead of an INSERT and two UPDATEs
    row = _item_row(session, item, existing_id, ItemStatus.READ, revise=status == "revision")
    with session.no_autoflush:
        new_people: list[Person] = []
        participants = resolve_people(session, catalog, item.extraction, item.day, item.key, new_people)
        found_orgs = catalog.orgs.find(item.text, item.extraction.countries)
        title = item.title or (item.text.strip().splitlines() or [item.key])[0][:300]
        event = row.event if existing_id is not None else None
        if event is None:
            event = find_same_event(session, item.extraction, item.day, {p for p, _ in participants}, item.text)
            if event is None:
                event = new_event(_known_countries(item.extraction, catalog.countries), item.day, title)
                if event is not None:
                    session.add(event)
        if event is not None:
            add_participants(event, participants)
        dating = Dating(item.day, DateBasis(item.date_basis) if item.date_basis else None)
        facts = item_facts(item.text, item.title, item.extraction, dating, found_orgs, catalog.orgs.labels)
        # a Kyrgyz item is read for its states and officials only: too little to propose evidence from
        outcome = propose(catalog.record, facts) if item.language == "ru" else None
    if event is not None:
        row.event = event
    row.proposal_notes = (outcome.notes or None) if outcome else None
    session.flush()
    proposals = add_proposals(session, row, outcome.proposals if outcome else [], item.day, fresh=existing_id is None)
    if item.page is not None:
        remember_page(session, item.page)
    session.flush()
    return Saved(_STATUS[status], row.id, proposals, new_people)


def save_skipped(session: Session, item: Prepared, reason: str) -> Saved:
    """Store an item the relevance gate held back: its text (searchable, and re-read in full by
    `accord ingest --no-gate`) and the gate's reason, with no people, event or proposals."""
    status, existing_id = check(session, item.key, item.text_hash)
    if status in ("duplicate", "skipped"):
        raise AlreadyStored(existing_id)
    row = _item_row(session, item, existing_id, ItemStatus.SKIPPED, revise=status == "revision", reason=reason)
    if item.page is not None:
        remember_page(session, item.page)
    session.flush()
    return Saved("revised" if existing_id else "new", row.id, 0)


def _item_row(
    session: Session,
    item: Prepared,
    existing_id: int | None,
    status: ItemStatus,
    revise: bool,
    reason: str | None = None,
) -> SourceItem:
    """The item's row: a new one, the stored one with its old text kept as a revision, or (not
    ``revise``) the stored one with the same text, read again. Nothing is written yet."""
    if existing_id is None:
        row = SourceItem(url=item.key)
        session.add(row)
    elif not revise:
        row = session.get_one(SourceItem, existing_id, options=[selectinload(SourceItem.event)])
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
    row.extraction = item.extraction.to_dict()
    row.published_on = item.day
    row.date_basis = item.date_basis if item.day else None
    row.fetched_at = utcnow()
    row.status, row.skip_reason = status.value, reason
    if status is ItemStatus.SKIPPED:
        row.extraction = row.proposal_notes = None
    return row


def _known_countries(extraction: Extraction, known: frozenset[str]) -> Extraction:
    """The extraction with country codes the reference list lacks left out (they could not be stored)."""
    return replace(
        extraction,
        countries=[c for c in extraction.countries if c in known],
        events=[replace(e, countries=[c for c in e.countries if c in known]) for e in extraction.events],
    )
