"""The sentences around the tables (title block, headings, notes), shared by the three renderers."""

from __future__ import annotations

from accord.reports import labels as words
from accord.reports.model import SessionReport
from accord.reports.tables import MILLION


def title_lines(report: SessionReport) -> list[tuple[str, str]]:
    """(label, value) pairs of the title block, under the roadmap's title."""
    lang, title = report.lang, report.title
    lines = [
        (words.label("parties", lang), ", ".join(report.country(c) for c in title.parties)),
        (words.label("as_of", lang), words.long_day(title.as_of, lang)),
        (words.label("since", lang), since_text(report)),
    ]
    if title.commission:
        lines.append((words.label("commission", lang), title.commission))
        chairs = [
            f"{report.country(c.country)}: {c.name}"
            + (f", {c.position}" if c.position else "")
            + ("*" if c.illustrative else "")
            for c in title.co_chairs
        ]
        lines.append((words.label("co_chairs", lang), "\n".join(chairs) or "—"))
    else:
        lines.append((words.label("commission", lang), words.label("no_commission", lang)))
    if title.next_session:
        lines.append((words.label("next_session", lang), words.long_day(title.next_session, lang)))
    return lines


def status_note(report: SessionReport) -> str | None:
    """Said when the report looks back: statuses are today's, deadlines are counted at the as-of day."""
    title = report.title
    if title.as_of >= title.produced_on:
        return None
    return words.label("recorded_note", report.lang, date=words.day(title.produced_on, report.lang))


def since_text(report: SessionReport) -> str:
    lang, title = report.lang, report.title
    text = words.long_day(title.since, lang)
    if title.since_session is not None:
        text += " " + words.label("since_session", lang, number=title.since_session)
    return text


def heading(report: SessionReport, key: str) -> str:
    lang = report.lang
    if key == "s_changes" and report.title.since_session is None:
        return words.label("s_changes_since", lang, date=words.day(report.title.since, lang))
    if key == "s_upcoming":
        return words.label(key, lang, days=report.upcoming_days)
    return words.label(key, lang)


def summary_lines(report: SessionReport) -> list[str]:
    lang, totals = report.lang, report.summary.totals
    share = totals.share_done if totals.total > totals.cancelled else None
    return [
        f"{words.label('measures_total', lang)}: {totals.total}",
        f"{words.label('share_done', lang)}: {words.percent(share, lang, signed=False)} "
        f"{words.label('share_done_note', lang)}",
        f"{words.label('overdue_count', lang)}: {totals.overdue}",
    ]


def changes_period(report: SessionReport) -> str:
    lang = report.lang
    text = words.label(
        "period_note",
        lang,
        since=words.day(report.changes.since, lang),
        as_of=words.day(report.title.as_of, lang),
    )
    if report.title.since_session is None and report.last_session is None:
        text += " " + words.label("no_session_before", lang)
    return text


def session_line(report: SessionReport) -> str:
    lang, meeting = report.lang, report.last_session
    if meeting is None:
        return words.label("no_last_session", lang)
    text = words.label(
        "session_of",
        lang,
        number=meeting.number,
        date=words.day(meeting.held_on, lang),
        place=meeting.place or "—",
    )
    return text + ("*" if meeting.illustrative else "")


def target_lines(report: SessionReport) -> list[str]:
    lang, target = report.lang, report.trade.target
    if target is None:
        return []
    value = words.number(target.value / MILLION, lang, 0)
    lines = [
        f"{words.label('target', lang)}: {words.label('target_line', lang, value=value, currency=target.currency, year=target.year)}"
    ]
    for code, (status, _latest, year, recent, needed) in target.by_reporter.items():
        parts = [words.target_label(status, lang)]
        if recent is not None and year is not None:
            parts.append(f"{words.label('recent_growth', lang)} ({year}) {words.percent(recent, lang)}")
        if needed is not None:
            parts.append(f"{words.label('needed_growth', lang)} {words.percent(needed, lang)}")
        lines.append(f"{report.country(code)}: " + "; ".join(parts))
    if target.source:
        lines.append(f"{words.label('target_source', lang)}: {target.source}")
    return lines


def trade_notes(report: SessionReport) -> list[str]:
    """How the figures were obtained: mirror statistics, currency and the rates' source, sources."""
    lang, trade = report.lang, report.trade
    units = words.label("trade_units", lang, currency=trade.currency)
    notes = [f"{units}. {words.label('trade_note', lang)}"]
    if trade.missing_rates:
        notes.append(words.label("trade_needs_rates", lang, currency=trade.currency))
        notes += [f"– {p}" for p in trade.missing_rates]
    elif trade.conversions:
        notes.append(words.label("trade_converted", lang, currency=trade.currency))
        notes += [f"– {c}" for c in trade.conversions]
    else:
        notes.append(words.label("trade_same_currency", lang, currency=trade.currency))
    notes.append(f"{words.label('trade_sources', lang)}: " + "; ".join(trade.sources))
    return notes


def sections(report: SessionReport) -> list[str]:
    """The numbered sections in order (the title block comes first, the annex last)."""
    return ["s_summary", "s_changes", "s_overdue", "s_upcoming", "s_decisions", "s_trade"]
