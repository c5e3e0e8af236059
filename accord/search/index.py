"""Keeping the search index current, and querying it the same way on both databases.

A flush listener re-describes every searchable row changed in a flush and writes
its entry in the same transaction, so the index never lags the record.
SQLite: an FTS5 table over `search_entry.lemmas` (kept in step by triggers).
PostgreSQL: a GIN index on `to_tsvector('simple', lemmas)`. Both match lemmas
exactly, so a query finds the same rows on either.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, column, delete, event, func, insert, select, table, text
from sqlalchemy.orm import Session, UOWTransaction

from accord.search.documents import BUILDERS, KINDS, Document
from accord.search.lemmas import lemmatise, query_lemmas
from accord.search.model import SearchEntry
from accord.store.db import Database

FTS_DDL = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(lemmas, content='search_entry', content_rowid='id',"
    " tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN"
    " INSERT INTO search_fts(rowid, lemmas) VALUES (new.id, new.lemmas); END",
    "CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN"
    " INSERT INTO search_fts(search_fts, rowid, lemmas) VALUES ('delete', old.id, old.lemmas); END",
    "CREATE TRIGGER search_entry_au AFTER UPDATE ON search_entry BEGIN"
    " INSERT INTO search_fts(search_fts, rowid, lemmas) VALUES ('delete', old.id, old.lemmas);"
    " INSERT INTO search_fts(rowid, lemmas) VALUES (new.id, new.lemmas); END",
)


FTS = table("search_fts", column("rowid"), column("rank"))


def ensure_fts(conn: Connection) -> None:
    """Create SQLite's FTS5 table and its triggers if absent, filling it from existing entries."""
    if conn.dialect.name != "sqlite":
        return
    exists = conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'search_fts'").first()
    if exists:
        return
    for statement in FTS_DDL:
        conn.exec_driver_sql(statement)
    conn.exec_driver_sql("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")


def entry_row(doc: Document) -> dict[str, Any]:
    return {"kind": doc.kind, "ref_id": doc.ref_id, "title": doc.title[:2000], "on": doc.on,
            "lemmas": lemmatise(doc.text)}


def write(conn: Connection, docs: Iterable[Document]) -> int:
    rows = [entry_row(d) for d in docs]
    if not rows:
        return 0
    ensure_fts(conn)
    for kind in {r["kind"] for r in rows}:
        ids = [r["ref_id"] for r in rows if r["kind"] == kind]
        for start in range(0, len(ids), 500):
            conn.execute(delete(SearchEntry).where(SearchEntry.kind == kind, SearchEntry.ref_id.in_(ids[start:start + 500])))
    conn.execute(insert(SearchEntry), rows)
    return len(rows)


def remove(conn: Connection, kind: str, ref_ids: list[int]) -> None:
    if ref_ids:
        ensure_fts(conn)
        conn.execute(delete(SearchEntry).where(SearchEntry.kind == kind, SearchEntry.ref_id.in_(ref_ids)))


@event.listens_for(Session, "after_flush")
def _index_changes(session: Session, _flush: UOWTransaction) -> None:
    docs: list[Document] = []
    gone: dict[str, list[int]] = {}
    for obj in (*session.new, *session.dirty):
        build = BUILDERS.get(type(obj))
        if build is not None and obj not in session.deleted and getattr(obj, "id", None) is not None:
            docs.append(build(obj))
    for obj in session.deleted:
        build = BUILDERS.get(type(obj))
        if build is not None:
            gone.setdefault(build(obj).kind, []).append(obj.id)
    if not docs and not gone:
        return
    conn = session.connection()
    for kind, ids in gone.items():
        remove(conn, kind, ids)
    write(conn, docs)


def reindex(session: Session, batch: int = 500) -> dict[str, int]:
    """Rebuild every entry from the record (after a bulk load or a restore)."""
    conn = session.connection()
    ensure_fts(conn)
    conn.execute(delete(SearchEntry))
    counts: dict[str, int] = {}
    for kind, model in KINDS.items():
        build = BUILDERS[model]
        last = 0
        counts[kind] = 0
        while True:
            rows = list(session.scalars(select(model).where(model.id > last).order_by(model.id).limit(batch)))
            if not rows:
                break
            counts[kind] += write(conn, [build(r) for r in rows])
            last = rows[-1].id
            session.expunge_all()
    return counts


@dataclass(frozen=True)
class Hit:
    kind: str
    ref_id: int
    title: str
    on: date | None

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.ref_id, "title": self.title, "on": self.on.isoformat() if self.on else None}


def search(session: Session, query: str, kinds: list[str] | None = None, limit: int = 50, offset: int = 0) -> tuple[list[Hit], int]:
    """Entries whose lemmas include every lemma of the query, best first; and how many there are."""
    terms = query_lemmas(query)
    if not terms:
        return [], 0
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        ensure_fts(conn)
        match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        base = (
            select(SearchEntry.kind, SearchEntry.ref_id, SearchEntry.title, SearchEntry.on)
            .select_from(SearchEntry)
            .join(FTS, FTS.c.rowid == SearchEntry.id)
            .where(text("search_fts MATCH :match").bindparams(match=match))
        )
        order: Any = FTS.c.rank
    else:
        vector = func.to_tsvector(text("'simple'"), SearchEntry.lemmas)
        tsquery = func.plainto_tsquery(text("'simple'"), " ".join(terms))
        base = select(SearchEntry.kind, SearchEntry.ref_id, SearchEntry.title, SearchEntry.on).where(vector.op("@@")(tsquery))
        order = func.ts_rank(vector, tsquery).desc()
    if kinds:
        base = base.where(SearchEntry.kind.in_(kinds))
    total = session.execute(select(func.count()).select_from(base.subquery())).scalar_one()
    rows = session.execute(base.order_by(order, SearchEntry.on.desc(), SearchEntry.id).limit(limit).offset(offset))
    return [Hit(r.kind, r.ref_id, r.title, r.on) for r in rows], total


def prepare(db: Database) -> dict[str, int] | None:
    """Make the index ready before serving: the FTS table exists, and an empty index over a
    non-empty record (data loaded before indexing was active) is rebuilt once."""
    with db.transaction(actor="accord search") as session:
        ensure_fts(session.connection())
        has_entries = session.scalar(select(SearchEntry.id).limit(1)) is not None
        if has_entries:
            return None
        has_records = any(session.scalar(select(model.id).limit(1)) is not None for model in KINDS.values())
        return reindex(session) if has_records else None
