"""The trade picture of a roadmap's parties: one data function for the CLI, the dashboard and the report.

`trade_summary(session, roadmap, currency)` gives, per period, each reporter's
export, import and turnover side by side (mirror figures are never summed),
year-on-year growth, and the turnover target with its status. Every figure shown
in another currency carries its conversion (original amount, rate, date, source).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.fx.rates import Conversion, RateNotFound, plain
from accord.fx.store import convert
from accord.store.models import Roadmap, TradeFlow, TradeTarget
from accord.trade import indicators
from accord.trade.indicators import TargetProgress, TargetStatus
from accord.trade.periods import Period, parse_period


@dataclass(frozen=True)
class Figure:
    """A reported value and, when shown in another currency, how it was converted."""

    original: Decimal
    original_currency: str
    source: str
    illustrative: bool
    conversion: Conversion | None = None
    #: why the value could not be shown in the asked currency
    problem: str | None = None
    #: for a year added up from its quarters, months or halves: those figures
    parts: tuple[Figure, ...] = ()

    @property
    def value(self) -> Decimal | None:
        if self.parts:
            values = [p.value for p in self.parts]
            return None if any(v is None for v in values) else sum(values, Decimal(0))  # type: ignore[misc]
        if self.problem:
            return None
        return self.conversion.result if self.conversion else self.original

    def as_dict(self) -> dict[str, object]:
        return {
            "value": None if self.value is None else plain(self.value.quantize(Decimal("0.01"))),
            "original": {"amount": plain(self.original), "currency": self.original_currency},
            "conversion": self.conversion.as_dict() if self.conversion and self.conversion.legs else None,
            "source": self.source,
            "illustrative": self.illustrative,
            "problem": self.problem,
            "parts": [p.as_dict() for p in self.parts],
        }


@dataclass
class Reported:
    """One reporter's figures for one period."""

    reporter: str
    export: Figure | None = None
    import_: Figure | None = None
    growth: Decimal | None = None

    @property
    def turnover(self) -> Decimal | None:
        return indicators.turnover(
            self.export.value if self.export else None, self.import_.value if self.import_ else None
        )

    @property
    def illustrative(self) -> bool:
        return any(f.illustrative for f in (self.export, self.import_) if f)

    def as_dict(self) -> dict[str, object]:
        return {
            "export": self.export.as_dict() if self.export else None,
            "import": self.import_.as_dict() if self.import_ else None,
            "turnover": None if self.turnover is None else plain(self.turnover.quantize(Decimal("0.01"))),
            "growth": None if self.growth is None else plain(self.growth.quantize(Decimal("0.0001"))),
            "illustrative": self.illustrative,
        }


@dataclass
class PeriodRow:
    period: Period
    reporters: dict[str, Reported] = field(default_factory=dict)


@dataclass
class TargetView:
    value: Decimal
    currency: str
    year: int
    base_year: int | None
    note: str | None
    source: str | None
    by_reporter: dict[str, TargetProgress] = field(default_factory=dict)

    @property
    def status(self) -> TargetStatus:
        return indicators.worst([p.status for p in self.by_reporter.values()])

    def as_dict(self) -> dict[str, object]:
        def num(value: Decimal | None, places: str = "0.01") -> str | None:
            return None if value is None else plain(value.quantize(Decimal(places)))

        return {
            "kind": "turnover",
            "value": plain(self.value),
            "currency": self.currency,
            "year": self.year,
            "base_year": self.base_year,
            "note": self.note,
            "source": self.source,
            "status": str(self.status),
            "by_reporter": {
                code: {
                    "status": str(p.status),
                    "latest_year": p.latest_year,
                    "latest": num(p.latest),
                    "growth": num(p.recent_growth, "0.0001"),
                    "required_growth": num(p.required, "0.0001"),
                    "projection": num(p.projection),
                }
                for code, p in self.by_reporter.items()
            },
        }


@dataclass
class TradeSummary:
    parties: list[str]
    currency: str
    rows: list[PeriodRow] = field(default_factory=list)
    target: TargetView | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def reporters(self) -> list[str]:
        seen = {code for row in self.rows for code in row.reporters}
        return [p for p in self.parties if p in seen] + sorted(seen - set(self.parties))

    def yearly_turnover(self, reporter: str) -> dict[int, Decimal]:
        return {
            row.period.year: turnover
            for row in self.rows
            if row.period.kind == "year"
            and reporter in row.reporters
            and (turnover := row.reporters[reporter].turnover) is not None
        }

    def rate_notes(self) -> list[tuple[str, str]]:
        """(period, the rates used) for every period shown in a currency it was not reported in."""
        notes: dict[str, str] = {}
        for row in self.rows:
            for rep in row.reporters.values():
                for fig in (rep.export, rep.import_):
                    if fig and fig.conversion and fig.conversion.legs:
                        notes.setdefault(row.period.label(), fig.conversion.rate_text())
        return list(notes.items())

    def illustrative_rates(self) -> bool:
        """True when some figure was converted at an illustrative (example) rate, not a bank's own."""
        return any(
            fig.conversion.illustrative
            for row in self.rows
            for rep in row.reporters.values()
            for fig in (rep.export, rep.import_)
            if fig and fig.conversion
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "parties": self.parties,
            "currency": self.currency,
            "reporters": self.reporters,
            "periods": [
                {
                    "period": row.period.text,
                    "label": row.period.label(),
                    "kind": row.period.kind,
                    "start": row.period.start.isoformat(),
                    "end": row.period.end.isoformat(),
                    "reporters": {code: rep.as_dict() for code, rep in row.reporters.items()},
                }
                for row in self.rows
            ],
            "target": self.target.as_dict() if self.target else None,
            "rates": [{"period": period, "text": text} for period, text in self.rate_notes()],
            "illustrative_rates": self.illustrative_rates(),
            "problems": self.problems,
        }


def pick(flows: list[TradeFlow]) -> TradeFlow:
    """Of several figures for the same flow (different sources), the non-illustrative, latest-updated one."""
    return sorted(flows, key=lambda f: (not f.illustrative, f.updated_at, f.id))[-1]


def figure(session: Session, flow: TradeFlow, currency: str, on: date, problems: list[str]) -> Figure:
    base = Figure(flow.value, flow.currency, flow.source, flow.illustrative)
    if flow.currency == currency:
        return base
    try:
        conversion = convert(session, flow.value, flow.currency, currency, on)
    except RateNotFound as exc:
        message = f"{parse_period(flow.period).label()}: {exc}"
        if message not in problems:
            problems.append(message)
        return Figure(flow.value, flow.currency, flow.source, flow.illustrative, problem=str(exc))
    return Figure(flow.value, flow.currency, flow.source, flow.illustrative, conversion)


def bilateral_flows(session: Session, parties: list[str]) -> list[TradeFlow]:
    query = select(TradeFlow).where(TradeFlow.commodity == "TOTAL")
    if len(parties) >= 2:
        query = query.where(TradeFlow.reporter.in_(parties), TradeFlow.partner.in_(parties))
    return list(session.scalars(query))


#: the parts a year can be added up from, and how many make it whole
WHOLE_YEAR = {"quarter": 4, "month": 12, "half": 2}


def derived_years(picked: dict[tuple[Period, str, str], Figure]) -> dict[tuple[Period, str, str], Figure]:
    """Years not reported as such but complete in quarters, months or halves, added up per reporter and flow.

    Parts in different currencies are not added (their sum would need a rate);
    the year keeps each part, so every part's conversion stays visible.
    """
    reported_years = {(p.year, r, k) for (p, r, k) in picked if p.kind == "year"}
    groups: dict[tuple[int, str, str, str], list[Figure]] = {}
    for (period, reporter, kind), fig in picked.items():
        if period.kind in WHOLE_YEAR and (period.year, reporter, kind) not in reported_years:
            groups.setdefault((period.year, reporter, kind, period.kind), []).append(fig)
    derived: dict[tuple[Period, str, str], Figure] = {}
    for (year, reporter, kind, part_kind), parts in sorted(groups.items()):
        key = (parse_period(str(year)), reporter, kind)
        currencies = {p.original_currency for p in parts}
        if len(parts) != WHOLE_YEAR[part_kind] or len(currencies) != 1 or key in derived:
            continue
        sources = sorted({p.source for p in parts})
        derived[key] = Figure(
            sum((p.original for p in parts), Decimal(0)), currencies.pop(),
            f"sum of {len(parts)} {part_kind}s: {'; '.join(sources)}", any(p.illustrative for p in parts),
            parts=tuple(parts),
        )
    return derived


def side(flow: TradeFlow, parties: list[str]) -> str:
    """Whose figures a flow is: the reporter's between two parties, `BY-KZ` (reporter-partner) among more."""
    return flow.reporter if len(parties) <= 2 else f"{flow.reporter}-{flow.partner}"


def build_rows(
    session: Session, flows: list[TradeFlow], currency: str, today: date, problems: list[str], parties: list[str]
) -> list[PeriodRow]:
    """Period rows with each reporter's chosen export and import figure, shown in `currency`."""
    grouped: dict[tuple[str, str, str], list[TradeFlow]] = {}
    for flow in flows:
        grouped.setdefault((flow.period, side(flow, parties), flow.flow), []).append(flow)
    picked: dict[tuple[Period, str, str], Figure] = {}
    for (period_text, reporter, kind), candidates in sorted(grouped.items()):
        period = parse_period(period_text)
        picked[(period, reporter, kind)] = figure(session, pick(candidates), currency, min(period.end, today), problems)
    picked.update(derived_years(picked))
    rows: dict[str, PeriodRow] = {}
    for (period, reporter, kind), fig in sorted(picked.items()):
        row = rows.setdefault(period.text, PeriodRow(period))
        reported = row.reporters.setdefault(reporter, Reported(reporter))
        if kind == "export":
            reported.export = fig
        else:
            reported.import_ = fig
    for row in rows.values():
        before = rows.get(row.period.year_before().text)
        for code, reported in row.reporters.items():
            previous = before.reporters.get(code) if before else None
            reported.growth = indicators.growth(reported.turnover, previous.turnover if previous else None)
    return sorted(rows.values(), key=lambda r: (r.period.start, -r.period.months))


def trade_summary(
    session: Session, roadmap: Roadmap | None = None, currency: str | None = None, today: date | None = None
) -> TradeSummary:
    """Total trade (commodity TOTAL) between the roadmap's parties, by period and reporter.

    `currency` defaults to the target's currency, else USD. Figures are converted
    at the official rate of the period's last day (or the last publication before it).
    The target is always assessed in its own currency, whatever `currency` shows.
    Among more than two parties each reporter–partner pair (`BY-KZ`) is a series of its own.
    """
    today = today or date.today()
    parties = roadmap.party_codes if roadmap is not None else []
    flows = bilateral_flows(session, parties)
    if not parties:
        parties = sorted({f.reporter for f in flows} | {f.partner for f in flows})
    target = load_target(session, roadmap)
    shown = (currency or (target.currency if target else "USD")).upper()
    summary = TradeSummary(parties, shown)
    summary.rows = build_rows(session, flows, shown, today, summary.problems, parties)
    if target is not None:
        view = TargetView(target.value, target.currency, target.year, target.base_year, target.note, target.source)
        basis = summary
        if shown != target.currency:
            basis = TradeSummary(parties, target.currency)
            basis.rows = build_rows(session, flows, target.currency, today, basis.problems, parties)
            summary.problems.extend(f"target: {p}" for p in basis.problems)
        for code in summary.reporters:
            view.by_reporter[code] = indicators.assess(target.value, target.year, basis.yearly_turnover(code), today.year)
        summary.target = view
    return summary


def load_target(session: Session, roadmap: Roadmap | None) -> TradeTarget | None:
    """The roadmap's turnover target (the latest-year one when there are several)."""
    query = select(TradeTarget).where(TradeTarget.kind == "turnover").order_by(TradeTarget.year.desc())
    if roadmap is not None:
        query = query.where(TradeTarget.roadmap_id == roadmap.id)
    return session.scalars(query.limit(1)).first()
