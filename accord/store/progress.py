"""Progress of a roadmap as the dashboard, `accord status` and the report show it.

One place computes it, so every view agrees. Overdue is derived here from the
deadline and the status, never read from a column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session, selectinload

from accord.domain.status import CLOSED, MeasureStatus
from accord.store.models import Assignment, Direction, Measure, Roadmap


@dataclass
class DirectionProgress:
    direction: Direction
    total: int = 0
    done: int = 0
    in_progress: int = 0
    planned: int = 0
    cancelled: int = 0
    overdue: int = 0

    @property
    def share_done(self) -> float:
        active = self.total - self.cancelled
        return self.done / active if active else 0.0


@dataclass
class RoadmapProgress:
    roadmap: Roadmap
    today: date
    directions: list[DirectionProgress] = field(default_factory=list)

    @property
    def totals(self) -> DirectionProgress:
        total = DirectionProgress(direction=None)  # type: ignore[arg-type]
        for row in self.directions:
            for name in ("total", "done", "in_progress", "planned", "cancelled", "overdue"):
                setattr(total, name, getattr(total, name) + getattr(row, name))
        return total


def default_roadmap(session: Session, code: str | None = None) -> Roadmap | None:
    """The roadmap a command works on: the one named, else the first created."""
    query = select(Roadmap)
    query = query.where(Roadmap.code == code) if code else query.order_by(Roadmap.id)
    return session.scalars(query.limit(1)).first()


def measures_of(session: Session, roadmap: Roadmap) -> list[Measure]:
    return list(
        session.scalars(
            select(Measure)
            .where(Measure.roadmap_id == roadmap.id)
            .options(
                selectinload(Measure.direction),
                selectinload(Measure.assignments).selectinload(Assignment.organization),
                selectinload(Measure.notes),
            )
            .order_by(Measure.sort_key)
        )
    )


def progress(session: Session, roadmap: Roadmap, today: date) -> RoadmapProgress:
    """Counts per direction and status, and overdue, computed by the database in one query.

    The dashboard is the page everyone opens: counting must not load every measure.
    """
    late = and_(Measure.due_on < today, Measure.status.not_in([s.value for s in CLOSED]))
    query = (
        select(Measure.direction_id, Measure.status, func.count(), func.sum(case((late, 1), else_=0)))
        .where(Measure.roadmap_id == roadmap.id)
        .group_by(Measure.direction_id, Measure.status)
    )
    rows = {d.id: DirectionProgress(direction=d) for d in roadmap.directions}
    for direction_id, status, count, overdue_count in session.execute(query):
        row = rows[direction_id]
        row.total += count
        name = MeasureStatus(status).value
        setattr(row, name, getattr(row, name) + count)
        row.overdue += int(overdue_count or 0)
    return RoadmapProgress(roadmap=roadmap, today=today, directions=list(rows.values()))


def overdue(session: Session, roadmap: Roadmap, today: date) -> list[Measure]:
    """Late measures, the longest late first."""
    query = (
        select(Measure)
        .where(
            Measure.roadmap_id == roadmap.id,
            Measure.due_on < today,
            Measure.status.not_in([s.value for s in CLOSED]),
        )
        .options(selectinload(Measure.assignments).selectinload(Assignment.organization), selectinload(Measure.notes))
        .order_by(Measure.due_on, Measure.sort_key)
    )
    return list(session.scalars(query))


def upcoming(session: Session, roadmap: Roadmap, today: date, days: int = 90) -> list[Measure]:
    """Open measures due from today to `days` ahead, soonest first."""
    query = (
        select(Measure)
        .where(
            Measure.roadmap_id == roadmap.id,
            Measure.due_on >= today,
            Measure.due_on <= today + timedelta(days=days),
            Measure.status.not_in([s.value for s in CLOSED]),
        )
        .options(selectinload(Measure.assignments).selectinload(Assignment.organization))
        .order_by(Measure.due_on, Measure.sort_key)
    )
    return list(session.scalars(query))


def find_measure(session: Session, roadmap: Roadmap, number: str) -> Measure | None:
    return session.scalars(
        select(Measure).where(Measure.roadmap_id == roadmap.id, Measure.number == number)
    ).first()
