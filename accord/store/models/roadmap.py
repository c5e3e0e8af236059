"""Roadmaps, their directions and measures, responsible bodies, notes and indicators."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from accord.domain.due import Due, DueKind
from accord.domain.status import MeasureStatus, check_measure_move, is_overdue
from accord.store.base import Amount, Base, Tracked, TrackedChild, UTCDateTime, utcnow
from accord.store.models.directory import Country, Organization


class Roadmap(Tracked, Base):
    __tablename__ = "roadmap"
    audit_entity = "roadmap"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    title: Mapped[str] = mapped_column(String(400))
    title_en: Mapped[str | None] = mapped_column(String(400))
    signed_on: Mapped[date | None] = mapped_column(Date)
    signed_at: Mapped[str | None] = mapped_column(String(120))
    horizon_year: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(Text)
    #: the measures are illustrative, not the real (non-public) roadmap
    illustrative: Mapped[bool] = mapped_column(default=False)

    parties: Mapped[list[RoadmapParty]] = relationship(
        back_populates="roadmap", cascade="all, delete-orphan", order_by="RoadmapParty.ordinal"
    )
    directions: Mapped[list[Direction]] = relationship(
        back_populates="roadmap", cascade="all, delete-orphan", order_by="Direction.ordinal"
    )
    measures: Mapped[list[Measure]] = relationship(back_populates="roadmap", cascade="all, delete-orphan")

    def audit_key(self) -> str:
        return self.code

    @property
    def party_codes(self) -> list[str]:
        return [p.country_code for p in self.parties]


class RoadmapParty(Base):
    __tablename__ = "roadmap_party"
    __table_args__ = (UniqueConstraint("roadmap_id", "country_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    roadmap_id: Mapped[int] = mapped_column(ForeignKey("roadmap.id", ondelete="CASCADE"))
    country_code: Mapped[str] = mapped_column(ForeignKey("country.code"))
    ordinal: Mapped[int] = mapped_column(Integer, default=0)

    roadmap: Mapped[Roadmap] = relationship(back_populates="parties")
    country: Mapped[Country] = relationship()


class Direction(Tracked, Base):
    __tablename__ = "direction"
    __table_args__ = (UniqueConstraint("roadmap_id", "sector"),)
    audit_entity = "direction"

    id: Mapped[int] = mapped_column(primary_key=True)
    roadmap_id: Mapped[int] = mapped_column(ForeignKey("roadmap.id", ondelete="CASCADE"), index=True)
    sector: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(400))
    title_en: Mapped[str | None] = mapped_column(String(400))
    ordinal: Mapped[int] = mapped_column(Integer, default=0)

    roadmap: Mapped[Roadmap] = relationship(back_populates="directions")
    measures: Mapped[list[Measure]] = relationship(back_populates="direction")

    def audit_key(self) -> str:
        return self.sector

    def label(self, lang: str = "ru") -> str:
        return self.title if lang == "ru" or not self.title_en else self.title_en


class Measure(Tracked, Base):
    __tablename__ = "measure"
    __table_args__ = (UniqueConstraint("roadmap_id", "number"),)
    audit_entity = "measure"

    id: Mapped[int] = mapped_column(primary_key=True)
    roadmap_id: Mapped[int] = mapped_column(ForeignKey("roadmap.id", ondelete="CASCADE"), index=True)
    direction_id: Mapped[int] = mapped_column(ForeignKey("direction.id"), index=True)
    number: Mapped[str] = mapped_column(String(20))
    sort_key: Mapped[str] = mapped_column(String(60), index=True)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    due_kind: Mapped[str] = mapped_column(String(10), default=DueKind.ONGOING.value)
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    expected_result: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default=MeasureStatus.PLANNED.value, index=True)
    note: Mapped[str | None] = mapped_column(Text)
    illustrative: Mapped[bool] = mapped_column(default=False)

    roadmap: Mapped[Roadmap] = relationship(back_populates="measures")
    direction: Mapped[Direction] = relationship(back_populates="measures")
    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="measure", cascade="all, delete-orphan", order_by="Assignment.ordinal"
    )
    notes: Mapped[list[ProgressNote]] = relationship(
        back_populates="measure", cascade="all, delete-orphan", order_by="ProgressNote.id"
    )
    indicators: Mapped[list[Indicator]] = relationship(back_populates="measure", cascade="all, delete-orphan")

    def audit_key(self) -> str:
        return self.number

    @property
    def due(self) -> Due:
        return Due(DueKind(self.due_kind), self.due_on)

    @due.setter
    def due(self, value: Due) -> None:
        self.due_kind = value.kind.value
        self.due_on = value.on

    def is_overdue(self, today: date) -> bool:
        return is_overdue(self.due_on, self.status, today)

    def days_late(self, today: date) -> int:
        return (today - self.due_on).days if self.is_overdue(today) and self.due_on else 0

    def move_to(self, status: MeasureStatus) -> None:
        check_measure_move(MeasureStatus(self.status), status)
        self.status = status.value

    def responsible(self, country_code: str, role: str = "responsible") -> list[Organization]:
        return [a.organization for a in self.assignments if a.country_code == country_code and a.role == role]

    def co_executors(self) -> list[Organization]:
        return [a.organization for a in self.assignments if a.role == "co_executor"]


class Assignment(TrackedChild, Base):
    """An organisation answering for a measure on behalf of one party (or a co-executor)."""

    __tablename__ = "measure_assignment"
    __table_args__ = (UniqueConstraint("measure_id", "organization_id", "role"),)
    audit_field = "responsible"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measure.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    country_code: Mapped[str | None] = mapped_column(ForeignKey("country.code"))
    role: Mapped[str] = mapped_column(String(20), default="responsible")
    ordinal: Mapped[int] = mapped_column(Integer, default=0)

    measure: Mapped[Measure] = relationship(back_populates="assignments")
    organization: Mapped[Organization] = relationship()

    def audit_owner(self) -> Tracked | None:
        return self.measure

    def audit_value(self) -> str:
        who = self.organization.label if self.organization else str(self.organization_id)
        return f"{who} ({self.country_code or self.role})"


class ProgressNote(TrackedChild, Base):
    __tablename__ = "progress_note"
    audit_field = "progress_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measure.id", ondelete="CASCADE"), index=True)
    on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(120))
    source_item_id: Mapped[int | None] = mapped_column(ForeignKey("source_item.id"))
    created_at = mapped_column(UTCDateTime, default=utcnow)

    measure: Mapped[Measure] = relationship(back_populates="notes")

    def audit_owner(self) -> Tracked | None:
        return self.measure

    def audit_value(self) -> str:
        return f"{self.on.isoformat()}: {self.text}"


class Indicator(Tracked, Base):
    __tablename__ = "indicator"
    audit_entity = "indicator"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measure.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(400))
    unit: Mapped[str] = mapped_column(String(40))
    baseline: Mapped[Decimal | None] = mapped_column(Amount)
    baseline_on: Mapped[date | None] = mapped_column(Date)
    target: Mapped[Decimal | None] = mapped_column(Amount)
    target_on: Mapped[date | None] = mapped_column(Date)

    measure: Mapped[Measure] = relationship(back_populates="indicators")
    measurements: Mapped[list[Measurement]] = relationship(
        back_populates="indicator", cascade="all, delete-orphan", order_by="Measurement.on"
    )

    def audit_key(self) -> str:
        return self.name

    def latest(self) -> Measurement | None:
        return self.measurements[-1] if self.measurements else None


class Measurement(TrackedChild, Base):
    __tablename__ = "measurement"
    audit_field = "measurement"

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicator.id", ondelete="CASCADE"), index=True)
    on: Mapped[date] = mapped_column(Date)
    value: Mapped[Decimal] = mapped_column(Amount)
    source: Mapped[str | None] = mapped_column(Text)

    indicator: Mapped[Indicator] = relationship(back_populates="measurements")

    def audit_owner(self) -> Tracked | None:
        return self.indicator

    def audit_value(self) -> str:
        return f"{self.on.isoformat()}: {self.value}"
