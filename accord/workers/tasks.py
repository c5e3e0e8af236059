"""The tasks a worker runs: one item, and one poll of a saved source (which sends its items on).

Each process keeps one Workshop per database; in a prefork pool it is made in the child,
after the fork, so no connection is shared between processes.
"""

from __future__ import annotations

from typing import Any

from celery import Celery, Task

from accord import settings
from accord.store.db import Database
from accord.workers import items

ITEM = "accord.ingest_item"
POLL = "accord.poll_source"

_shops: dict[str, items.Workshop] = {}


def workshop() -> items.Workshop:
    """This process's Workshop on the configured database."""
    url = settings.load().database_url
    if url not in _shops:
        _shops[url] = items.Workshop(Database(url))
    return _shops[url]


def register(app: Celery) -> None:
    """Put accord's tasks on ``app``."""

    @app.task(name=ITEM, bind=True, max_retries=None, acks_late=True, reject_on_worker_lost=True, shared=False)
    def ingest_item(self: Task, task_id: int, spec: dict[str, Any]) -> None:
        config = settings.load()
        try:
            items.run(workshop(), task_id, spec, config.task_attempts, config.retry_backoff)
        except items.Retry as exc:
            raise self.retry(countdown=exc.delay) from exc

    @app.task(name=POLL, bind=True, max_retries=None, acks_late=True, reject_on_worker_lost=True, shared=False)
    def poll_source(self: Task, source_id: int, token: str, every: float) -> None:
        from accord.workers import schedule

        schedule.poll(app, workshop(), source_id, token, every)
