"""`accord worker status`: the live workers (Celery's inspect API), what each is doing, and the queue's depth."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from celery import Celery
from sqlalchemy import func, select

from accord.store.db import Database
from accord.store.models import IngestTask


@dataclass
class WorkerState:
    name: str
    active: int
    processed: int
    concurrency: int | None
    pid: int | None


@dataclass
class Health:
    workers: list[WorkerState] = field(default_factory=list)
    queue: str = ""
    waiting: int | None = None  # messages in the broker's queue
    queued_items: int = 0  # task rows not done yet

    def to_dict(self) -> dict[str, Any]:
        return {
            "workers": [w.__dict__ for w in self.workers],
            "queue": self.queue,
            "waiting": self.waiting,
            "queued_items": self.queued_items,
        }


def health(app: Celery, db: Database | None, timeout: float = 2.0) -> Health:
    """Ask every worker (each answers within ``timeout``) and the broker; count unfinished rows."""
    inspect = app.control.inspect(timeout=timeout)
    stats = inspect.stats() or {}
    active = inspect.active() or {}
    out = Health(queue=app.conf.task_default_queue)
    for name in sorted(stats):
        s = stats[name]
        total = s.get("total") or {}
        pool = s.get("pool") or {}
        out.workers.append(
            WorkerState(
                name=name,
                active=len(active.get(name) or []),
                processed=sum(total.values()) if isinstance(total, dict) else 0,
                concurrency=pool.get("max-concurrency"),
                pid=s.get("pid"),
            )
        )
    with app.connection_for_write() as conn:
        declared = conn.default_channel.queue_declare(queue=out.queue, passive=False, durable=True, auto_delete=False)
        out.waiting = declared.message_count
    if db is not None:
        with db.reading() as session:
            out.queued_items = session.scalar(select(func.count()).where(IngestTask.state == "queued")) or 0
    return out
