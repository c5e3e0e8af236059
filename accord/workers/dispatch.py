"""`accord ingest --queue`: plan the run here, hand its items to the workers, wait for the rows to be done."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from celery import Celery

from accord.ingest.fetch import Fetcher, Policy
from accord.ingest.run import Summary
from accord.store.db import Database
from accord.workers import batches
from accord.workers.tasks import ITEM


@dataclass
class Sent:
    batch_id: int
    labels: list[str]
    items: int


def enqueue(app: Celery, db: Database, actor: str, sources: list[str], policy: Policy | None = None) -> Sent:
    """One task per item of the sources; rows are written before any message is sent."""
    with Fetcher(policy) as fetcher:
        planned = batches.plan(db, fetcher, sources)
    for item in planned.items:
        item["actor"] = actor
    batch_id, sends = batches.create(db, actor, planned)
    for task_id, spec in sends:
        app.send_task(ITEM, args=[task_id, spec])
    return Sent(batch_id, planned.labels, len(sends))


def wait(
    db: Database,
    sent: Sent,
    on_progress: Callable[[int, int], None] | None = None,
    every: float = 0.5,
    timeout: float | None = None,
) -> Summary:
    """Poll the batch's rows until every one is done; the run's summary (raises TimeoutError past ``timeout``)."""
    started = time.monotonic()
    while True:
        done, total = batches.pending(db, sent.batch_id)
        if on_progress is not None:
            on_progress(done, total)
        if done >= total:
            return batches.summary(db, sent.batch_id, sent.labels)
        if timeout is not None and time.monotonic() - started > timeout:
            raise TimeoutError(f"{total - done} of {total} items are still waiting for a worker")
        time.sleep(every)
