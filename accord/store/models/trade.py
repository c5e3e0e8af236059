"""Bilateral trade flows, turnover targets and official exchange rates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column

from accord.store.base import Amount, Base, Tracked


class TradeFlow(Tracked, Base):
    """One reported figure: the reporter's export to or import from the partner for a period.

    Mirror figures (the partner's own report of the same flow) are separate rows.
    """

    __tablename__ = "trade_flow"
    __table_args__ = (UniqueConstraint("reporter", "partner", "period", "flow", "commodity", "source"),)
    audit_entity = "trade_flow"

    id: Mapped[int] = mapped_column(primary_key=True)
    reporter: Mapped[str] = mapped_column(ForeignKey("country.code"), index=True)
    partner: Mapped[str] = mapped_column(ForeignKey("country.code"), index=True)
    period: Mapped[str] = mapped_column(String(10))
    period_start: Mapped[date] = mapped_column(Date, index=True)
    period_end: Mapped[date] = mapped_column(Date)
    flow: Mapped[str] = mapped_column(String(6))
    commodity: Mapped[str] = mapped_column(String(12), default="TOTAL")
    value: Mapped[Decimal] = mapped_column(Amount)
    currency: Mapped[str] = mapped_column(String(3))
    source: Mapped[str] = mapped_column(String(200))
    illustrative: Mapped[bool] = mapped_column(default=False)

    def audit_key(self) -> str:
        return f"{self.reporter}-{self.partner} {self.period} {self.flow} {self.commodity}"


class TradeTarget(Tracked, Base):
    __tablename__ = "trade_target"
    audit_entity = "trade_target"

    id: Mapped[int] = mapped_column(primary_key=True)
    roadmap_id: Mapped[int | None] = mapped_column(ForeignKey("roadmap.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="turnover")
    value: Mapped[Decimal] = mapped_column(Amount)
    currency: Mapped[str] = mapped_column(String(3))
    year: Mapped[int] = mapped_column(Integer)
    base_year: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)

    def audit_key(self) -> str:
        return f"{self.kind} {self.year}"


class ExchangeRate(Base):
    """`rate` units of the source's home currency buy `scale` units of `currency` on `on`."""

    __tablename__ = "exchange_rate"
    __table_args__ = (UniqueConstraint("source", "on", "currency"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(10))
    on: Mapped[date] = mapped_column(Date, index=True)
    currency: Mapped[str] = mapped_column(String(3))
    base: Mapped[str] = mapped_column(String(3))
    rate: Mapped[Decimal] = mapped_column(Amount)
    scale: Mapped[int] = mapped_column(Integer, default=1)
    #: example data shipped for networks that cannot reach the bank, not the bank's own publication
    illustrative: Mapped[bool] = mapped_column(default=False, server_default=sa_false())
