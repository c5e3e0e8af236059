"""The report's trade section, taken from the one trade summary every view uses.

Figures stay as each side reports them (mirror figures side by side); a figure
that cannot be converted for want of rates keeps its original currency and the
report says so, rather than inventing a rate.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from accord.fx.rates import Conversion, plain, round_sig
from accord.fx.sources import get as get_source
from accord.reports.labels import day, period_label
from accord.reports.model import TargetLine, Trade, TradeCell, TradeLine
from accord.store.models import Roadmap
from accord.trade.summary import Figure, trade_summary


def cell(fig: Figure | None, currency: str) -> TradeCell | None:
    if fig is None:
        return None
    if fig.value is None:
        return TradeCell(fig.original, fig.original_currency, fig.illustrative)
    return TradeCell(fig.value, currency, fig.illustrative)


def rate_text(conversion: Conversion, lang: str) -> str:
    """The effective rate, the bank that published it and each official rate used, with its date."""
    bank = get_source(conversion.source or "")
    effective = f"1 {conversion.currency} = {plain(round_sig(conversion.factor, 6))} {conversion.target}"
    used = "; ".join(
        f"{leg.quote()} {'на' if lang == 'ru' else 'of'} {day(leg.on, lang)}" for leg in conversion.legs
    )
    mark = ""
    if conversion.illustrative:
        mark = (", иллюстративные курсы из примера, не курсы банка" if lang == "ru"
                else ", illustrative rates shipped with the example, not the bank's")
    return f"{effective} ({bank.name_ru if lang == 'ru' else bank.name}: {used}{mark})"


def trade_section(session: Session, roadmap: Roadmap, as_of: date, currency: str | None, lang: str) -> Trade:
    summary = trade_summary(session, roadmap, currency, today=as_of)
    lines: list[TradeLine] = []
    conversions: dict[str, str] = {}
    sources: list[str] = []
    illustrative = False
    for row in summary.rows:
        if row.period.start > as_of:
            continue
        by_reporter = {}
        for code, rep in row.reporters.items():
            for fig in (rep.export, rep.import_):
                if fig is None:
                    continue
                illustrative = illustrative or fig.illustrative
                if fig.source not in sources:
                    sources.append(fig.source)
                if fig.conversion and fig.conversion.legs:
                    conversions.setdefault(period_label(row.period, lang), rate_text(fig.conversion, lang))
            converted = all(f is None or f.value is not None for f in (rep.export, rep.import_))
            by_reporter[code] = (
                cell(rep.export, summary.currency),
                cell(rep.import_, summary.currency),
                rep.turnover if converted else None,
                rep.growth if converted else None,
            )
        lines.append(TradeLine(period_label(row.period, lang), row.period.kind, row.period.year, by_reporter))
    target = None
    if summary.target is not None:
        view = summary.target
        target = TargetLine(
            value=view.value,
            currency=view.currency,
            year=view.year,
            source=view.source,
            note=view.note,
            by_reporter={
                code: (str(p.status), p.latest, p.latest_year, p.recent_growth, p.required)
                for code, p in view.by_reporter.items()
            },
        )
    return Trade(
        currency=summary.currency,
        reporters=summary.reporters,
        lines=lines,
        target=target,
        conversions=[f"{period}: {text}" for period, text in conversions.items()],
        missing_rates=list(summary.problems),
        sources=sources,
        illustrative=illustrative,
    )
