"""A run handed to the workers: sources turned into one task row (and one message) per item, and read back.

Files travel in the message (a worker on another machine cannot read this one's disk);
a feed is read here and each entry becomes a task whose worker fetches the page. What
fails before any item exists (a missing file, an unreachable feed) is a row that is
failed from the start, so the summary is read from the rows alone.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select

from accord.ingest.feeds import FeedError, parse_feed
from accord.ingest.fetch import Fetcher, FetchError, looks_like_feed
from accord.ingest.run import SUFFIXES, Summary
from accord.ingest.text import canonical_url, file_url, is_url
from accord.store.base import utcnow
from accord.store.db import Database
from accord.store.models import FetchedPage, FetchFailure, IngestBatch, IngestTask, NewsSource


@dataclass
class Plan:
    """What a run will do: items to send, and rows already settled (failed or unchanged)."""

    labels: list[str] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    settled: list[dict[str, Any]] = field(default_factory=list)

    def settle(self, label: str, url: str | None, state: str, error: str | None = None, source_id: int | None = None) -> None:
        self.settled.append({"label": label, "url": url, "state": state, "error": error, "source_id": source_id})


def plan(db: Database, fetcher: Fetcher, sources: list[str]) -> Plan:
    """One item per file, feed entry or page among the arguments (paths, URLs, saved sources' names)."""
    out = Plan()
    for arg in sources:
        out.labels.append(arg)
        if is_url(arg):
            _url(db, fetcher, arg, arg, out)
        elif Path(arg).exists():
            _path(fetcher, Path(arg), arg, out)
        else:
            with db.reading() as session:
                named = session.scalar(select(NewsSource).where(NewsSource.name == arg))
            if named is None:
                out.settle(arg, None, "failed", "no such file, folder, URL or saved source")
            else:
                plan_source(db, fetcher, named, out)
    return out


def plan_source(db: Database, fetcher: Fetcher, source: NewsSource, out: Plan) -> None:
    """A saved source's items; its last poll, validators and last error are kept as `accord watch` keeps them."""
    if source.name not in out.labels:
        out.labels.append(source.name)
    before = len(out.settled)
    etag, modified = (source.etag, source.last_modified) if source.kind == "feed" else (None, None)
    validators = _url(db, fetcher, source.url, source.name, out, source.id, etag, modified, source.kind)
    errors = [s["error"] for s in out.settled[before:] if s["state"] == "failed"]
    with db.transaction() as session:
        row = session.get_one(NewsSource, source.id)
        row.last_polled_at = utcnow()
        row.last_error = errors[-1] if errors else None
        if not errors:
            row.last_ok_at = row.last_polled_at
            if validators is not None:
                row.etag, row.last_modified = validators


def _url(
    db: Database,
    fetcher: Fetcher,
    url: str,
    label: str,
    out: Plan,
    source_id: int | None = None,
    etag: str | None = None,
    modified: str | None = None,
    kind: str | None = None,
) -> tuple[str | None, str | None] | None:
    key = canonical_url(url)
    if kind != "feed":
        with db.reading() as session:
            page = session.scalar(select(FetchedPage).where(FetchedPage.url == key))
        if page is not None:
            etag, modified = page.etag, page.last_modified
    try:
        fetched = fetcher.get(url, etag, modified)
    except FetchError as exc:
        out.settle(label, url, "failed", exc.reason, source_id)
        return None
    if fetched.not_modified:
        if kind != "feed":
            out.settle(label, key, "duplicate")
        return etag, modified
    if kind == "feed" or (kind is None and looks_like_feed(fetched)):
        try:
            entries = parse_feed(fetched.body, fetched.url)
        except FeedError as exc:
            out.settle(label, fetched.url, "failed", exc.reason, source_id)
            return None
        for entry in entries:
            out.items.append(
                {
                    "kind": "entry",
                    "label": label,
                    "url": canonical_url(entry.link),
                    "link": entry.link,
                    "stamp": entry.stamp,
                    "published": entry.published.isoformat() if entry.published else None,
                    "source_id": source_id,
                }
            )
    else:
        page_state = [key, fetched.etag, fetched.last_modified, None]
        out.items.append(_data(label, key, fetched.body, fetched.content_type, source_id, page_state))
    return fetched.etag, fetched.last_modified


def _path(fetcher: Fetcher, path: Path, label: str, out: Plan) -> None:
    files = (
        sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        if path.is_dir()
        else [path]
    )
    if path.is_dir() and not files:
        out.settle(label, None, "failed", f"no {', '.join(SUFFIXES)} files in the folder")
    limit = fetcher.policy.max_bytes
    for file in files:
        try:
            data = file.read_bytes() if file.stat().st_size <= limit else None
        except OSError as exc:
            out.settle(label, str(file), "failed", f"cannot read file: {exc.strerror or exc}")
            continue
        if data is None:
            out.settle(label, str(file), "failed", f"file is larger than {limit // 2**20} MB")
            continue
        out.items.append(_data(label, file_url(file), data, None, None, None) | {"path": str(file)})


def _data(
    label: str, key: str, body: bytes, content_type: str | None, source_id: int | None, page: list[Any] | None
) -> dict[str, Any]:
    return {
        "kind": "data",
        "label": label,
        "url": key,
        "data": base64.b64encode(body).decode("ascii"),
        "content_type": content_type,
        "page": page,
        "source_id": source_id,
    }


def create(db: Database, actor: str, planned: Plan) -> tuple[int, list[tuple[int, dict[str, Any]]]]:
    """Write the batch and its rows in one transaction; the (row id, message) pairs to send."""
    with db.transaction() as session:
        batch = IngestBatch(actor=actor)
        session.add(batch)
        session.flush()
        for s in planned.settled:
            session.add(
                IngestTask(batch_id=batch.id, label=s["label"], url=s["url"], state=s["state"], error=s["error"])
            )
            if s["state"] == "failed":
                session.add(FetchFailure(news_source_id=s["source_id"], source=s["label"], url=s["url"], error=s["error"]))
        ids: list[int] = []
        if planned.items:
            rows = [
                {"batch_id": batch.id, "label": i["label"], "url": i.get("path") or i["url"], "state": "queued",
                 "attempts": 0, "proposals": 0, "updated_at": utcnow()}
                for i in planned.items
            ]
            returning = insert(IngestTask).returning(IngestTask.id, sort_by_parameter_order=True)
            ids = list(session.scalars(returning, rows))
        return batch.id, list(zip(ids, planned.items, strict=True))


def pending(db: Database, batch_id: int) -> tuple[int, int]:
    """(rows done, rows in all) of a batch."""
    with db.reading() as session:
        total = session.scalar(select(func.count()).where(IngestTask.batch_id == batch_id)) or 0
        queued = session.scalar(
            select(func.count()).where(IngestTask.batch_id == batch_id, IngestTask.state == "queued")
        ) or 0
    return total - queued, total


def summary(db: Database, batch_id: int, labels: list[str]) -> Summary:
    """The same summary an in-process run prints, read from the batch's rows."""
    out = Summary()
    with db.reading() as session:
        rows = session.scalars(select(IngestTask).where(IngestTask.batch_id == batch_id).order_by(IngestTask.id)).all()
    ok: dict[str, bool] = {}
    for row in rows:
        if row.state == "new":
            out.new += 1
        elif row.state == "revised":
            out.revised += 1
        elif row.state == "duplicate":
            out.duplicates += 1
        elif row.state == "failed":
            where = row.label if row.url is None or row.url == row.label else f"{row.label}: {row.url}"
            out.failed.append({"source": where, "error": row.error or ""})
        out.proposals += row.proposals
        ok[row.label] = ok.get(row.label, False) or row.state != "failed"
    for label in labels:
        if ok.get(label, True):
            out.sources_ok += 1
        else:
            out.sources_failed += 1
    return out
