"""Rates and conversions as plain data, and the arithmetic between them (Decimal only).

A stored rate says: `rate` units of the source's home currency buy `scale` units
of `currency` on the day `on` (NBRB: 100 RUB = 3.4567 BYN is rate 3.4567, scale 100).
The ECB quotes the other way round (1 EUR = 1.1670 USD); it is kept exactly as
rate 10000, scale 11670, i.e. 10000 EUR buy 11670 USD.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal, localcontext

from accord.fx.sources import get as get_source

#: how far back a rate may be looked for before a date counts as uncovered
MAX_AGE_DAYS = 31
PRECISION = 40


class RateNotFound(LookupError):
    """No official rate for a currency on a date (or close enough before it)."""


@dataclass(frozen=True)
class Rate:
    source: str
    on: date
    currency: str
    base: str
    rate: Decimal
    scale: int = 1
    #: example data standing in for the bank's publication (the shipped example's rates)
    illustrative: bool = False

    def __post_init__(self) -> None:
        if self.rate <= 0 or self.scale <= 0:
            raise ValueError(f"a rate and its scale must be positive: {self.rate} per {self.scale} {self.currency}")

    @property
    def per_unit(self) -> Decimal:
        """Home-currency units for one unit of `currency`."""
        with localcontext(prec=PRECISION):
            return self.rate / self.scale

    def quote(self) -> str:
        """The rate as its bank quotes it: `100 RUB = 3.4567 BYN`, `1 EUR = 1.167 USD`."""
        if get_source(self.source).indirect:
            with localcontext(prec=PRECISION):
                foreign = Decimal(self.scale) / self.rate
            return f"1 {self.base} = {plain(foreign)} {self.currency}"
        return f"{self.scale} {self.currency} = {plain(self.rate)} {self.base}"


def plain(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros (rates are shown as published)."""
    text = format(value.normalize(), "f")
    return text


def money(value: Decimal, places: int = 2) -> str:
    """An amount for people: thousands separated, rounded half-even to `places`."""
    quantum = Decimal(1).scaleb(-places)
    return f"{value.quantize(quantum, rounding=ROUND_HALF_EVEN):,}"


@dataclass(frozen=True)
class Conversion:
    """A converted figure with everything needed to check it: original, rates, dates, source."""

    amount: Decimal
    currency: str
    target: str
    on: date
    source: str | None
    #: the official rates used, one per currency that is not the source's home currency
    legs: tuple[Rate, ...] = field(default=())
    factor: Decimal = Decimal(1)

    @property
    def result(self) -> Decimal:
        with localcontext(prec=PRECISION):
            return self.amount * self.factor

    @property
    def rate_dates(self) -> list[date]:
        return sorted({leg.on for leg in self.legs})

    @property
    def illustrative(self) -> bool:
        """True when a rate used is example data, not the bank's own publication."""
        return any(leg.illustrative for leg in self.legs)

    @property
    def stale(self) -> bool:
        """True when some rate used was published before the date asked for."""
        return any(leg.on != self.on for leg in self.legs)

    def rate_text(self) -> str:
        """The effective rate and how it was made: `1 USD = 87.45 KGS (NBKR 1 USD = 87.45 KGS of 2025-09-29)`."""
        if not self.legs:
            return "same currency"
        effective = f"1 {self.currency} = {plain(round_sig(self.factor))} {self.target}"
        used = "; ".join(f"{leg.quote()} of {leg.on.isoformat()}" for leg in self.legs)
        mark = ", ILLUSTRATIVE rates shipped with the example, not the bank's" if self.illustrative else ""
        return f"{effective} ({self.source_label()}: {used}{mark})"

    def source_label(self) -> str:
        return get_source(self.source).code.upper() if self.source else ""

    def describe(self, places: int = 2) -> str:
        text = f"{money(self.amount, places)} {self.currency} = {money(self.result, places)} {self.target}"
        if not self.legs:
            return text
        text += f" at {self.rate_text()}"
        if self.stale:
            text += f"; no {self.source_label()} publication on {self.on.isoformat()}, the last earlier one was used"
        return text

    def as_dict(self) -> dict[str, object]:
        return {
            "amount": plain(self.amount),
            "currency": self.currency,
            "result": plain(self.result.quantize(Decimal("0.000001"))),
            "target": self.target,
            "on": self.on.isoformat(),
            "source": self.source,
            "illustrative": self.illustrative,
            "rate": plain(round_sig(self.factor)),
            "rates": [
                {
                    "currency": leg.currency,
                    "base": leg.base,
                    "rate": plain(leg.rate),
                    "scale": leg.scale,
                    "date": leg.on.isoformat(),
                    "quote": leg.quote(),
                }
                for leg in self.legs
            ],
            "text": self.describe(),
        }


def round_sig(value: Decimal, digits: int = 10) -> Decimal:
    """`value` to `digits` significant digits, for showing an effective cross rate."""
    if value == 0:
        return value
    with localcontext(prec=digits):
        return +value


def convert(
    amount: Decimal,
    currency: str,
    target: str,
    on: date,
    source: str,
    lookup: Callable[[str], Rate | None],
) -> Conversion:
    """Convert through the rates of one source: currency → home currency → target.

    `lookup(code)` gives the source's last rate of `code` published on or before
    `on` (or None). Cross rates go through the home currency, as banks compute them.
    """
    currency, target = currency.upper(), target.upper()
    if currency == target:
        return Conversion(amount, currency, target, on, None)
    home = get_source(source).home
    legs: list[Rate] = []
    with localcontext(prec=PRECISION):
        factor = Decimal(1)
        for code, into_home in ((currency, True), (target, False)):
            if code == home:
                continue
            rate = lookup(code)
            if rate is None:
                raise RateNotFound(
                    f"no {source.upper()} rate for {code} on {on.isoformat()} "
                    f"or in the {MAX_AGE_DAYS} days before it"
                )
            legs.append(rate)
            factor = factor * rate.rate / rate.scale if into_home else factor * rate.scale / rate.rate
    return Conversion(amount, currency, target, on, source, tuple(legs), factor)
