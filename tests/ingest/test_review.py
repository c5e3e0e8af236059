"""A person decides: accepting applies the proposed step and audits it with the source; rejecting changes nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from accord.ingest import ReviewError, accept, pending, reject
from accord.ingest.run import Ingestor
from accord.store.db import Database
from accord.store.models import Agreement, AuditEntry, Evidence, Measure, SourceItem
from tests.ingest import texts
from tests.ingest.conftest import FAST


@pytest.fixture
def ingested(example_db: Database, tmp_path: Path) -> Database:
    for name in ("VETERINARY", "TOURISM_MEMO", "LIFTS"):
        (tmp_path / f"{name.lower()}.txt").write_text(getattr(texts, name), encoding="utf-8")
    with Ingestor(example_db, "accord-ingest", FAST) as ingestor:
        assert ingestor.run([str(tmp_path)]).new == 3
    return example_db


def proposal(db: Database, kind: str, item: str) -> Evidence:
    with db.reading() as session:
        for evidence in pending(session):
            if evidence.proposal == kind and evidence.source_item.url.endswith(f"/{item}.txt"):
                return evidence
    raise AssertionError(f"no {kind} proposal from {item}")


def measure(db: Database, number: str) -> Measure:
    with db.reading() as session:
        return session.scalars(select(Measure).where(Measure.number == number)).one()


def trail(db: Database, entity: str, entity_id: int) -> list[AuditEntry]:
    with db.reading() as session:
        return list(
            session.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
                .order_by(AuditEntry.id)
            )
        )


def test_nothing_in_the_record_changes_until_a_person_accepts(example_db: Database, tmp_path: Path) -> None:
    def statuses() -> tuple[dict[str, str], dict[int, str]]:
        with example_db.reading() as session:
            return (
                {m.number: m.status for m in session.scalars(select(Measure))},
                {a.id: a.status for a in session.scalars(select(Agreement))},
            )

    before = statuses()
    for name in ("VETERINARY", "TOURISM_MEMO", "LIFTS"):
        (tmp_path / f"{name}.txt").write_text(getattr(texts, name), encoding="utf-8")
    with Ingestor(example_db, "accord-ingest", FAST) as ingestor:
        assert ingestor.run([str(tmp_path)]).proposals >= 5
    assert statuses() == before


def test_accepting_moves_a_planned_measure_to_in_progress_and_audits_it_with_the_source(
    ingested: Database,
) -> None:
    evidence = proposal(ingested, "measure_progress", "lifts")
    target = measure(ingested, "2.3")
    assert evidence.measure_id == target.id and target.status == "planned"
    with ingested.transaction(actor="alice") as session:
        accept(session, evidence.id, "alice", note="подтверждено Минпромом")
    after = measure(ingested, "2.3")
    assert after.status == "in_progress" and after.version > target.version
    with ingested.reading() as session:
        decided = session.get_one(Evidence, evidence.id)
        assert (decided.state, decided.decided_by, decided.note) == (
            "accepted",
            "alice",
            "подтверждено Минпромом",
        )
        item = session.get_one(SourceItem, evidence.source_item_id)
    change = [e for e in trail(ingested, "measure", target.id) if e.field == "status"][-1]
    assert (change.old, change.new, change.actor) == ("planned", "in_progress", "alice")
    assert change.reason == f"evidence {evidence.id}: {item.url}"
    note = [e for e in trail(ingested, "measure", target.id) if e.field == "progress_note"][-1]
    assert item.title is not None and item.title in (note.new or "")


def test_accepting_evidence_for_a_finished_measure_never_changes_its_status(ingested: Database) -> None:
    with ingested.transaction(actor="alice") as session:
        done = session.scalars(select(Measure).where(Measure.number == "7.1")).one()
        assert done.status == "done"
        item_id = session.scalars(select(SourceItem.id)).first()
        evidence = Evidence(
            source_item_id=item_id, measure_id=done.id, proposal="measure_evidence", score=0.6, reason="test"
        )
        session.add(evidence)
    with ingested.transaction(actor="alice") as session:
        accept(session, evidence.id, "alice")
    assert measure(ingested, "7.1").status == "done"


def test_rejecting_leaves_the_record_untouched(ingested: Database) -> None:
    evidence = proposal(ingested, "measure_progress", "lifts")
    target = measure(ingested, "2.3")
    audit_before = [e.id for e in trail(ingested, "measure", target.id)]
    with ingested.transaction(actor="bob") as session:
        reject(session, evidence.id, "bob", why="речь о другом проекте")
    after = measure(ingested, "2.3")
    assert (after.status, after.version) == (target.status, target.version)
    assert [e.id for e in trail(ingested, "measure", target.id)] == audit_before
    with ingested.reading() as session:
        decided = session.get_one(Evidence, evidence.id)
    assert (decided.state, decided.decided_by, decided.note) == ("rejected", "bob", "речь о другом проекте")
    decision = {
        e.field: (e.new, e.actor) for e in trail(ingested, "evidence", evidence.id) if e.action == "update"
    }
    assert decision["state"] == ("rejected", "bob") and decision["note"] == ("речь о другом проекте", "bob")


def test_accepting_a_reported_signing_moves_the_agreement_to_signed(ingested: Database) -> None:
    evidence = proposal(ingested, "agreement_signed", "tourism_memo")
    with ingested.reading() as session:
        memo = session.get_one(Agreement, evidence.agreement_id)
        assert memo.kind == "memorandum" and memo.status == "negotiating"
    with ingested.transaction(actor="alice") as session:
        accept(session, evidence.id, "alice")
    with ingested.reading() as session:
        memo = session.get_one(Agreement, evidence.agreement_id)
        assert memo.status == "signed" and memo.signed_on == date(2026, 11, 26)
        step = memo.transitions[-1]
        assert step.status == "signed" and step.source_item_id == evidence.source_item_id
    status = [e for e in trail(ingested, "agreement", memo.id) if e.field == "status"][-1]
    assert (
        status.new == "signed"
        and status.reason is not None
        and status.reason.startswith(f"evidence {evidence.id}: file:")
    )


def test_accepting_an_unknown_signed_document_adds_it_to_the_register(ingested: Database) -> None:
    evidence = proposal(ingested, "new_agreement", "lifts")
    with ingested.reading() as session:
        count = len(session.scalars(select(Agreement)).all())
    with ingested.transaction(actor="alice") as session:
        accepted = accept(session, evidence.id, "alice")
        new_id = accepted.agreement_id
    with ingested.reading() as session:
        assert len(session.scalars(select(Agreement)).all()) == count + 1
        contract = session.get_one(Agreement, new_id)
        assert contract.kind == "contract" and contract.status == "signed" and contract.level == "commercial"
        assert contract.party_codes == ["BY", "KG"] and contract.signed_on == date(2026, 11, 3)
        assert (
            "лифты" in contract.title and contract.source is not None and contract.source.startswith("file:")
        )


def test_a_proposal_is_decided_once(ingested: Database) -> None:
    evidence = proposal(ingested, "project_evidence", "lifts")
    with ingested.transaction(actor="alice") as session:
        reject(session, evidence.id, "alice")
    with (
        pytest.raises(ReviewError, match="already rejected by alice"),
        ingested.transaction(actor="bob") as session,
    ):
        accept(session, evidence.id, "bob")
    with pytest.raises(ReviewError, match="no proposal 999999"), ingested.transaction(actor="bob") as session:
        reject(session, 999999, "bob")


def test_a_new_entry_from_an_undated_item_is_never_dated_today(example_db: Database) -> None:
    with example_db.transaction(actor="accord-ingest") as session:
        item = SourceItem(url="file:///undated.txt", text_hash="0" * 64, text="Подписан меморандум")
        session.add(item)
        session.flush()
        doc = {"type": "memorandum", "countries": ["BY", "KG"], "until": None, "status": "signed"}
        evidence = Evidence(
            source_item_id=item.id,
            proposal="new_agreement",
            score=0.9,
            reason="test",
            fact={"document": doc, "parties": ["BY", "KG"]},
        )
        session.add(evidence)
    with example_db.reading() as session:
        count = len(session.scalars(select(Agreement)).all())
    with (
        pytest.raises(ReviewError, match="has no signing date"),
        example_db.transaction(actor="alice") as session,
    ):
        accept(session, evidence.id, "alice")
    with example_db.reading() as session:
        assert len(session.scalars(select(Agreement)).all()) == count
        assert session.get_one(Evidence, evidence.id).state == "proposed"
