"""Every change to tracked data is audited in the same transaction; stale edits are refused."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import func, select

from accord.domain.status import MeasureStatus
from accord.store.audit import AuditError, ConflictError
from accord.store.db import Database
from accord.store.edits import MeasureEdit, edit_measure
from accord.store.models import AuditEntry, Measure, Organization
from tests import factories

TODAY = date(2026, 11, 27)


def entries(db: Database, entity: str = "measure") -> list[AuditEntry]:
    with db.reading() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.entity == entity).order_by(AuditEntry.id)))


def make_measure(db: Database) -> int:
    with db.transaction(actor="alice") as session:
        rm = factories.roadmap(session)
        return factories.measure(session, rm).id


def test_it_audits_creation_with_the_actor(db: Database) -> None:
    make_measure(db)
    (created,) = [e for e in entries(db) if e.action == "create"]
    assert (created.actor, created.entity_key, created.version) == ("alice", "1.1", 1)
    added = [e for e in entries(db) if e.action == "add"]
    assert added and added[0].field == "responsible" and "Министерство промышленности" in added[0].new


def test_it_audits_each_changed_field_old_to_new(db: Database) -> None:
    measure_id = make_measure(db)
    with db.transaction(actor="bob", reason="weekly update") as session:
        measure = session.get(Measure, measure_id)
        edit_measure(session, measure, MeasureEdit(status=MeasureStatus.IN_PROGRESS, note="started"), "bob", TODAY)
    changes = {e.field: e for e in entries(db) if e.action == "update"}
    assert (changes["status"].old, changes["status"].new, changes["status"].actor) == ("planned", "in_progress", "bob")
    assert changes["status"].reason == "weekly update"
    assert changes["note"].new == "started"
    assert any(e.field == "progress_note" and e.new == "2026-11-27: started" for e in entries(db))
    with db.reading() as session:
        assert session.get(Measure, measure_id).version == 2


def test_an_unchanged_value_writes_no_entry(db: Database) -> None:
    measure_id = make_measure(db)
    before = len(entries(db))
    with db.transaction(actor="bob") as session:
        measure = session.get(Measure, measure_id)
        measure.title = measure.title
    assert len(entries(db)) == before


def test_a_change_with_nobody_named_is_refused_and_nothing_is_written(db: Database) -> None:
    measure_id = make_measure(db)
    with pytest.raises(AuditError), db.transaction(actor=None) as session:
        session.get(Measure, measure_id).title = "anonymous edit"
    with db.reading() as session:
        assert session.get(Measure, measure_id).title == "Measure 1.1"


def test_an_edit_based_on_a_stale_version_is_refused_naming_who_changed_it(db: Database) -> None:
    measure_id = make_measure(db)
    with db.transaction(actor="bob") as session:
        edit_measure(session, session.get(Measure, measure_id), MeasureEdit(title="Bob's title"), "bob", TODAY, based_on=1)
    with pytest.raises(ConflictError, match=r"measure 1.1 was changed by bob .*version 1") as caught:
        with db.transaction(actor="carol") as session:
            edit_measure(session, session.get(Measure, measure_id), MeasureEdit(title="Carol's"), "carol", TODAY, based_on=1)
    assert caught.value.by == "bob"
    with db.reading() as session:
        assert session.get(Measure, measure_id).title == "Bob's title"


def test_two_concurrent_transactions_cannot_both_save_over_one_version(db: Database) -> None:
    measure_id = make_measure(db)
    loaded = threading.Event()
    saved = threading.Event()
    outcome: dict[str, object] = {}

    def slow_writer() -> None:
        try:
            with db.transaction(actor="carol") as session:
                measure = session.get(Measure, measure_id)
                assert measure.version == 1
                loaded.set()
                saved.wait(10)
                measure.title = "Carol's"
        except ConflictError as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=slow_writer)
    thread.start()
    loaded.wait(10)
    with db.transaction(actor="bob") as session:
        session.get(Measure, measure_id).title = "Bob's"
    saved.set()
    thread.join(20)
    assert isinstance(outcome.get("error"), ConflictError)
    assert "measure 1.1" in str(outcome["error"]) and "bob" in str(outcome["error"])
    with db.reading() as session:
        assert session.get(Measure, measure_id).title == "Bob's"
        carol = session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.actor == "carol"))
        assert carol == 0


def test_a_race_lost_in_an_explicit_flush_inside_the_write_is_a_conflict_too(db: Database) -> None:
    """edit_measure flushes before the commit: the lost race surfaces there, and is a ConflictError all the same."""
    measure_id = make_measure(db)
    with pytest.raises(ConflictError, match=r"measure 1.1 was changed by bob .*based on version 1") as caught:
        with db.transaction(actor="carol") as session:
            measure = session.get(Measure, measure_id)
            with db.transaction(actor="bob") as other:  # bob saves between carol's read and her flush
                edit_measure(other, other.get(Measure, measure_id), MeasureEdit(title="Bob's"), "bob", TODAY, based_on=1)
            edit_measure(session, measure, MeasureEdit(title="Carol's"), "carol", TODAY, based_on=1)
    assert caught.value.by == "bob"
    with db.reading() as session:
        assert session.get(Measure, measure_id).title == "Bob's"
        assert session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.actor == "carol")) == 0


def test_changing_a_child_row_bumps_the_owner_version(db: Database) -> None:
    measure_id = make_measure(db)
    with db.transaction(actor="bob") as session:
        measure = session.get(Measure, measure_id)
        other = Organization(name="Министерство экономики", kind="ministry", country_code="BY")
        measure.assignments[0].organization = other
    with db.reading() as session:
        assert session.get(Measure, measure_id).version == 2
    assert any(e.field == "responsible.organization_id" for e in entries(db))


def test_a_failed_transaction_leaves_no_audit_entry(db: Database) -> None:
    measure_id = make_measure(db)
    before = len(entries(db))
    with pytest.raises(RuntimeError, match="boom"), db.transaction(actor="bob") as session:
        session.get(Measure, measure_id).title = "half-done"
        session.flush()
        raise RuntimeError("boom")
    assert len(entries(db)) == before
