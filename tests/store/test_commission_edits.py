"""Sessions and decisions through their write services: a decision is a tracked task with owner and due,
edits are version-checked and audited, and archiving takes a decision out of everyone's tasks."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from accord.auth.access import Principal
from accord.domain.kinds import Role
from accord.domain.status import MeasureStatus, TransitionError
from accord.remind.deadlines import Step, due_for
from accord.remind.load import open_deadlines
from accord.store.archive import archive
from accord.store.audit import ConflictError
from accord.store.checks import Invalid
from accord.store.commission_edits import (
    DecisionDraft,
    DecisionEdit,
    SessionDraft,
    SessionEdit,
    add_decision,
    create_session,
    edit_decision,
    edit_session,
)
from accord.store.db import Database
from accord.store.models import AuditEntry, Decision, Organization
from accord.store.models import Session as Meeting
from tests.conftest import TODAY

ED_KG = Principal("ed_kg", Role.EDITOR, party="KG")
ED_BY = Principal("ed_by", Role.EDITOR, party="BY")


def kyrgyz_ministry(db: Database) -> int:
    with db.reading() as s:
        return s.scalars(select(Organization.id).where(Organization.country_code == "KG").order_by(Organization.id)).first()


def add(db: Database, number: str = "5", due: date = date(2027, 2, 1), actor: str = "carol") -> int:
    owner = kyrgyz_ministry(db)
    with db.transaction(actor=actor, reason="protocol") as s:
        decision = add_decision(s, s.get(Meeting, 1), DecisionDraft(number=number, text="Подготовить план поставок",
                                                                    owner_id=owner, due_on=due))
        return decision.id


def test_it_makes_a_decision_a_tracked_task_of_its_owner(example_db: Database) -> None:
    decision_id = add(example_db, due=date(2026, 12, 20))
    with example_db.reading() as s:
        d = s.get(Decision, decision_id)
        assert (d.status, d.due_on, d.owner.country_code) == ("planned", date(2026, 12, 20), "KG")
        created = s.scalars(select(AuditEntry).where(AuditEntry.entity == "decision", AuditEntry.entity_id == decision_id)).all()
        assert [(e.action, e.actor) for e in created] == [("create", "carol")]
        deadlines = [x for x in open_deadlines(s) if x.entity == "decision" and x.entity_id == decision_id]
    assert len(deadlines) == 1 and deadlines[0].scope.parties == {"KG"}
    assert deadlines[0].path == f"/commission/decisions/{decision_id}"
    # the Kyrgyz editor is reminded of it (due within 30 days of TODAY), the Belarusian one is not
    steps = [(x.entity_id, step) for x, step in due_for(ED_KG, deadlines, TODAY)]
    assert steps == [(decision_id, Step.DAYS_30 if (date(2026, 12, 20) - TODAY).days > 7 else Step.DAYS_7)]
    assert due_for(ED_BY, deadlines, TODAY) == []


def test_it_refuses_a_decision_without_a_real_owner_or_a_repeated_number(example_db: Database) -> None:
    add(example_db, "5")
    with example_db.transaction(actor="carol") as s:
        meeting = s.get(Meeting, 1)
        with pytest.raises(Invalid, match="already has a decision 5"):
            add_decision(s, meeting, DecisionDraft(number="5.", text="x", owner_id=1, due_on=date(2027, 1, 1)))
        with pytest.raises(Invalid, match="owner: there is no organisation 999999"):
            add_decision(s, meeting, DecisionDraft(number="6", text="x", owner_id=999999, due_on=date(2027, 1, 1)))
        with pytest.raises(Invalid, match="needs its text"):
            add_decision(s, meeting, DecisionDraft(number="6", text="  ", owner_id=1, due_on=date(2027, 1, 1)))


def test_it_edits_a_decision_against_its_version_and_names_who_changed_it(example_db: Database) -> None:
    decision_id = add(example_db)
    with example_db.transaction(actor="carol") as s:
        changed = edit_decision(s, s.get(Decision, decision_id), DecisionEdit(status=MeasureStatus.IN_PROGRESS,
                                                                               due_on=date(2027, 3, 1)), based_on=1)
    assert changed == ["status", "due_on"]
    with example_db.transaction(actor="ed_kg") as s:
        with pytest.raises(ConflictError, match="by carol") as caught:
            edit_decision(s, s.get(Decision, decision_id), DecisionEdit(status=MeasureStatus.DONE), based_on=1)
        assert caught.value.by == "carol"
    with example_db.reading() as s:
        d = s.get(Decision, decision_id)
        assert (d.status, d.due_on) == ("in_progress", date(2027, 3, 1))


def test_a_done_decision_leaves_the_tasks_and_cannot_jump_back_to_planned(example_db: Database) -> None:
    decision_id = add(example_db)
    with example_db.transaction(actor="ed_kg") as s:
        edit_decision(s, s.get(Decision, decision_id), DecisionEdit(status=MeasureStatus.DONE), based_on=1)
    with example_db.reading() as s:
        assert decision_id not in {x.entity_id for x in open_deadlines(s) if x.entity == "decision"}
    with example_db.transaction(actor="ed_kg") as s, pytest.raises(TransitionError, match="done to planned"):
        edit_decision(s, s.get(Decision, decision_id), DecisionEdit(status=MeasureStatus.PLANNED), based_on=2)


def test_archiving_a_decision_is_audited_and_ends_the_task(example_db: Database) -> None:
    decision_id = add(example_db)
    with example_db.transaction(actor="carol", reason="entered twice") as s:
        archive(s, s.get(Decision, decision_id), "carol", based_on=1)
    with example_db.reading() as s:
        trail = s.scalars(select(AuditEntry).where(AuditEntry.entity == "decision", AuditEntry.entity_id == decision_id,
                                                   AuditEntry.action == "archive")).all()
        assert trail and all(e.actor == "carol" and e.reason == "entered twice" for e in trail)
        assert decision_id not in {x.entity_id for x in open_deadlines(s) if x.entity == "decision"}
    with example_db.transaction(actor="carol") as s, pytest.raises(Invalid, match="archived"):
        edit_decision(s, s.get(Decision, decision_id), DecisionEdit(text="новый текст"), based_on=2)


def test_archiving_a_session_ends_the_tasks_of_its_decisions(example_db: Database) -> None:
    decision_id = add(example_db)
    with example_db.transaction(actor="carol") as s:
        meeting = s.get(Meeting, 1)
        archive(s, meeting, "carol", based_on=meeting.version)
    with example_db.reading() as s:
        assert not [x for x in open_deadlines(s) if x.entity == "decision"]
        assert s.get(Decision, decision_id).archived_at is None  # the decision itself is kept as it was


def test_it_records_and_edits_a_session(example_db: Database) -> None:
    with example_db.transaction(actor="carol") as s:
        meeting = create_session(s, SessionDraft(body_id=1, number=7, held_on=date(2027, 5, 20), place=" Ош "))
        meeting_id = meeting.id
        assert (meeting.place, meeting.version) == ("Ош", 1)
        with pytest.raises(Invalid, match="session 7 of this body already exists"):
            create_session(s, SessionDraft(body_id=1, number=7))
    with example_db.transaction(actor="alice") as s:
        assert edit_session(s, s.get(Meeting, meeting_id), SessionEdit(place="Бишкек", summary=""), based_on=1) == ["place"]
    with example_db.transaction(actor="carol") as s, pytest.raises(ConflictError, match="by alice"):
        edit_session(s, s.get(Meeting, meeting_id), SessionEdit(number=8), based_on=1)
