"""`accord watch --queue`: saved sources polled as tasks, one poll per source at a time, whatever runs the loop.

A scheduler claims a source with one conditional UPDATE (the lease is free or has
expired, and the source is due); only the scheduler whose UPDATE changed the row sends
the poll. The poll task holds the lease until it has sent the source's items, then
frees it and sets the next poll time, so several schedulers on several machines poll
each source once per interval.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from datetime import timedelta

from celery import Celery
from sqlalchemy import or_, select, update

from accord.store.base import utcnow
from accord.store.db import Database
from accord.store.models import NewsSource
from accord.workers import batches
from accord.workers.items import Workshop

log = logging.getLogger(__name__)

#: how long a claimed poll may take before another scheduler may claim the source again
LEASE = timedelta(minutes=15)


def claim(db: Database, source_id: int) -> str | None:
    """Take the lease on a due source; its token, or None if another scheduler holds it or it is not due."""
    token, now = str(uuid.uuid4()), utcnow()
    with db.transaction() as session:
        done = session.execute(
            update(NewsSource)
            .where(
                NewsSource.id == source_id,
                NewsSource.active.is_(True),
                or_(NewsSource.lease_until.is_(None), NewsSource.lease_until < now),
                or_(NewsSource.next_poll_at.is_(None), NewsSource.next_poll_at <= now),
            )
            .values(lease_token=token, lease_until=now + LEASE)
        )
    return token if done.rowcount else None


def release(db: Database, source_id: int, token: str, every: float) -> bool:
    """Free the lease and set the next poll; False if the lease was lost (expired and taken by another)."""
    with db.transaction() as session:
        done = session.execute(
            update(NewsSource)
            .where(NewsSource.id == source_id, NewsSource.lease_token == token)
            .values(lease_token=None, lease_until=None, next_poll_at=utcnow() + timedelta(seconds=every))
        )
    return bool(done.rowcount)


def holds(db: Database, source_id: int, token: str) -> bool:
    with db.reading() as session:
        return session.scalar(select(NewsSource.lease_token).where(NewsSource.id == source_id)) == token


def schedule_round(app: Celery, db: Database, every: float, names: list[str] | None = None) -> list[str]:
    """Send a poll for each due source this scheduler could claim; the names of those sent."""
    from accord.ingest.run import saved_sources
    from accord.workers.tasks import POLL

    sent = []
    for source in saved_sources(db, names):
        token = claim(db, source.id)
        if token is not None:
            app.send_task(POLL, args=[source.id, token, every])
            sent.append(source.name)
    return sent


def run(
    app: Celery,
    db: Database,
    every: float,
    rounds: int | None = None,
    names: list[str] | None = None,
    on_round: Callable[[int, list[str]], None] | None = None,
    tick: float = 5.0,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Look for due sources every ``tick`` seconds (forever, or ``rounds`` times)."""
    number = 0
    while rounds is None or number < rounds:
        number += 1
        sent = schedule_round(app, db, every, names)
        if on_round is not None:
            on_round(number, sent)
        if rounds is not None and number >= rounds:
            break
        sleep(min(tick, every))


def poll(app: Celery, shop: Workshop, source_id: int, token: str, every: float) -> int | None:
    """The poll task: read the source's feed, send one task per entry, free the lease. The batch id."""
    from accord.workers.tasks import ITEM

    db = shop.db
    if not holds(db, source_id, token):  # delivered again after its lease was lost: another poll has it
        return None
    with db.reading() as session:
        source = session.get_one(NewsSource, source_id)
    planned = batches.Plan()
    batches.plan_source(db, shop.ingestor().fetcher, source, planned)
    batch_id, sends = batches.create(db, shop.actor, planned)
    for task_id, spec in sends:
        app.send_task(ITEM, args=[task_id, spec])
    release(db, source_id, token, every)
    log.info("polled %s: %d items sent (batch %d)", source.name, len(sends), batch_id)
    return batch_id
