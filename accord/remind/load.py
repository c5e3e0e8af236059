"""Read the open deadlines of the record once, as plain ``Deadline`` values."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from accord.auth.access import measure_scope
from accord.domain.status import CLOSED
from accord.remind.deadlines import Deadline
from accord.store.models import Assignment, Decision, Measure, Organization
from accord.store.models import Session as CommissionSession

_OPEN = [s.value for s in CLOSED]


def open_deadlines(session: Session, until: date | None = None) -> list[Deadline]:
    """Measures and decisions that are neither done nor cancelled and have a deadline (up to `until`)."""
    out: list[Deadline] = []
    measures = (
        select(Measure)
        .where(Measure.due_on.is_not(None), Measure.status.not_in(_OPEN))
        .options(
            selectinload(Measure.direction),
            selectinload(Measure.roadmap),
            selectinload(Measure.assignments).selectinload(Assignment.organization),
        )
    )
    if until is not None:
        measures = measures.where(Measure.due_on <= until)
    for m in session.scalars(measures):
        assert m.due_on is not None
        out.append(
            Deadline(
                entity="measure",
                entity_id=m.id,
                number=m.number,
                title=m.title,
                due_on=m.due_on,
                status=m.status,
                scope=measure_scope(m.direction.sector, (a.country_code for a in m.assignments)),
                where=m.roadmap.code,
                path=f"/measures/{m.id}",
                responsible=tuple(a.organization.label for a in m.assignments if a.role == "responsible"),
            )
        )
    decisions = (
        select(Decision)
        .join(CommissionSession, Decision.session_id == CommissionSession.id)
        .where(Decision.due_on.is_not(None), Decision.status.not_in(_OPEN))
        # an archived decision, or one of an archived session, is no longer anyone's task
        .where(Decision.archived_at.is_(None), CommissionSession.archived_at.is_(None))
        .options(
            selectinload(Decision.owner), selectinload(Decision.session).selectinload(CommissionSession.body)
        )
    )
    if until is not None:
        decisions = decisions.where(Decision.due_on <= until)
    rows = list(session.scalars(decisions))
    sectors = _sectors_of_linked_measures(session, rows)
    for d in rows:
        assert d.due_on is not None
        owner: Organization | None = d.owner
        out.append(
            Deadline(
                entity="decision",
                entity_id=d.id,
                number=d.number,
                title=d.text,
                due_on=d.due_on,
                status=d.status,
                # a decision is answered for by its owner's party, in the direction of the measure it serves
                scope=measure_scope(sectors.get(d.id, ""), [owner.country_code if owner else None]),
                where=f"{d.session.body.name}, {d.session.number}",
                path=f"/commission/decisions/{d.id}",
                responsible=(owner.label,) if owner else (),
            )
        )
    return out


def _sectors_of_linked_measures(session: Session, decisions: list[Decision]) -> dict[int, str]:
    linked = {d.measure_id: d.id for d in decisions if d.measure_id is not None}
    if not linked:
        return {}
    rows = session.scalars(
        select(Measure).where(Measure.id.in_(linked)).options(selectinload(Measure.direction))
    )
    return {linked[m.id]: m.direction.sector for m in rows}
