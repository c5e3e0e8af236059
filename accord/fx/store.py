"""Official rates in the database: saving a batch at once, finding the rate of a day, converting.

`convert(session, amount, currency, target, on, source=None)` is the function every
view calls to show a figure in another currency.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from accord.fx import sources
from accord.fx.rates import MAX_AGE_DAYS, Conversion, Rate, RateNotFound
from accord.fx.rates import convert as convert_with
from accord.store.models import ExchangeRate


@dataclass
class SaveResult:
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    #: illustrative rates removed because the bank's own arrived
    replaced: int = 0

    @property
    def total(self) -> int:
        return self.added + self.changed + self.unchanged


def to_rate(row: ExchangeRate) -> Rate:
    return Rate(row.source, row.on, row.currency, row.base, row.rate, row.scale, row.illustrative)


def save_rates(session: Session, rates: Iterable[Rate]) -> SaveResult:
    """Insert or correct rates in the caller's transaction: one row per (source, day, currency).

    A bank's own rates replace every illustrative rate of that bank, so example data never
    mixes with real publications.
    """
    result = SaveResult()
    batch: dict[tuple[str, date, str], Rate] = {(r.source, r.on, r.currency): r for r in rates}
    if not batch:
        return result
    official = {r.source for r in batch.values() if not r.illustrative}
    if official:
        result.replaced = session.execute(
            delete(ExchangeRate).where(ExchangeRate.source.in_(official), ExchangeRate.illustrative.is_(True))
        ).rowcount or 0
    by_source: dict[str, list[date]] = {}
    for source, on, _ in batch:
        by_source.setdefault(source, []).append(on)
    existing: dict[tuple[str, date, str], ExchangeRate] = {}
    for source, days in by_source.items():
        rows = session.scalars(
            select(ExchangeRate).where(
                ExchangeRate.source == source, ExchangeRate.on >= min(days), ExchangeRate.on <= max(days)
            )
        )
        existing.update({(row.source, row.on, row.currency): row for row in rows})
    for key, rate in sorted(batch.items()):
        row = existing.get(key)
        if row is None:
            session.add(
                ExchangeRate(
                    source=rate.source, on=rate.on, currency=rate.currency, base=rate.base,
                    rate=rate.rate, scale=rate.scale, illustrative=rate.illustrative,
                )
            )
            result.added += 1
        elif rate.illustrative and not row.illustrative:
            result.unchanged += 1  # example data never overwrites a bank's own publication
        elif row.rate != rate.rate or row.scale != rate.scale or row.base != rate.base:
            row.rate, row.scale, row.base = rate.rate, rate.scale, rate.base
            result.changed += 1
        else:
            result.unchanged += 1
    session.flush()
    return result


def rate_on(session: Session, source: str, currency: str, on: date, max_age: int = MAX_AGE_DAYS) -> Rate | None:
    """The last rate of `currency` that `source` published on or before `on` (at most `max_age` days old)."""
    row = session.scalars(
        select(ExchangeRate)
        .where(
            ExchangeRate.source == source,
            ExchangeRate.currency == currency.upper(),
            ExchangeRate.on <= on,
            ExchangeRate.on >= on - timedelta(days=max_age),
        )
        .order_by(ExchangeRate.on.desc())
        .limit(1)
    ).first()
    return to_rate(row) if row else None


def convert(
    session: Session,
    amount: Decimal,
    currency: str,
    target: str,
    on: date,
    source: str | None = None,
) -> Conversion:
    """`amount` of `currency` in `target` at the official rates of `on` (or the last earlier publication).

    With no `source`, a bank whose home currency is in the pair is tried first
    (NBRB for BYN, NBKR for KGS, ECB for EUR), then the others. Raises
    RateNotFound naming what is missing.
    """
    candidates = [sources.get(source).code] if source else sources.preferred(currency.upper(), target.upper())
    first_error: RateNotFound | None = None
    for code in candidates:
        try:
            return convert_with(amount, currency, target, on, code, lambda cur, code=code: rate_on(session, code, cur, on))
        except RateNotFound as exc:
            first_error = first_error or exc
    assert first_error is not None
    if not source:
        raise RateNotFound(f"{first_error}; no other source has both {currency.upper()} and {target.upper()} either")
    raise first_error


@dataclass(frozen=True)
class Coverage:
    source: str
    rates: int
    first: date | None
    last: date | None
    currencies: int
    illustrative: int = 0


def coverage(session: Session) -> list[Coverage]:
    """What is stored per source: for `accord fx update` to start after it and to tell the user."""
    out = []
    for code in sources.SOURCES:
        count, first, last, currencies, illustrative = session.execute(
            select(
                func.count(ExchangeRate.id),
                func.min(ExchangeRate.on),
                func.max(ExchangeRate.on),
                func.count(ExchangeRate.currency.distinct()),
                func.count(ExchangeRate.id).filter(ExchangeRate.illustrative.is_(True)),
            ).where(ExchangeRate.source == code)
        ).one()
        out.append(Coverage(code, count, first, last, currencies, illustrative))
    return out


def rate_count(session: Session) -> int:
    return session.scalar(select(func.count(ExchangeRate.id))) or 0
