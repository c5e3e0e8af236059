"""What a worker does with one item: take its task row, read and store the item, record how it ended.

Idempotent: a task row is claimed by counting an attempt; a row already done is left
alone, so a message delivered twice stores nothing twice. A failure that may pass
(a database hiccup, a lost race, anything unforeseen) is retried with backoff; after
the last attempt, or at once for input that can never be read, the row is ``failed``
with its reason. A worker that dies on an item every time also ends it as failed: the
attempts are counted before the work starts.
"""

from __future__ import annotations

import base64
import logging
import threading
import time
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select, update

from accord.ingest.fetch import FetchError
from accord.ingest.run import Ingestor
from accord.ingest.validators import PageState, remember_page
from accord.news import UnreadableInput
from accord.store.base import utcnow
from accord.store.db import Database
from accord.store.models import FetchedPage, FetchFailure, IngestTask

log = logging.getLogger(__name__)

#: a worker reads the directory afresh this often, to see people other workers created
CATALOG_SECONDS = 60.0


class Retry(Exception):
    """The item failed in a way that may pass; the task is to be tried again after ``delay`` seconds."""

    def __init__(self, reason: str, delay: float) -> None:
        super().__init__(reason)
        self.delay = delay


@dataclass
class Outcome:
    state: str
    error: str | None = None


class Workshop:
    """Per worker thread and author: an Ingestor whose catalog is read afresh every minute."""

    def __init__(self, db: Database, actor: str = "accord-ingest") -> None:
        self.db = db
        self.actor = actor
        self._local = threading.local()

    def ingestor(self, actor: str | None = None) -> Ingestor:
        who = actor or self.actor
        held: dict[str, tuple[Ingestor, float]] = self._local.__dict__.setdefault("ingestors", {})
        if who in held and time.monotonic() - held[who][1] < CATALOG_SECONDS:
            return held[who][0]
        if who in held:
            held[who][0].close()
        fresh = Ingestor(self.db, who)
        held[who] = (fresh, time.monotonic())
        return fresh


def claim(db: Database, task_id: int) -> int | None:
    """Count one more attempt at a queued row; None if the row is done (or gone) already."""
    with db.transaction() as session:
        row = session.scalar(select(IngestTask).where(IngestTask.id == task_id).with_for_update())
        if row is None or row.state != "queued":
            return None
        row.attempts += 1
        row.updated_at = utcnow()
        return row.attempts


def finish(db: Database, task_id: int, state: str, proposals: int = 0, error: str | None = None) -> bool:
    """Record how a row ended, once: False if another delivery had finished it first."""
    with db.transaction() as session:
        done = session.execute(
            update(IngestTask)
            .where(IngestTask.id == task_id, IngestTask.state == "queued")
            .values(state=state, proposals=proposals, error=error, updated_at=utcnow())
        )
        return bool(done.rowcount)


def fail(db: Database, task_id: int, spec: dict[str, Any], reason: str) -> None:
    """A row failed for good: its reason kept on the row and, as for any failed read, for `accord source show`."""
    if finish(db, task_id, "failed", error=reason):
        log.warning("%s: %s", spec.get("url") or spec["label"], reason)
        with db.transaction() as session:
            session.add(
                FetchFailure(
                    news_source_id=spec.get("source_id"), source=spec["label"], url=spec.get("url"), error=reason
                )
            )


def run(shop: Workshop, task_id: int, spec: dict[str, Any], attempts: int, backoff: float) -> Outcome | None:
    """Do one delivery of a task; None when there was nothing to do (the row was done already).

    Raises ``Retry`` when the item should be tried again later.
    """
    db = shop.db
    attempt = claim(db, task_id)
    if attempt is None:
        return None
    if attempt > attempts:
        reason = f"gave up after {attempts} attempts: the worker stopped while reading the item each time"
        fail(db, task_id, spec, reason)
        return Outcome("failed", reason)
    ingestor = shop.ingestor(spec.get("actor"))
    before = ingestor.summary.proposals
    try:
        status = _item(ingestor, spec)
    except (UnreadableInput, FetchError) as exc:  # nothing a retry would change (the fetcher retried already)
        fail(db, task_id, spec, exc.reason)
        return Outcome("failed", exc.reason)
    except Exception as exc:  # noqa: BLE001 - may pass: retried, then recorded as failed
        reason = _unexpected(exc)
        if attempt >= attempts:
            log.exception("giving up on %s", spec.get("url") or spec["label"])
            reason = f"{reason} (after {attempt} attempts)"
            fail(db, task_id, spec, reason)
            return Outcome("failed", reason)
        log.warning("%s failed (attempt %d of %d): %s", spec.get("url"), attempt, attempts, reason)
        raise Retry(reason, min(60.0, backoff * 2 ** (attempt - 1))) from exc
    finish(db, task_id, status, ingestor.summary.proposals - before)
    return Outcome(status)


def _item(ingestor: Ingestor, spec: dict[str, Any]) -> str:
    """Read and store the item a task names: given bytes, or a feed entry's page to fetch."""
    published = date.fromisoformat(spec["published"]) if spec.get("published") else None
    source_id = spec.get("source_id")
    if spec["kind"] == "data":
        page = PageState(*spec["page"]) if spec.get("page") else None
        data = base64.b64decode(spec["data"])
        return ingestor.item(spec["url"], data, spec.get("content_type"), spec["label"], page, published, source_id)
    key, stamp = spec["url"], spec.get("stamp")
    with ingestor.db.reading() as session:
        known = session.scalar(select(FetchedPage).where(FetchedPage.url == key))
    if known is not None and stamp and known.stamp == stamp:
        return "duplicate"
    fetched = ingestor.fetcher.get(spec["link"], known.etag if known else None, known.last_modified if known else None)
    if fetched.not_modified:
        if known is not None and stamp != known.stamp:  # re-dated, same page: skip it next time
            with ingestor.db.transaction() as session:
                remember_page(session, PageState(key, known.etag, known.last_modified, stamp))
        return "duplicate"
    state = PageState(key, fetched.etag, fetched.last_modified, stamp)
    return ingestor.item(key, fetched.body, fetched.content_type, spec["label"], state, published, source_id)


def _unexpected(exc: Exception) -> str:
    first = str(exc).splitlines()[0][:200] if str(exc) else ""
    return f"cannot process the item: {exc.__class__.__name__}" + (f": {first}" if first else "")
