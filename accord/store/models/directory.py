"""Countries, organisations, people and the offices they hold over time."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from accord.store.base import Archivable, Base, Tracked, TrackedChild


class Country(Base):
    __tablename__ = "country"

    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    name_ru: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(120))

    def name(self, lang: str = "ru") -> str:
        return self.name_ru if lang == "ru" else self.name_en


class Organization(Archivable, Tracked, Base):
    __tablename__ = "organization"
    audit_entity = "organization"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(400), index=True)
    name_en: Mapped[str | None] = mapped_column(String(400))
    short_name: Mapped[str | None] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20))
    country_code: Mapped[str | None] = mapped_column(ForeignKey("country.code"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"))
    illustrative: Mapped[bool] = mapped_column(default=False)
    #: set on bodies created by name (imports): two writers meeting the same new body make one row
    name_key: Mapped[str | None] = mapped_column(String(500), unique=True)

    country: Mapped[Country | None] = relationship()
    parent: Mapped[Organization | None] = relationship(remote_side=[id])
    aliases: Mapped[list[OrganizationAlias]] = relationship(back_populates="organization", cascade="all, delete-orphan")

    def audit_key(self) -> str:
        return self.short_name or self.name

    @property
    def label(self) -> str:
        return self.short_name or self.name


class OrganizationAlias(Base):
    __tablename__ = "organization_alias"
    __table_args__ = (UniqueConstraint("organization_id", "alias"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(400), index=True)

    organization: Mapped[Organization] = relationship(back_populates="aliases")


class Person(Archivable, Tracked, Base):
    __tablename__ = "person"
    audit_entity = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str | None] = mapped_column(String(120))
    patronymic: Mapped[str | None] = mapped_column(String(120))
    last_name: Mapped[str] = mapped_column(String(120), index=True)
    name_en: Mapped[str | None] = mapped_column(String(240))
    country_code: Mapped[str | None] = mapped_column(ForeignKey("country.code"), index=True)
    illustrative: Mapped[bool] = mapped_column(default=False)
    #: set on people the news reader creates: two workers meeting the same new name make one row
    name_key: Mapped[str | None] = mapped_column(String(300), unique=True)

    country: Mapped[Country | None] = relationship()
    positions: Mapped[list[Position]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="Position.start_on"
    )
    aliases: Mapped[list[PersonAlias]] = relationship(back_populates="person", cascade="all, delete-orphan")

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)

    def audit_key(self) -> str:
        return self.full_name

    def position_on(self, day: date) -> Position | None:
        """The office held on a day (the latest started, if several)."""
        held = [p for p in self.positions if p.holds_on(day)]
        return max(held, key=lambda p: p.start_on or date.min) if held else None


class PersonAlias(Base):
    __tablename__ = "person_alias"
    __table_args__ = (UniqueConstraint("person_id", "alias"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(240), index=True)

    person: Mapped[Person] = relationship(back_populates="aliases")


class Position(TrackedChild, Base):
    __tablename__ = "position"
    audit_field = "position"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(400))
    title_en: Mapped[str | None] = mapped_column(String(400))
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"))
    country_code: Mapped[str | None] = mapped_column(ForeignKey("country.code"))
    start_on: Mapped[date | None] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(Text)

    person: Mapped[Person] = relationship(back_populates="positions")
    organization: Mapped[Organization | None] = relationship()

    def holds_on(self, day: date) -> bool:
        return (self.start_on is None or self.start_on <= day) and (self.end_on is None or day <= self.end_on)

    def audit_owner(self) -> Tracked | None:
        return self.person

    def audit_value(self) -> str:
        span = f"{self.start_on or '…'}–{self.end_on or '…'}"
        org = f", {self.organization.label}" if self.organization else ""
        return f"{self.title}{org} ({span})"


