"""Turnover, growth and the growth a target needs: plain Decimal arithmetic, no I/O.

Turnover is one reporter's export plus its import for the same period; a
partner's mirror figures are a separate turnover and are never added to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext

from accord.domain.kinds import TargetStatus

PRECISION = 28


#: worst first: the headline status of mirror figures is the worse of the two
SEVERITY = [TargetStatus.MISSED, TargetStatus.AT_RISK, TargetStatus.ON_TRACK, TargetStatus.MET, TargetStatus.NO_DATA]


def turnover(export: Decimal | None, import_: Decimal | None) -> Decimal | None:
    """Export + import; unknown when either side of it is missing (half a turnover misleads)."""
    if export is None or import_ is None:
        return None
    return export + import_


def growth(current: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """Year-on-year growth as a fraction (0.15 is +15 %); unknown from nothing or from zero."""
    if current is None or previous is None or previous == 0:
        return None
    with localcontext(prec=PRECISION):
        return current / previous - 1


def required_growth(latest: Decimal, latest_year: int, target: Decimal, target_year: int) -> Decimal | None:
    """Constant yearly growth that takes `latest` to `target` by `target_year`."""
    years = target_year - latest_year
    if years <= 0 or latest <= 0:
        return None
    with localcontext(prec=PRECISION):
        return (target / latest) ** (Decimal(1) / years) - 1


def projected(latest: Decimal, yearly: Decimal, years: int) -> Decimal:
    """`latest` grown at `yearly` for `years` years."""
    with localcontext(prec=PRECISION):
        return latest * (1 + yearly) ** years


@dataclass(frozen=True)
class TargetProgress:
    status: TargetStatus
    latest: Decimal | None = None
    latest_year: int | None = None
    recent_growth: Decimal | None = None
    required: Decimal | None = None
    projection: Decimal | None = None


def assess(
    target: Decimal, target_year: int, yearly: dict[int, Decimal], today_year: int | None = None
) -> TargetProgress:
    """Where a turnover series stands against a target.

    On track: the last year-on-year growth is at least the growth still needed
    each year; at risk otherwise (or when growth is unknown); met once reached;
    missed when the target year has passed without reaching it.
    """
    if not yearly:
        return TargetProgress(TargetStatus.NO_DATA)
    latest_year = max(yearly)
    latest = yearly[latest_year]
    recent = growth(latest, yearly.get(latest_year - 1))
    if latest >= target:
        return TargetProgress(TargetStatus.MET, latest, latest_year, recent)
    if latest_year >= target_year or (today_year is not None and today_year > target_year):
        return TargetProgress(TargetStatus.MISSED, latest, latest_year, recent)
    needed = required_growth(latest, latest_year, target, target_year)
    projection = projected(latest, recent, target_year - latest_year) if recent is not None else None
    on_track = recent is not None and needed is not None and recent >= needed
    status = TargetStatus.ON_TRACK if on_track else TargetStatus.AT_RISK
    return TargetProgress(status, latest, latest_year, recent, needed, projection)


def worst(statuses: list[TargetStatus]) -> TargetStatus:
    known = [s for s in statuses if s is not TargetStatus.NO_DATA]
    if not known:
        return TargetStatus.NO_DATA
    return min(known, key=SEVERITY.index)
