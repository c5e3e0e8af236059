"""Setting a roadmap's turnover target: one per roadmap and kind, changes audited."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.domain.codes import is_currency
from accord.store.models import Roadmap, TradeTarget


class TargetError(ValueError):
    """A target that cannot be meant: not positive, unknown currency, year before its base year."""


def set_target(
    session: Session,
    roadmap: Roadmap,
    value: Decimal,
    currency: str,
    year: int,
    base_year: int | None = None,
    note: str | None = None,
    source: str | None = None,
) -> TradeTarget:
    """Create or replace the roadmap's turnover target (in the caller's transaction)."""
    currency = currency.upper()
    if value <= 0:
        raise TargetError(f"a turnover target must be positive, not {value}")
    if not is_currency(currency):
        raise TargetError(f"unknown currency code {currency!r}")
    if not 1990 <= year <= 2100:
        raise TargetError(f"year {year} is out of range")
    if base_year is not None and base_year >= year:
        raise TargetError(f"the base year {base_year} must come before the target year {year}")
    target = session.scalars(
        select(TradeTarget).where(TradeTarget.roadmap_id == roadmap.id, TradeTarget.kind == "turnover")
    ).first()
    if target is None:
        target = TradeTarget(roadmap_id=roadmap.id, kind="turnover")
        session.add(target)
    target.value, target.currency, target.year, target.base_year = value, currency, year, base_year
    if note is not None:
        target.note = note
    if source is not None:
        target.source = source
    session.flush()
    return target
