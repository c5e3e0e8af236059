"""The roadmap table (filters, sorting, paging) and one measure with everything known about it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session, selectinload

from accord.auth.access import MeasureScope, measure_scope
from accord.domain.status import CLOSED, MeasureStatus
from accord.search.index import search
from accord.store.models import (
    Assignment,
    AuditEntry,
    Direction,
    Evidence,
    Indicator,
    Measure,
    Organization,
    Roadmap,
)
from accord.web.data.listing import Listing, paginate

SORTS = {
    "number": (Measure.sort_key,),
    "-number": (Measure.sort_key.desc(),),
    "due": (Measure.due_on.is_(None), Measure.due_on, Measure.sort_key),
    "-due": (Measure.due_on.is_(None), Measure.due_on.desc(), Measure.sort_key),
    "status": (Measure.status, Measure.sort_key),
    "-status": (Measure.status.desc(), Measure.sort_key),
    "title": (Measure.title, Measure.sort_key),
    "-title": (Measure.title.desc(), Measure.sort_key),
}


@dataclass
class MeasureFilter:
    """The roadmap filters; the same query parameters drive the page (a shareable URL) and the API."""

    direction: str | None = None
    party: str | None = None
    body: int | None = None
    status: MeasureStatus | None = None
    overdue: bool = False
    due_from: date | None = None
    due_to: date | None = None
    q: str | None = None
    sort: str = "number"

    def active(self) -> bool:
        return any((self.direction, self.party, self.body, self.status, self.overdue, self.due_from, self.due_to, self.q))


def measure_query(session: Session, roadmap: Roadmap, f: MeasureFilter, today: date):  # noqa: ANN201
    query = select(Measure).where(Measure.roadmap_id == roadmap.id)
    if f.direction:
        query = query.join(Direction, Direction.id == Measure.direction_id).where(Direction.sector == f.direction)
    if f.party:
        query = query.where(exists().where(Assignment.measure_id == Measure.id, Assignment.country_code == f.party.upper()))
    if f.body:
        query = query.where(exists().where(Assignment.measure_id == Measure.id, Assignment.organization_id == f.body))
    if f.status:
        query = query.where(Measure.status == f.status.value)
    if f.overdue:
        query = query.where(Measure.due_on < today, Measure.status.not_in([s.value for s in CLOSED]))
    if f.due_from:
        query = query.where(Measure.due_on >= f.due_from)
    if f.due_to:
        query = query.where(Measure.due_on <= f.due_to)
    if f.q and f.q.strip():
        hits, _total = search(session, f.q, kinds=["measure"], limit=5000)
        number_match = Measure.number == f.q.strip()
        query = query.where(or_(Measure.id.in_([h.ref_id for h in hits]), number_match))
    return query.order_by(*SORTS.get(f.sort, SORTS["number"]))


def list_measures(session: Session, roadmap: Roadmap, f: MeasureFilter, today: date, limit: int, offset: int) -> Listing[Measure]:
    query = measure_query(session, roadmap, f, today).options(
        selectinload(Measure.direction),
        selectinload(Measure.roadmap),
        selectinload(Measure.assignments).selectinload(Assignment.organization),
    )
    return paginate(session, query, limit, offset)


def responsible_bodies(session: Session, roadmap: Roadmap) -> list[Organization]:
    """The organisations answering for some measure of the roadmap (the body filter's choices)."""
    ids = select(Assignment.organization_id).join(Measure, Measure.id == Assignment.measure_id).where(
        Measure.roadmap_id == roadmap.id
    )
    return list(session.scalars(select(Organization).where(Organization.id.in_(ids)).order_by(Organization.name)))


@dataclass
class MeasureView:
    measure: Measure
    scope: MeasureScope
    evidence: list[Evidence] = field(default_factory=list)
    history: list[AuditEntry] = field(default_factory=list)


def scope_of(measure: Measure) -> MeasureScope:
    return measure_scope(measure.direction.sector, (a.country_code for a in measure.assignments))


def load_measure(session: Session, measure_id: int) -> Measure | None:
    return session.scalars(
        select(Measure)
        .where(Measure.id == measure_id)
        .options(
            selectinload(Measure.direction),
            selectinload(Measure.roadmap),
            selectinload(Measure.assignments).selectinload(Assignment.organization),
            selectinload(Measure.notes),
            selectinload(Measure.indicators).selectinload(Indicator.measurements),
        )
    ).first()


def measure_view(session: Session, measure_id: int, history_limit: int = 100) -> MeasureView | None:
    measure = load_measure(session, measure_id)
    if measure is None:
        return None
    evidence = list(
        session.scalars(
            select(Evidence)
            .where(Evidence.measure_id == measure.id, Evidence.state != "rejected")
            .options(selectinload(Evidence.source_item))
            .order_by(Evidence.state, Evidence.on.desc(), Evidence.id.desc())
        )
    )
    history = list(
        session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "measure", AuditEntry.entity_id == measure.id)
            .order_by(AuditEntry.id.desc())
            .limit(history_limit)
        )
    )
    return MeasureView(measure, scope_of(measure), evidence, history)


def changes_since(session: Session, measure: Measure, version: int) -> list[AuditEntry]:
    """What others changed after the version a stale form was based on (shown instead of saving over it)."""
    return list(
        session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "measure", AuditEntry.entity_id == measure.id, AuditEntry.version > version)
            .order_by(AuditEntry.id)
        )
    )
