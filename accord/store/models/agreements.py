"""The register of agreements: treaties, memoranda, programmes, contracts and their lifecycle."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from accord.domain.status import AgreementStatus, check_agreement_move, check_transition_date
from accord.store.base import Archivable, Base, Tracked, TrackedChild
from accord.store.models.directory import Country


class Agreement(Archivable, Tracked, Base):
    __tablename__ = "agreement"
    audit_entity = "agreement"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    title_en: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    level: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default=AgreementStatus.DRAFT.value, index=True)
    signed_on: Mapped[date | None] = mapped_column(Date, index=True)
    signed_at: Mapped[str | None] = mapped_column(String(120))
    in_force_from: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    horizon_year: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str | None] = mapped_column(Text)
    roadmap_id: Mapped[int | None] = mapped_column(ForeignKey("roadmap.id", ondelete="SET NULL"), index=True)
    illustrative: Mapped[bool] = mapped_column(default=False)

    parties: Mapped[list[AgreementParty]] = relationship(back_populates="agreement", cascade="all, delete-orphan")
    sectors: Mapped[list[AgreementSector]] = relationship(back_populates="agreement", cascade="all, delete-orphan")
    transitions: Mapped[list[AgreementTransition]] = relationship(
        back_populates="agreement", cascade="all, delete-orphan", order_by="AgreementTransition.on"
    )

    def audit_key(self) -> str:
        return str(self.id)

    @property
    def party_codes(self) -> list[str]:
        return sorted(p.country_code for p in self.parties)

    @property
    def sector_codes(self) -> list[str]:
        return sorted(s.sector for s in self.sectors)

    def transition(self, to: AgreementStatus, on: date, note: str | None = None) -> AgreementTransition:
        """Move along the lifecycle, recording the dated step; the rules refuse moves backwards."""
        check_agreement_move(AgreementStatus(self.status), to)
        check_transition_date(self.transitions[-1].on if self.transitions else None, on)
        step = AgreementTransition(status=to.value, on=on, note=note)
        self.transitions.append(step)
        self.status = to.value
        if to is AgreementStatus.SIGNED and self.signed_on is None:
            self.signed_on = on
        if to is AgreementStatus.IN_FORCE and self.in_force_from is None:
            self.in_force_from = on
        return step

    def is_in_force(self, day: date) -> bool:
        if self.status != AgreementStatus.IN_FORCE.value:
            return False
        return (self.in_force_from is None or self.in_force_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )


class AgreementParty(TrackedChild, Base):
    __tablename__ = "agreement_party"
    __table_args__ = (UniqueConstraint("agreement_id", "country_code"),)
    audit_field = "party"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    country_code: Mapped[str] = mapped_column(ForeignKey("country.code"))
    signatory: Mapped[str | None] = mapped_column(String(400))

    agreement: Mapped[Agreement] = relationship(back_populates="parties")
    country: Mapped[Country] = relationship()

    def audit_owner(self) -> Tracked | None:
        return self.agreement

    def audit_value(self) -> str:
        return self.country_code


class AgreementSector(TrackedChild, Base):
    __tablename__ = "agreement_sector"
    __table_args__ = (UniqueConstraint("agreement_id", "sector"),)
    audit_field = "sector"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    sector: Mapped[str] = mapped_column(String(40))

    agreement: Mapped[Agreement] = relationship(back_populates="sectors")

    def audit_owner(self) -> Tracked | None:
        return self.agreement

    def audit_value(self) -> str:
        return self.sector


class AgreementTransition(TrackedChild, Base):
    __tablename__ = "agreement_transition"
    audit_field = "lifecycle"

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    on: Mapped[date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    source_item_id: Mapped[int | None] = mapped_column(ForeignKey("source_item.id"))

    agreement: Mapped[Agreement] = relationship(back_populates="transitions")

    def audit_owner(self) -> Tracked | None:
        return self.agreement

    def audit_value(self) -> str:
        return f"{self.status} {self.on.isoformat()}"
