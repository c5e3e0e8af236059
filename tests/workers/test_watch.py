"""`accord watch --queue`: a due source's poll runs on a worker, which sends its entries on as items."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest
from celery import Celery
from celery.worker import WorkController
from sqlalchemy import func, select

from accord.store.db import Database
from accord.store.models import IngestTask, NewsSource, SourceItem
from accord.workers.schedule import schedule_round
from tests.ingest import texts
from tests.ingest.conftest import Site
from tests.workers.conftest import wait_for

pytestmark = pytest.mark.parametrize("db", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)

Workers = Callable[[int], AbstractContextManager[list[WorkController]]]


def test_two_schedulers_send_one_poll_and_the_feed_s_items_are_stored_once(
    db: Database, app: Celery, workers: Workers, site: Site
) -> None:
    site.publish("/news/lifts", texts.LIFTS)
    site.publish("/news/vet", texts.VETERINARY)
    feed = site.feed(
        "/rss",
        [
            ("/news/lifts", "Лифты", "Tue, 03 Nov 2026 10:00:00 +0300"),
            ("/news/vet", "Ветеринария", "Fri, 20 Nov 2026 10:00:00 +0300"),
            ("/news/gone", "Удалено", "Fri, 20 Nov 2026 12:00:00 +0300"),
        ],
    )
    with db.transaction() as session:
        session.add(NewsSource(name="belta", url=feed, kind="feed"))
    with workers(1):
        first = schedule_round(app, db, every=900)
        second = schedule_round(app, db, every=900)  # another scheduler, the same moment
        assert (first, second) == (["belta"], [])

        def polled() -> bool:
            with db.reading() as session:
                rows = session.scalars(select(IngestTask)).all()
            return len(rows) == 3 and all(r.state != "queued" for r in rows)

        wait_for(polled, 120, "the poll and its items")
        assert schedule_round(app, db, every=900) == []  # done, and not due for 15 minutes
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(SourceItem)) == 2
        states = sorted(session.scalars(select(IngestTask.state)))
        source = session.scalars(select(NewsSource)).one()
    assert states == ["failed", "new", "new"]
    assert source.lease_token is None and source.next_poll_at is not None and source.last_ok_at is not None
    assert site.hits["/rss"] == 1
