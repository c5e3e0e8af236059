"""The commission and its working groups, sessions, and the decisions they take."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from accord.domain.status import MeasureStatus, is_overdue
from accord.store.base import Archivable, Base, Tracked, TrackedChild
from accord.store.models.directory import Organization, Person


class Body(Tracked, Base):
    __tablename__ = "body"
    audit_entity = "body"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    name_en: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("body.id"))
    roadmap_id: Mapped[int | None] = mapped_column(ForeignKey("roadmap.id", ondelete="SET NULL"), index=True)

    members: Mapped[list[BodyMember]] = relationship(back_populates="body", cascade="all, delete-orphan")
    sessions: Mapped[list[Session]] = relationship(
        back_populates="body", cascade="all, delete-orphan", order_by="Session.held_on"
    )
    parent: Mapped[Body | None] = relationship(remote_side=[id])

    def audit_key(self) -> str:
        return self.name

    def co_chairs(self) -> list[BodyMember]:
        return [m for m in self.members if m.role == "co_chair"]


class BodyMember(TrackedChild, Base):
    __tablename__ = "body_member"
    __table_args__ = (UniqueConstraint("body_id", "person_id", "role"),)
    audit_field = "member"

    id: Mapped[int] = mapped_column(primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("body.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    country_code: Mapped[str | None] = mapped_column(ForeignKey("country.code"))
    role: Mapped[str] = mapped_column(String(20), default="member")

    body: Mapped[Body] = relationship(back_populates="members")
    person: Mapped[Person] = relationship()

    def audit_owner(self) -> Tracked | None:
        return self.body

    def audit_value(self) -> str:
        return f"{self.person.full_name if self.person else self.person_id} ({self.role}, {self.country_code})"


class Session(Archivable, Tracked, Base):
    __tablename__ = "commission_session"
    __table_args__ = (UniqueConstraint("body_id", "number"),)
    audit_entity = "session"

    id: Mapped[int] = mapped_column(primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("body.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    held_on: Mapped[date | None] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(String(120))
    summary: Mapped[str | None] = mapped_column(Text)
    illustrative: Mapped[bool] = mapped_column(default=False)

    body: Mapped[Body] = relationship(back_populates="sessions")
    decisions: Mapped[list[Decision]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="Decision.sort_key"
    )

    def audit_key(self) -> str:
        return f"{self.body_id}/{self.number}"


class Decision(Archivable, Tracked, Base):
    """A protocol item of a session, tracked like a measure (owner, deadline, status)."""

    __tablename__ = "decision"
    __table_args__ = (UniqueConstraint("session_id", "number"),)
    audit_entity = "decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("commission_session.id", ondelete="CASCADE"), index=True)
    number: Mapped[str] = mapped_column(String(20))
    sort_key: Mapped[str] = mapped_column(String(60))
    text: Mapped[str] = mapped_column(Text)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"))
    due_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default=MeasureStatus.PLANNED.value)
    measure_id: Mapped[int | None] = mapped_column(ForeignKey("measure.id", ondelete="SET NULL"))

    session: Mapped[Session] = relationship(back_populates="decisions")
    owner: Mapped[Organization | None] = relationship()
    #: the further bodies a protocol names as responsible, after the owner (the first named)
    co_responsible: Mapped[list[DecisionBody]] = relationship(
        back_populates="decision", cascade="all, delete-orphan", order_by="DecisionBody.ordinal"
    )

    def audit_key(self) -> str:
        return f"{self.session_id}/{self.number}"

    def is_overdue(self, today: date) -> bool:
        return is_overdue(self.due_on, self.status, today)


class DecisionBody(TrackedChild, Base):
    """A further body responsible for a decision: protocols often name several, the first being the owner."""

    __tablename__ = "decision_body"
    __table_args__ = (UniqueConstraint("decision_id", "organization_id"),)
    audit_field = "co_responsible"

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id"))
    ordinal: Mapped[int] = mapped_column(Integer, default=0)

    decision: Mapped[Decision] = relationship(back_populates="co_responsible")
    organization: Mapped[Organization] = relationship()

    def audit_owner(self) -> Tracked | None:
        return self.decision

    def audit_value(self) -> str:
        return self.organization.label if self.organization else str(self.organization_id)
