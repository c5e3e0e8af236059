"""The one-page picture for a minister: progress by direction, late and coming items, trade, recent news."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from accord.domain.status import AgreementStatus
from accord.store.models import Agreement, Event, Evidence, Measure, Roadmap
from accord.store.progress import RoadmapProgress, overdue, progress, upcoming
from accord.trade.summary import TradeSummary, trade_summary
from accord.web.data import serialise


@dataclass
class Dashboard:
    roadmap: Roadmap
    progress: RoadmapProgress
    overdue: list[Measure]
    upcoming: list[Measure]
    trade: TradeSummary
    events: list[Event]
    signed: list[Agreement]
    waiting: int
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self, today: date) -> dict[str, Any]:
        def counts(row: Any) -> dict[str, int]:
            return {k: getattr(row, k) for k in ("total", "done", "in_progress", "planned", "cancelled", "overdue")}

        return {
            "roadmap": {"code": self.roadmap.code, "title": self.roadmap.title, "illustrative": self.roadmap.illustrative},
            "today": today.isoformat(),
            "directions": [{"sector": r.direction.sector, "title": r.direction.title, **counts(r)} for r in self.progress.directions],
            "totals": counts(self.progress.totals),
            "overdue": [serialise.measure(m, today) for m in self.overdue],
            "upcoming": [serialise.measure(m, today) for m in self.upcoming],
            "trade": self.trade.as_dict(),
            "events": [serialise.event(e) for e in self.events],
            "signed": [serialise.agreement(a) for a in self.signed],
            "proposals_waiting": self.waiting,
        }


def dashboard(session: Session, roadmap: Roadmap, today: date, currency: str | None = None) -> Dashboard:
    signed_states = [s.value for s in (AgreementStatus.SIGNED, AgreementStatus.RATIFIED, AgreementStatus.IN_FORCE)]
    return Dashboard(
        roadmap=roadmap,
        progress=progress(session, roadmap, today),
        overdue=overdue(session, roadmap, today),
        upcoming=upcoming(session, roadmap, today, days=90),
        trade=trade_summary(session, roadmap, currency, today),
        events=list(session.scalars(
            select(Event).where(Event.held_on <= today).options(selectinload(Event.countries))
            .order_by(Event.held_on.desc(), Event.id.desc()).limit(5))),
        signed=list(session.scalars(
            select(Agreement).where(Agreement.signed_on.is_not(None), Agreement.status.in_(signed_states),
                                    Agreement.archived_at.is_(None))
            .options(selectinload(Agreement.parties), selectinload(Agreement.sectors))
            .order_by(Agreement.signed_on.desc(), Agreement.id.desc()).limit(5))),
        waiting=session.scalar(select(func.count()).select_from(Evidence).where(Evidence.state == "proposed")) or 0,
    )


def has_illustrative(summary: TradeSummary) -> bool:
    """Whether any figure shown is example data (the page must say so next to the chart)."""
    return any(rep.illustrative for row in summary.rows for rep in row.reporters.values())


def chart(summary: TradeSummary, lang: str) -> dict[str, Any]:
    """The plotly figure: yearly turnover per reporter against the target (drawn by plotly.js in the page)."""
    years = sorted({row.period.year for row in summary.rows if row.period.kind == "year"})
    data: list[dict[str, Any]] = []
    for code in summary.reporters:
        yearly = summary.yearly_turnover(code)
        if not yearly:
            continue
        data.append({
            "type": "bar", "name": code, "x": [str(y) for y in years],
            "y": [float(yearly[y]) / 1e6 if y in yearly else None for y in years],
        })
    target = summary.target
    if target is not None and target.currency == summary.currency:
        span = [str(y) for y in sorted({*years, target.year})]
        data.append({
            "type": "scatter", "mode": "lines+markers", "name": ("цель" if lang == "ru" else "target") + f" {target.year}",
            "x": [span[0], str(target.year)], "y": [float(target.value) / 1e6] * 2,
            "line": {"dash": "dash", "color": "#b3261e"},
        })
    unit = ("млн " if lang == "ru" else "million ") + summary.currency
    layout = {
        "barmode": "group", "height": 320, "margin": {"l": 60, "r": 10, "t": 10, "b": 40},
        "yaxis": {"title": {"text": unit}, "rangemode": "tozero"}, "xaxis": {"type": "category"},
        "legend": {"orientation": "h", "y": -0.2}, "paper_bgcolor": "rgba(0,0,0,0)", "plot_bgcolor": "rgba(0,0,0,0)",
        "separators": ", " if lang == "ru" else ".,",
    }
    return {"data": data, "layout": layout}
