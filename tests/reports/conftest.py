"""Report fixtures: the example as of TODAY, and a few recorded changes since its last session."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from accord.domain.status import AgreementStatus, MeasureStatus
from accord.store.db import Database
from accord.store.models import Agreement, AuditEntry, Evidence, Project, SourceItem
from accord.store.progress import default_roadmap, find_measure
from tests.conftest import TODAY

#: when the changes below are recorded (the example's last session is TODAY - 150 days)
CHANGED_ON = TODAY - timedelta(days=12)
SIGNED_ON = TODAY - timedelta(days=20)
STARTED_ON = TODAY - timedelta(days=30)
NEWS_ON = TODAY - timedelta(days=13)


def record_changes(db: Database) -> None:
    """Measure 2.3 moves to in progress with a news item behind it; an agreement is signed; a project starts."""
    with db.transaction(actor="alice", reason="report test") as session:
        roadmap = default_roadmap(session)
        measure = find_measure(session, roadmap, "2.3")
        measure.move_to(MeasureStatus.IN_PROGRESS)
        item = SourceItem(
            url="https://example.org/lifts",
            text_hash="a" * 64,
            title="Лифтовое производство: ТЭО готово",
            outlet="БелТА",
            published_on=NEWS_ON,
            text="…",
        )
        session.add(item)
        session.flush()
        session.add(Evidence(source_item_id=item.id, measure_id=measure.id, state="accepted", on=NEWS_ON))
        vet = session.scalars(select(Agreement).where(Agreement.title.like("%ветеринарии%"))).one()
        vet.transition(AgreementStatus.SIGNED, SIGNED_ON)
        session.add(
            Project(
                title="Сервисный центр техники в Оше",
                stage="preparation",
                country_code="KG",
                roadmap_id=roadmap.id,
                started_on=STARTED_ON,
            )
        )
    # the audit trail stamps changes with the wall clock; date this one inside the period under report
    with db.transaction(actor="alice") as session:
        session.execute(
            update(AuditEntry)
            .where(AuditEntry.entity == "measure", AuditEntry.field == "status")
            .values(at=datetime.combine(CHANGED_ON, datetime.min.time(), tzinfo=UTC))
        )


@pytest.fixture
def changed_db(example_db: Database) -> Database:
    record_changes(example_db)
    return example_db


@pytest.fixture(scope="module")
def shared_example(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """The example on SQLite, loaded once per module for tests that only read rendered files.

    Tests that change data or compare databases use `example_db` (SQLite and PostgreSQL).
    """
    from accord.demo.example import load_example

    path = tmp_path_factory.mktemp("shared") / "accord.db"
    shutil.copy(sqlite_template, path)
    database = Database(f"sqlite:///{path}")
    load_example(database, TODAY)
    yield database
    database.dispose()
