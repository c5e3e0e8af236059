"""Ingest on Celery workers over the real brokers: every item once, races, a killed worker, a poison item."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from celery import Celery
from celery.worker import WorkController
from sqlalchemy import func, select

import accord.ingest.items as items
import accord.ingest.run
from accord.store.db import Database
from accord.store.models import IngestTask, SourceItem
from accord.workers.dispatch import enqueue, wait
from tests.ingest import texts
from tests.ingest.test_once import MINISTER_1, _hold_first_call
from tests.workers.conftest import wait_for

# workers on several machines share one PostgreSQL: that is what these run on (SQLite's exactly-once
# writes are tried by tests/ingest/test_once.py)
pytestmark = pytest.mark.parametrize("db", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)

Workers = Callable[[int], AbstractContextManager[list[WorkController]]]
ITEMS = [texts.VETERINARY, texts.LIFTS, texts.TOURISM_MEMO, MINISTER_1]


def _folder(tmp_path: Path, bodies: list[str]) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for n, body in enumerate(bodies):
        (folder / f"{n:02d}.txt").write_text(body, encoding="utf-8")
    return folder


def _items(db: Database) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(SourceItem)) or 0


def test_a_folder_on_two_workers_stores_every_item_once(
    db: Database, app: Celery, workers: Workers, tmp_path: Path
) -> None:
    folder = _folder(tmp_path, ITEMS)
    with workers(2):
        sent = enqueue(app, db, "alice", [str(folder)])
        assert sent.items == len(ITEMS)
        summary = wait(db, sent, timeout=120)
    assert summary.to_dict() | {"proposals": 0} == {
        "new": len(ITEMS), "revised": 0, "duplicates": 0, "skipped": 0, "reread": 0, "failed": [],
        "proposals": 0
    }
    assert summary.exit_code == 0
    assert _items(db) == len(ITEMS)
    # the same folder again: nothing new, every item a duplicate
    with workers(1):
        again = wait(db, enqueue(app, db, "alice", [str(folder)]), timeout=120)
    assert (again.new, again.duplicates) == (0, len(ITEMS))
    assert _items(db) == len(ITEMS)


def test_the_same_item_raced_by_two_workers_is_one_row(
    db: Database, app: Celery, workers: Workers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "vet.txt").write_text(texts.VETERINARY, encoding="utf-8")
    # each worker waits, on its first write, for the other: both have looked and found nothing
    _hold_first_call(monkeypatch, items, "_item_row", threading.Barrier(2))
    with workers(2):
        sent = enqueue(app, db, "alice", [str(tmp_path / "a"), str(tmp_path / "a")])
        summary = wait(db, sent, timeout=120)
    assert (summary.new, summary.duplicates, summary.failed) == (1, 1, [])
    assert _items(db) == 1


def test_a_worker_killed_mid_item_is_redelivered_and_the_item_stored_once(
    db: Database, app: Celery, workers: Workers, queue_env: dict[str, str], tmp_path: Path
) -> None:
    folder = _folder(tmp_path, ITEMS[:3])
    marker = tmp_path / "stalled"
    env = os.environ | queue_env
    with open(tmp_path / "slow-worker.log", "wb") as log:
        slow = subprocess.Popen(
            [sys.executable, "-m", "tests.workers.slow_worker", str(marker)],
            env=env,
            cwd=Path(__file__).parents[2],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            sent = enqueue(app, db, "alice", [str(folder)])
            wait_for(marker.exists, 120, "the slow worker to take an item")
        finally:
            slow.send_signal(signal.SIGKILL)
            slow.wait(timeout=30)
    killed = marker.read_text(encoding="utf-8")
    with workers(1):
        summary = wait(db, sent, timeout=120)
    assert (summary.new, summary.failed) == (3, [])
    assert _items(db) == 3
    with db.reading() as session:
        row = session.scalars(select(IngestTask).where(IngestTask.url == killed.removeprefix("file://"))).one_or_none()
        attempts = [r.attempts for r in session.scalars(select(IngestTask))]
    assert sorted(attempts) == [1, 1, 2], attempts  # the killed item was taken twice, the others once
    assert row is None or row.attempts == 2


def test_a_poison_item_fails_with_its_reason_and_the_rest_are_stored(
    db: Database, app: Celery, workers: Workers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path, [texts.VETERINARY, texts.LIFTS, texts.TOURISM_MEMO])
    real = accord.ingest.run.extract_article
    tries: list[str] = []

    def fragile(article, models=None):  # type: ignore[no-untyped-def]
        if "лифт" in article.text:
            tries.append(article.text[:20])
            raise ValueError("unexpected token")
        return real(article)

    monkeypatch.setattr(accord.ingest.run, "extract_article", fragile)
    with workers(1):
        summary = wait(db, enqueue(app, db, "alice", [str(folder)]), timeout=120)
    assert summary.new == 2
    assert summary.failed == [
        {
            "source": f"{folder}: {folder / '01.txt'}",
            "error": "cannot process the item: ValueError: unexpected token (after 3 attempts)",
        }
    ]
    assert len(tries) == 3  # ACCORD_TASK_ATTEMPTS
    assert _items(db) == 2
