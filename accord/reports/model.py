"""The session report as plain data: what every format shows, built once from the database.

Values keep their types (dates, integers, decimals) so the spreadsheet can hold
real numbers and dates; the words around them come from `labels` at render time.
Names of things (directions, bodies) are already in the report's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class CoChair:
    name: str
    position: str | None
    country: str
    illustrative: bool


@dataclass(frozen=True)
class TitleBlock:
    roadmap_code: str
    roadmap_title: str
    parties: list[str]
    as_of: date
    since: date
    commission: str | None
    co_chairs: list[CoChair]
    #: "since session no. N (date)" when the period starts at the last session
    since_session: int | None
    next_session: date | None
    illustrative: bool
    #: the day the document is produced: statuses are those recorded then
    produced_on: date


@dataclass(frozen=True)
class DirectionRow:
    direction: str
    total: int
    done: int
    in_progress: int
    planned: int
    cancelled: int
    overdue: int

    @property
    def share_done(self) -> float:
        """Done among measures still meant to happen (cancelled ones do not count against a direction)."""
        active = self.total - self.cancelled
        return self.done / active if active else 0.0


@dataclass(frozen=True)
class Summary:
    directions: list[DirectionRow]
    totals: DirectionRow


@dataclass(frozen=True)
class EvidenceRef:
    source: str
    on: date | None
    url: str | None = None


@dataclass(frozen=True)
class StatusChange:
    number: str
    title: str
    old: str
    new: str
    on: date
    by: str
    evidence: list[EvidenceRef]
    illustrative: bool


@dataclass(frozen=True)
class AgreementChange:
    title: str
    event: str  # "signed" or "in_force"
    on: date
    evidence: list[EvidenceRef]
    illustrative: bool


@dataclass(frozen=True)
class NewProject:
    title: str
    stage: str
    value: Decimal | None
    currency: str | None
    started: date
    evidence: list[EvidenceRef]
    illustrative: bool


@dataclass(frozen=True)
class Changes:
    since: date
    measures: list[StatusChange]
    agreements: list[AgreementChange]
    projects: list[NewProject]


@dataclass(frozen=True)
class MeasureLine:
    """A measure as the overdue and upcoming tables list it."""

    number: str
    title: str
    responsible: dict[str, list[str]]
    due: str
    due_on: date | None
    status: str
    days: int  # days late (overdue) or days left (upcoming)
    last_note: str | None
    last_note_on: date | None
    illustrative: bool


@dataclass(frozen=True)
class DecisionLine:
    number: str
    text: str
    owner: str | None
    due_on: date | None
    status: str
    overdue: bool


@dataclass(frozen=True)
class LastSession:
    number: int
    held_on: date
    place: str | None
    decisions: list[DecisionLine]
    illustrative: bool


@dataclass(frozen=True)
class TradeCell:
    """One reporter's figure for a period, in the report's currency when it could be converted."""

    value: Decimal | None
    currency: str
    illustrative: bool


@dataclass(frozen=True)
class TradeLine:
    period: str
    kind: str  # year, half, quarter, month
    year: int
    #: reporter -> (export, import, turnover, growth)
    by_reporter: dict[str, tuple[TradeCell | None, TradeCell | None, Decimal | None, Decimal | None]]


@dataclass(frozen=True)
class TargetLine:
    value: Decimal
    currency: str
    year: int
    source: str | None
    note: str | None
    #: reporter -> (status, latest turnover, its year, recent growth, growth needed)
    by_reporter: dict[str, tuple[str, Decimal | None, int | None, Decimal | None, Decimal | None]]


@dataclass(frozen=True)
class Trade:
    currency: str
    reporters: list[str]
    lines: list[TradeLine]
    target: TargetLine | None
    #: "2024: 1 USD = 87.45 KGS (the bank: its quote on the day)" for every period converted
    conversions: list[str]
    #: figures that could not be converted and stay in their original currency
    missing_rates: list[str]
    sources: list[str]
    illustrative: bool

    def yearly_turnover(self, reporter: str) -> dict[int, Decimal]:
        return {
            line.year: turnover
            for line in self.lines
            if line.kind == "year"
            and reporter in line.by_reporter
            and (turnover := line.by_reporter[reporter][2]) is not None
        }


@dataclass(frozen=True)
class Annex:
    headers: list[str]
    rows: list[list[str]]


@dataclass
class SessionReport:
    """Everything the commission reads before it meets, in the order it reads it."""

    lang: str
    title: TitleBlock
    summary: Summary
    changes: Changes
    overdue: list[MeasureLine]
    upcoming: list[MeasureLine]
    upcoming_days: int
    last_session: LastSession | None
    trade: Trade
    annex: Annex
    #: country code -> name in the report's language
    countries: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """No measures at all: the report says there is nothing to report."""
        return self.summary.totals.total == 0

    def country(self, code: str) -> str:
        return self.countries.get(code, code)
