"""Creating many measures and bodies at once, with every row the ORM would have written for them.

Creating a measure one ORM object at a time costs about a millisecond of unit-of-work
bookkeeping per row; a 200,000-row roadmap would take minutes. New rows are
therefore inserted in batches, and with them what the flush listeners would
have added: one audit entry per created row and per responsible body or note
added to it (as `accord.store.audit` writes them), and the search entry of each
(as `accord.store.indexing` describes it). A test holds these equal to what the
ORM writes for the same measure. Changes to existing measures still go through
the ORM, one audited field at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from accord.domain.kinds import RecordKind
from accord.domain.numbering import sort_key
from accord.domain.status import MeasureStatus
from accord.store.audit import AuditError
from accord.store.base import utcnow
from accord.store.directory import guess_kind
from accord.store.indexing import Document
from accord.store.indexing import write as write_search_entries
from accord.store.models import Assignment, AuditEntry, Measure, Organization, ProgressNote


@dataclass(frozen=True, slots=True)
class OrgRef:
    """A body of the directory as the import needs it: no ORM object per body."""

    id: int
    name: str
    short_name: str | None = None

    @property
    def label(self) -> str:
        return self.short_name or self.name


@dataclass(frozen=True, slots=True)
class NewMeasure:
    number: str
    direction_id: int
    title: str
    due_kind: str
    due_on: date | None
    expected_result: str | None
    status: MeasureStatus
    note: str | None
    #: (party, body) in the order the cell lists them
    responsible: Sequence[tuple[str, OrgRef]]


def _audit(session: Session, rows: list[dict[str, Any]]) -> None:
    """Audit entries as the flush listener writes them: the transaction's actor and reason, one time."""
    if not rows:
        return
    actor = session.info.get("actor")
    if not actor:
        raise AuditError("tracked data changed with no author: open the transaction with an actor")
    now = utcnow()
    for row in rows:
        row.update(actor=actor, at=now, reason=session.info.get("reason"))
    session.connection().execute(insert(AuditEntry.__table__), rows)


def _entry(
    entity: str, entity_id: int, key: str, action: str, field: str | None, new: str | None
) -> dict[str, Any]:
    return {
        "entity": entity,
        "entity_id": entity_id,
        "entity_key": key,
        "action": action,
        "field": field,
        "old": None,
        "new": new,
        "version": 1,
    }


def _join(*parts: Any) -> str:
    return " ".join(str(p) for p in parts if p)


def create_organizations(
    session: Session, wanted: Sequence[tuple[str, str]], illustrative: bool
) -> list[OrgRef]:
    """(name, country) bodies new to the directory, created in one batch, audited and indexed."""
    if not wanted:
        return []
    now = utcnow()
    values = [
        {
            "name": name,
            "kind": guess_kind(name).value,
            "country_code": country,
            "illustrative": illustrative,
            "version": 1,
            "created_at": now,
            "updated_at": now,
        }
        for name, country in wanted
    ]
    ids = session.scalars(
        insert(Organization).returning(Organization.id, sort_by_parameter_order=True), values
    ).all()
    refs = [OrgRef(org_id, name) for org_id, (name, _country) in zip(ids, wanted, strict=True)]
    _audit(session, [_entry("organization", r.id, r.label, "create", None, r.label) for r in refs])
    write_search_entries(
        session.connection(), [Document(RecordKind.ORGANIZATION, r.id, r.name, None, r.name) for r in refs]
    )
    return refs


def create_measures(
    session: Session,
    roadmap_id: int,
    illustrative: bool,
    measures: Sequence[NewMeasure],
    actor: str,
    today: date,
) -> None:
    """Measures new to the roadmap, with their responsible bodies and first note, in a few statements.

    Core statements on the session's connection: the ORM's own bulk insert costs a
    hundred times more here, matching RETURNING rows to parameters one by one.
    """
    if not measures:
        return
    now = utcnow()
    values = [
        {
            "roadmap_id": roadmap_id,
            "direction_id": m.direction_id,
            "number": m.number,
            "sort_key": sort_key(m.number),
            "title": m.title,
            "description": None,
            "due_kind": m.due_kind,
            "due_on": m.due_on,
            "expected_result": m.expected_result,
            "status": m.status.value,
            "note": m.note,
            "illustrative": illustrative,
            "version": 1,
            "created_at": now,
            "updated_at": now,
        }
        for m in measures
    ]
    table = Measure.__table__
    returned = session.connection().execute(insert(table).returning(table.c.id, table.c.number), values)
    by_number = {number: measure_id for measure_id, number in returned}
    ids = [by_number[m.number] for m in measures]
    assignments: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    audit: list[dict[str, Any]] = []
    docs: list[Document] = []
    for measure_id, m in zip(ids, measures, strict=True):
        audit.append(_entry("measure", measure_id, m.number, "create", None, m.number))
        positions: dict[str, int] = {}
        for party, org in m.responsible:
            position = positions[party] = (
                positions.get(party, -1) + 1
            )  # counted per party, as the ORM path does
            assignments.append(
                {
                    "measure_id": measure_id,
                    "organization_id": org.id,
                    "country_code": party,
                    "role": "responsible",
                    "ordinal": position,
                }
            )
            audit.append(
                _entry("measure", measure_id, m.number, "add", "responsible", f"{org.label} ({party})")
            )
        if m.note:
            notes.append(
                {"measure_id": measure_id, "on": today, "text": m.note, "author": actor, "created_at": now}
            )
            audit.append(
                _entry(
                    "measure", measure_id, m.number, "add", "progress_note", f"{today.isoformat()}: {m.note}"
                )
            )
        body = _join(
            m.number, m.title, m.expected_result, m.note, *(org.name for _party, org in m.responsible)
        )
        docs.append(Document(RecordKind.MEASURE, measure_id, f"{m.number}. {m.title}", m.due_on, body))
    connection = session.connection()
    if assignments:
        connection.execute(insert(Assignment.__table__), assignments)
    if notes:
        connection.execute(insert(ProgressNote.__table__), notes)
    _audit(session, audit)
    write_search_entries(connection, docs)
