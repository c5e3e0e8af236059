"""Keeping the search index current: every searchable row written is described and indexed in its flush.

``Database`` attaches ``index_changes`` to the sessions it makes, so any caller of
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
from sqlalchemy.orm import Session, UOWTransaction

from accord.domain.kinds import RecordKind
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


def news(item: SourceItem) -> Document:
    title = item.title or (item.text[:120] + "…" if len(item.text) > 120 else item.text)
    return Document(RecordKind.NEWS, item.id, title, item.published_on, _join(item.title, item.outlet, item.text))


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
    """After a flush: re-describe every searchable row it wrote, drop the entries of rows it deleted."""
    docs: list[Document] = []
    gone: dict[str, list[int]] = {}
    for obj in (*session.new, *session.dirty):
        build = BUILDERS.get(type(obj))
        if build is not None and obj not in session.deleted and getattr(obj, "id", None) is not None:
            docs.append(build(obj))
    for obj in session.deleted:
        build = BUILDERS.get(type(obj))
        if build is not None:
            gone.setdefault(build(obj).kind.value, []).append(obj.id)
    if not docs and not gone:
        return
    conn = session.connection()
    for kind, ids in gone.items():
        remove(conn, kind, ids)
    write(conn, docs)


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
