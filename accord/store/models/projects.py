"""Investment projects and joint productions, with companies and milestones."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from accord.store.base import Amount, Archivable, Base, Tracked, TrackedChild
from accord.store.models.directory import Organization


class Project(Archivable, Tracked, Base):
    __tablename__ = "project"
    audit_entity = "project"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    title_en: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(40), default="investment")
    stage: Mapped[str] = mapped_column(String(20), index=True)
    country_code: Mapped[str | None] = mapped_column(ForeignKey("country.code"))
    region: Mapped[str | None] = mapped_column(String(200))
    value: Mapped[Decimal | None] = mapped_column(Amount)
    currency: Mapped[str | None] = mapped_column(String(3))
    description: Mapped[str | None] = mapped_column(Text)
    started_on: Mapped[date | None] = mapped_column(Date)
    roadmap_id: Mapped[int | None] = mapped_column(ForeignKey("roadmap.id", ondelete="SET NULL"), index=True)
    direction_id: Mapped[int | None] = mapped_column(ForeignKey("direction.id", ondelete="SET NULL"))
    illustrative: Mapped[bool] = mapped_column(default=False)

    companies: Mapped[list[ProjectCompany]] = relationship(back_populates="project", cascade="all, delete-orphan")
    milestones: Mapped[list[Milestone]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="Milestone.due_on"
    )

    def audit_key(self) -> str:
        return str(self.id)


class ProjectCompany(TrackedChild, Base):
    __tablename__ = "project_company"
    __table_args__ = (UniqueConstraint("project_id", "organization_id"),)
    audit_field = "company"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id"))
    role: Mapped[str | None] = mapped_column(String(80))

    project: Mapped[Project] = relationship(back_populates="companies")
    organization: Mapped[Organization] = relationship()

    def audit_owner(self) -> Tracked | None:
        return self.project

    def audit_value(self) -> str:
        return self.organization.label if self.organization else str(self.organization_id)


class Milestone(TrackedChild, Base):
    __tablename__ = "milestone"
    audit_field = "milestone"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date | None] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)

    project: Mapped[Project] = relationship(back_populates="milestones")

    def audit_owner(self) -> Tracked | None:
        return self.project

    def audit_value(self) -> str:
        return f"{self.title} (due {self.due_on}, done {self.done_on})"
