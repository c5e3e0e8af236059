"""News items and documents read, the events they report, and evidence links to the record."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from accord.domain.kinds import EvidenceState, ItemStatus
from accord.store.base import Base, Tracked, UTCDateTime, utcnow


class SourceItem(Base):
    """One news item or document; the same URL with new text becomes a new revision."""

    __tablename__ = "source_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str | None] = mapped_column(String(2000), unique=True)
    #: one row per text: two workers storing the same text at once make one item
    text_hash: Mapped[str] = mapped_column(String(64), unique=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    title: Mapped[str | None] = mapped_column(Text)
    published_on: Mapped[date | None] = mapped_column(Date, index=True)
    #: where the date came from (metadata, header, byline, dateline, feed: known; sentence: estimated)
    date_basis: Mapped[str | None] = mapped_column(String(20))
    outlet: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    extraction: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    #: why the item proposed nothing more (undated, history, other parties, held below the threshold)
    proposal_notes: Mapped[list[str] | None] = mapped_column(JSON)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="SET NULL"), index=True)
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    illustrative: Mapped[bool] = mapped_column(default=False)
    #: "read" by the whole reader, or "skipped": held back unread by the relevance gate
    status: Mapped[str] = mapped_column(String(12), default=ItemStatus.READ.value, server_default="read", index=True)
    #: why the gate held the item back (shown with it; `accord ingest --no-gate` reads it in full)
    skip_reason: Mapped[str | None] = mapped_column(Text)

    event: Mapped[Event | None] = relationship(back_populates="sources")


class Event(Tracked, Base):
    __tablename__ = "event"
    audit_entity = "event"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), index=True)
    title: Mapped[str] = mapped_column(Text)
    held_on: Mapped[date | None] = mapped_column(Date, index=True)
    location: Mapped[str | None] = mapped_column(String(120))
    summary: Mapped[str | None] = mapped_column(Text)
    facts: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    illustrative: Mapped[bool] = mapped_column(default=False)

    countries: Mapped[list[EventCountry]] = relationship(back_populates="event", cascade="all, delete-orphan")
    participants: Mapped[list[EventParticipant]] = relationship(back_populates="event", cascade="all, delete-orphan")
    sources: Mapped[list[SourceItem]] = relationship(back_populates="event")

    def audit_key(self) -> str:
        return str(self.id)

    @property
    def country_codes(self) -> list[str]:
        return sorted(c.country_code for c in self.countries)


class EventCountry(Base):
    __tablename__ = "event_country"
    __table_args__ = (UniqueConstraint("event_id", "country_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    country_code: Mapped[str] = mapped_column(ForeignKey("country.code"))

    event: Mapped[Event] = relationship(back_populates="countries")


class EventParticipant(Base):
    __tablename__ = "event_participant"
    __table_args__ = (UniqueConstraint("event_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    position: Mapped[str | None] = mapped_column(String(400))

    event: Mapped[Event] = relationship(back_populates="participants")


class Evidence(Tracked, Base):
    """A link from a source item (or one fact of it) to a measure, agreement or project.

    Proposals are made by the news reader; only a person accepting one makes it evidence.
    """

    __tablename__ = "evidence"
    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN measure_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN agreement_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN project_id IS NULL THEN 0 ELSE 1 END) <= 1",
            name="one_target",
        ),
    )
    audit_entity = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_item_id: Mapped[int | None] = mapped_column(ForeignKey("source_item.id", ondelete="CASCADE"), index=True)
    measure_id: Mapped[int | None] = mapped_column(ForeignKey("measure.id", ondelete="CASCADE"), index=True)
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    state: Mapped[str] = mapped_column(String(12), default=EvidenceState.PROPOSED.value, index=True)
    score: Mapped[float | None] = mapped_column(Float)
    reason: Mapped[str | None] = mapped_column(Text)
    fact: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    proposal: Mapped[str | None] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(Text)
    on: Mapped[date | None] = mapped_column(Date)
    decided_by: Mapped[str | None] = mapped_column(String(120))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    source_item: Mapped[SourceItem | None] = relationship()

    def audit_key(self) -> str:
        return str(self.id)

    @property
    def target(self) -> tuple[str, int] | None:
        for kind in ("measure", "agreement", "project"):
            target_id = getattr(self, f"{kind}_id")
            if target_id is not None:
                return kind, target_id
        return None
