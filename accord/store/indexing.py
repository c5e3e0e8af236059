"""Keeping the search index current: every searchable row written is described and indexed at commit.

Each flush notes the searchable rows it wrote; the commit indexes each of them once, so a
row written in several flushes of one transaction is lemmatised and stored once.
``Database`` attaches these listeners to the sessions it makes, so any caller of
the library (the web app, the CLI, the ingest runner, a benchmark) keeps the index
in step with the record without importing anything for it. Querying the index is
``accord.search``'s job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.orm import Session, SessionTransaction, UOWTransaction

from accord.domain.kinds import ItemStatus, RecordKind
from accord.morphology import lemmatise
from accord.store.models import (
    Agreement,
    Event,
    Measure,
    Organization,
    Person,
    Project,
    SearchEntry,
    SourceItem,
)

if TYPE_CHECKING:
    from accord.store.db import Database


@dataclass(frozen=True)
class Document:
    """What of one record is searchable: its kind, id, display title, date and text."""

    kind: RecordKind
    ref_id: int
    title: str
    on: date | None
    text: str


def _join(*parts: Any) -> str:
    return " ".join(str(p) for p in parts if p)


def measure(m: Measure) -> Document:
    orgs = [a.organization.name for a in m.assignments if a.organization is not None]
    body = _join(m.number, m.title, m.description, m.expected_result, m.note, *orgs)
    return Document(RecordKind.MEASURE, m.id, f"{m.number}. {m.title}", m.due_on, body)


def agreement(a: Agreement) -> Document:
    body = _join(a.title, a.title_en, a.signed_at, a.source)
    return Document(RecordKind.AGREEMENT, a.id, a.title, a.signed_on, body)


def project(p: Project) -> Document:
    body = _join(p.title, p.title_en, p.region, p.description)
    return Document(RecordKind.PROJECT, p.id, p.title, p.started_on, body)


def person(p: Person) -> Document:
    offices = [pos.title for pos in p.positions]
    body = _join(p.first_name, p.patronymic, p.last_name, p.name_en, *offices, *(a.alias for a in p.aliases))
    return Document(RecordKind.PERSON, p.id, _join(p.first_name, p.patronymic, p.last_name), None, body)


def organization(o: Organization) -> Document:
    body = _join(o.name, o.short_name, o.name_en, *(a.alias for a in o.aliases))
    return Document(RecordKind.ORGANIZATION, o.id, o.name, None, body)


def event(e: Event) -> Document:
    return Document(RecordKind.EVENT, e.id, e.title, e.held_on, _join(e.title, e.location, e.summary))


#: how much of an item the relevance gate held back is indexed: its headline and lead
SKIPPED_INDEXED_CHARS = 1000


def news(item: SourceItem) -> Document:
    """An item read in full is found by any word of it; one the gate held back, by its headline and
    lead (most of a general stream is held back: lemmatising all of it would cost more than the gate
    saves; `accord ingest --no-gate` reads and indexes it whole)."""
    title = item.title or (item.text[:120] + "…" if len(item.text) > 120 else item.text)
    text = item.text if item.status != ItemStatus.SKIPPED else item.text[:SKIPPED_INDEXED_CHARS]
    return Document(RecordKind.NEWS, item.id, title, item.published_on, _join(item.title, item.outlet, text))


#: model -> how to describe a row of it
BUILDERS: dict[type, Callable[[Any], Document]] = {
    Measure: measure,
    Agreement: agreement,
    Project: project,
    Person: person,
    Organization: organization,
    Event: event,
    SourceItem: news,
}

#: the searchable kinds and their models
KINDS: dict[RecordKind, type] = {
    RecordKind.MEASURE: Measure,
    RecordKind.AGREEMENT: Agreement,
    RecordKind.PROJECT: Project,
    RecordKind.PERSON: Person,
    RecordKind.ORGANIZATION: Organization,
    RecordKind.EVENT: Event,
    RecordKind.NEWS: SourceItem,
}


def entry_row(doc: Document) -> dict[str, Any]:
    return {
        "kind": doc.kind.value,
        "ref_id": doc.ref_id,
        "title": doc.title[:2000],
        "on": doc.on,
        "lemmas": lemmatise(doc.text),
    }


def write(conn: Connection, docs: Iterable[Document]) -> int:
    rows = [entry_row(d) for d in docs]
    if not rows:
        return 0
    for kind in {r["kind"] for r in rows}:
        ids = [r["ref_id"] for r in rows if r["kind"] == kind]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            conn.execute(delete(SearchEntry).where(SearchEntry.kind == kind, SearchEntry.ref_id.in_(chunk)))
    conn.execute(insert(SearchEntry), rows)
    return len(rows)


def remove(conn: Connection, kind: str, ref_ids: list[int]) -> None:
    if ref_ids:
        conn.execute(delete(SearchEntry).where(SearchEntry.kind == kind, SearchEntry.ref_id.in_(ref_ids)))


def index_changes(session: Session, _flush: UOWTransaction) -> None:
    """After a flush: note every searchable row it wrote or deleted; ``write_pending`` indexes them once
    at commit, however many flushes touched a row (an item is inserted, then linked to its event…)."""
    pending: dict[tuple[type, int], Any] = session.info.setdefault(_PENDING, {})
    fresh: set[tuple[type, int]] = session.info.setdefault(_FRESH, set())
    gone: dict[str, set[int]] = session.info.setdefault(_GONE, {})
    for obj in session.new:
        if type(obj) in BUILDERS and getattr(obj, "id", None) is not None:
            fresh.add((type(obj), obj.id))
    for obj in (*session.new, *session.dirty):
        if type(obj) in BUILDERS and obj not in session.deleted and getattr(obj, "id", None) is not None:
            pending[(type(obj), obj.id)] = obj
    for obj in session.deleted:
        build = BUILDERS.get(type(obj))
        if build is not None:
            pending.pop((type(obj), obj.id), None)
            if (type(obj), obj.id) not in fresh:
                gone.setdefault(build(obj).kind.value, set()).add(obj.id)


def write_pending(session: Session) -> None:
    """Before a commit: describe and index each searchable row the transaction wrote, once, and drop
    the entries of rows it deleted (a row first written in this transaction has no entry to drop)."""
    session.flush()
    pending: dict[tuple[type, int], Any] = session.info.pop(_PENDING, {})
    fresh: set[tuple[type, int]] = session.info.pop(_FRESH, set())
    gone: dict[str, set[int]] = session.info.pop(_GONE, {})
    if not pending and not gone:
        return
    conn = session.connection()
    for kind, ids in gone.items():
        remove(conn, kind, sorted(ids))
    old = [obj for key, obj in pending.items() if key not in fresh]
    for kind in {BUILDERS[type(obj)](obj).kind.value for obj in old}:
        remove(conn, kind, [obj.id for obj in old if BUILDERS[type(obj)](obj).kind.value == kind])
    rows = [entry_row(BUILDERS[type(obj)](obj)) for obj in pending.values()]
    if rows:
        conn.execute(insert(SearchEntry), rows)


def forget_pending(session: Session, previous: SessionTransaction) -> None:
    """After the rollback of a whole transaction nothing it wrote is left to index (a savepoint's
    rollback keeps what the transaction around it wrote)."""
    if previous.parent is not None:
        return
    for key in (_PENDING, _FRESH, _GONE):
        session.info.pop(key, None)


_PENDING, _FRESH, _GONE = "index_pending", "index_fresh", "index_gone"


def reindex(session: Session, batch: int = 500) -> dict[str, int]:
    """Rebuild every entry from the record (after a bulk load or a restore)."""
    conn = session.connection()
    conn.execute(delete(SearchEntry))
    counts: dict[str, int] = {}
    for kind, model in KINDS.items():
        build = BUILDERS[model]
        last = 0
        counts[kind.value] = 0
        while True:
            rows = list(session.scalars(select(model).where(model.id > last).order_by(model.id).limit(batch)))
            if not rows:
                break
            counts[kind.value] += write(conn, [build(r) for r in rows])
            last = rows[-1].id
            session.expunge_all()
    return counts


def prepare(db: Database) -> dict[str, int] | None:
    """Make the index ready before serving: an empty index over a non-empty record
    (rows written by bulk SQL, which no flush sees) is rebuilt once."""
    with db.transaction(actor="accord search") as session:
        has_entries = session.scalar(select(SearchEntry.id).limit(1)) is not None
        if has_entries:
            return None
        has_records = any(session.scalar(select(model.id).limit(1)) is not None for model in KINDS.values())
        return reindex(session) if has_records else None
