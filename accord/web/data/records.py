"""One data function per record page: the dict the template renders and the API returns as JSON.

As datasette's RowView: the page and its `/api/v1/…` twin call the same function,
so they cannot drift. Values are JSON-ready (ISO dates); templates format them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from accord.auth.access import MeasureScope, measure_scope
from accord.store.models import (
    Decision,
    DecisionBody,
    Event,
    EventParticipant,
    Measure,
    Organization,
    Person,
    Position,
)
from accord.store.models import Session as Meeting
from accord.web.data import serialise
from accord.web.data.history import changes_since as audit_changes
from accord.web.data.history import history as audit_history


def history(session: Session, entity: str, entity_id: int) -> list[dict[str, Any]]:
    """The audit trail of one record as JSON, newest first, archiving included."""
    return [serialise.audit(a) for a in audit_history(session, entity, entity_id)]


def changes_since(session: Session, entity: str, entity_id: int, version: int) -> list[dict[str, Any]]:
    """What others changed after the version a stale form was based on (shown instead of saving over it)."""
    return [serialise.audit(a) for a in audit_changes(session, entity, entity_id, version)]


def _archive(record: Any) -> dict[str, Any]:
    return {"version": record.version, "archived_at": serialise.iso(record.archived_at), "archived_by": record.archived_by}


def decision_scope(session: Session, decision: Decision) -> MeasureScope:
    """Who answers for a decision: its owner's party, in the direction of the measure it serves (as reminders see it)."""
    sector = ""
    if decision.measure_id is not None:
        measure = session.get(Measure, decision.measure_id)
        sector = measure.direction.sector if measure is not None else ""
    return measure_scope(sector, [decision.owner.country_code if decision.owner else None])


def decision_dict(d: Decision, today: date) -> dict[str, Any]:
    return {
        **serialise.decision(d, today), **_archive(d),
        "co_responsible": [serialise.org_ref(b.organization) for b in d.co_responsible],
    }


def load_meeting(session: Session, session_id: int) -> Meeting | None:
    return session.scalars(select(Meeting).where(Meeting.id == session_id).options(
        selectinload(Meeting.body),
        selectinload(Meeting.decisions).selectinload(Decision.owner),
        selectinload(Meeting.decisions).selectinload(Decision.co_responsible).selectinload(DecisionBody.organization),
    )).first()


def session_data(session: Session, session_id: int, today: date) -> dict[str, Any] | None:
    """A session with its (unarchived) decisions and its history."""
    meeting = load_meeting(session, session_id)
    if meeting is None:
        return None
    body = meeting.body
    return {
        **serialise.session(meeting, today), **_archive(meeting),
        "body_name_en": body.name_en if body else None,
        "decisions": [decision_dict(d, today) for d in meeting.decisions if d.archived_at is None],
        "archived_decisions": sum(1 for d in meeting.decisions if d.archived_at is not None),
        "history": history(session, "session", meeting.id),
    }


def decision_data(session: Session, decision_id: int, today: date) -> dict[str, Any] | None:
    """A decision as a task: owner, deadline, status, the session it was taken at, and its history."""
    decision = session.scalars(select(Decision).where(Decision.id == decision_id).options(
        selectinload(Decision.owner), selectinload(Decision.session).selectinload(Meeting.body),
        selectinload(Decision.co_responsible).selectinload(DecisionBody.organization))).first()
    if decision is None:
        return None
    meeting = decision.session
    scope = decision_scope(session, decision)
    return {
        **decision_dict(decision, today),
        "session": {"id": meeting.id, "number": meeting.number, "held_on": serialise.iso(meeting.held_on),
                    "body": meeting.body.name if meeting.body else None, "archived": meeting.archived_at is not None},
        "scope": {"parties": sorted(scope.parties), "sector": scope.sector or None},
        "history": history(session, "decision", decision.id),
    }


def office_dict(x: Position, today: date) -> dict[str, Any]:
    return {"id": x.id, "title": x.title, "title_en": x.title_en, "organization": serialise.org_ref(x.organization),
            "country": x.country_code, "start_on": serialise.iso(x.start_on), "end_on": serialise.iso(x.end_on),
            "source": x.source, "current": x.holds_on(today)}


def person_data(session: Session, person_id: int, today: date) -> dict[str, Any] | None:
    """A person with their offices over time (latest first), the events they took part in, and their history."""
    person = session.scalars(select(Person).where(Person.id == person_id).options(
        selectinload(Person.positions).selectinload(Position.organization), selectinload(Person.aliases))).first()
    if person is None:
        return None
    events = session.scalars(select(Event).join(EventParticipant).where(EventParticipant.person_id == person_id)
                             .order_by(Event.held_on.desc()).limit(50))
    return {
        **serialise.person(person), **_archive(person),
        "first_name": person.first_name, "patronymic": person.patronymic, "last_name": person.last_name,
        "positions": [office_dict(x, today) for x in person.positions],
        "events": [serialise.event(e) for e in events],
        "history": history(session, "person", person.id),
    }


def organization_data(session: Session, org_id: int, today: date) -> dict[str, Any] | None:
    """An organisation with the people who held offices in it (latest first) and its history."""
    org = session.get(Organization, org_id)
    if org is None:
        return None
    positions = session.scalars(select(Position).where(Position.organization_id == org_id)
                                .options(selectinload(Position.person))
                                .order_by(Position.start_on.desc().nulls_last(), Position.id.desc()))
    return {
        **serialise.organization(org), **_archive(org),
        "positions": [{"person": serialise.person(p.person), **office_dict(p, today)} for p in positions],
        "history": history(session, "organization", org.id),
    }


def organisation_choices(session: Session) -> list[tuple[int, str]]:
    """(id, label) of every unarchived organisation, for the owner and office pickers of the forms."""
    rows = session.execute(select(Organization.id, Organization.name, Organization.short_name, Organization.country_code)
                           .where(Organization.archived_at.is_(None))
                           .order_by(Organization.country_code, Organization.name))
    return [(r.id, f"{r.short_name or r.name}" + (f" ({r.country_code})" if r.country_code else "")) for r in rows]
