"""One poll per source at a time, however many schedulers: the lease is one conditional UPDATE."""

from __future__ import annotations

import threading
from datetime import timedelta

from sqlalchemy import update

from accord.store.base import utcnow
from accord.store.db import Database
from accord.store.models import NewsSource
from accord.workers.schedule import claim, holds, release


def _source(db: Database) -> int:
    with db.transaction() as session:
        source = NewsSource(name="belta", url="https://example.org/rss.xml", kind="feed")
        session.add(source)
        session.flush()
        return source.id


def test_of_ten_schedulers_claiming_a_due_source_at_once_one_gets_it(db: Database) -> None:
    source_id = _source(db)
    barrier = threading.Barrier(10)
    tokens: list[str | None] = []

    def scheduler() -> None:
        barrier.wait(timeout=30)
        tokens.append(claim(db, source_id))

    threads = [threading.Thread(target=scheduler) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    won = [t for t in tokens if t is not None]
    assert len(tokens) == 10 and len(won) == 1
    assert holds(db, source_id, won[0])


def test_a_released_source_is_not_due_again_before_its_interval(db: Database) -> None:
    source_id = _source(db)
    token = claim(db, source_id)
    assert token is not None and claim(db, source_id) is None  # held
    assert release(db, source_id, token, every=900)
    assert claim(db, source_id) is None  # free, but polled a moment ago
    with db.transaction() as session:
        session.execute(update(NewsSource).values(next_poll_at=utcnow() - timedelta(seconds=1)))
    assert claim(db, source_id) is not None


def test_a_lease_left_by_a_lost_poll_expires_and_the_late_poll_cannot_release_the_new_one(db: Database) -> None:
    source_id = _source(db)
    lost = claim(db, source_id)
    assert lost is not None
    with db.transaction() as session:
        session.execute(update(NewsSource).values(lease_until=utcnow() - timedelta(seconds=1)))
    again = claim(db, source_id)
    assert again is not None and again != lost
    assert not holds(db, source_id, lost)
    assert not release(db, source_id, lost, every=900)  # the late poll changes nothing
    assert holds(db, source_id, again)
