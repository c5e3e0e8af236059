"""Each section of the report as a table of typed cells, shared by the three renderers.

A column knows its kind (text, integer, date, amount, percent) and a width in
centimetres for the portrait page; Word and the print view format the cells as
text, the spreadsheet keeps them as numbers and dates with number formats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from accord.reports import labels as words
from accord.reports.model import EvidenceRef, MeasureLine, SessionReport, TradeCell

MILLION = Decimal(1_000_000)


@dataclass(frozen=True)
class Marked:
    """A value from illustrative data: shown with an asterisk (or in italics in the spreadsheet)."""

    value: Any
    illustrative: bool


@dataclass(frozen=True)
class Foreign:
    """An amount left in its original currency because no official rate converts it."""

    value: Decimal
    currency: str


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = "text"  # text, int, date, amount, percent
    width: float = 3.0  # cm on the portrait page


@dataclass
class Table:
    columns: list[Column]
    rows: list[list[Any]] = field(default_factory=list)
    #: indexes of rows to set in bold (totals)
    bold_rows: set[int] = field(default_factory=set)
    #: a header row above the column headers: (text, number of columns spanned)
    groups: list[tuple[str, int]] | None = None

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def has_marks(self) -> bool:
        """Some cell comes from illustrative data (the table then carries the asterisk's legend)."""
        return any(isinstance(v, Marked) and v.illustrative for row in self.rows for v in row)


def plain_value(value: Any) -> Any:
    return value.value if isinstance(value, Marked) else value


def as_text(value: Any, kind: str, lang: str) -> str:
    """A cell as Word and the print view show it."""
    if isinstance(value, Marked):
        shown = as_text(value.value, kind, lang)
        return f"{shown}*" if value.illustrative and shown != "—" else shown
    if value is None or value == "":
        return "—" if kind != "text" else ""
    if isinstance(value, Foreign):
        return f"{words.number(value.value, lang, 1)} {value.currency}"
    if kind == "date" and isinstance(value, date):
        return words.day(value, lang)
    if kind == "amount":
        return words.number(value, lang, 1)
    if kind == "percent":
        return words.percent(value, lang)
    if kind == "share":
        return words.percent(value, lang, signed=False)
    if kind == "int":
        return str(value)
    return str(value)


def title_of(text: str, illustrative: bool) -> Marked:
    return Marked(text, illustrative)


def evidence_text(refs: list[EvidenceRef], lang: str) -> str:
    if not refs:
        return words.label("no_evidence", lang)
    return "\n".join(f"{r.source}, {words.day(r.on, lang)}" if r.on else r.source for r in refs)


def summary_table(report: SessionReport) -> Table:
    lang = report.lang
    widths = {"total": 1.2, "done": 1.8, "in_progress": 1.6, "planned": 2.4, "cancelled": 1.7, "overdue": 1.9}
    columns = [Column(words.label("direction", lang), width=17.0 - sum(widths.values()) - 2.1)]
    columns += [Column(words.label(k, lang), "int", w) for k, w in widths.items()]
    columns.append(Column(words.label("share_done", lang), "share", 2.1))
    table = Table(columns)
    for row in [*report.summary.directions, report.summary.totals]:
        name = row.direction or words.label("all_directions", lang)
        table.rows.append(
            [
                name,
                row.total,
                row.done,
                row.in_progress,
                row.planned,
                row.cancelled,
                row.overdue,
                row.share_done,
            ]
        )
    table.bold_rows.add(len(table.rows) - 1)
    return table


def responsible_columns(report: SessionReport, width: float) -> list[Column]:
    lang = report.lang
    return [
        Column(f"{words.label('responsible', lang)} ({code})", width=width) for code in report.title.parties
    ]


def measure_rows(lines: list[MeasureLine], report: SessionReport, tail: list[str]) -> list[list[Any]]:
    rows = []
    for line in lines:
        row: list[Any] = [line.number, title_of(line.title, line.illustrative)]
        row += ["; ".join(line.responsible.get(code, [])) for code in report.title.parties]
        row += [line.due, line.days]
        for name in tail:
            if name == "status":
                row.append(words.status_label(line.status, report.lang))
            else:
                row.append(
                    f"{words.day(line.last_note_on, report.lang)}: {line.last_note}" if line.last_note else ""
                )
        rows.append(row)
    return rows


def overdue_table(report: SessionReport) -> Table:
    lang = report.lang
    parties = max(len(report.title.parties), 1)
    columns = [
        Column(words.label("number", lang), width=1.0),
        Column(words.label("measure", lang), width=3.7),
    ]
    columns += responsible_columns(report, 5.9 / parties)
    columns += [
        Column(words.label("due", lang), width=1.8),
        Column(words.label("days_late", lang), "int", 1.7),
        Column(words.label("last_note", lang), width=2.9),
    ]
    return Table(columns, measure_rows(report.overdue, report, ["note"]))


def upcoming_table(report: SessionReport) -> Table:
    lang = report.lang
    parties = max(len(report.title.parties), 1)
    columns = [
        Column(words.label("number", lang), width=1.0),
        Column(words.label("measure", lang), width=4.2),
    ]
    columns += responsible_columns(report, 5.9 / parties)
    columns += [
        Column(words.label("due", lang), width=1.8),
        Column(words.label("days_left", lang), "int", 1.6),
        Column(words.label("status", lang), width=2.5),
    ]
    return Table(columns, measure_rows(report.upcoming, report, ["status"]))


def status_changes_table(report: SessionReport) -> Table:
    lang = report.lang
    table = Table(
        [
            Column(words.label("number", lang), width=1.1),
            Column(words.label("measure", lang), width=4.9),
            Column(words.label("status_was", lang), width=2.4),
            Column(words.label("status_now", lang), width=2.4),
            Column(words.label("changed_on", lang), "date", 2.0),
            Column(words.label("evidence", lang), width=4.2),
        ]
    )
    for change in report.changes.measures:
        table.rows.append(
            [
                change.number,
                title_of(change.title, change.illustrative),
                words.status_label(change.old, lang),
                words.status_label(change.new, lang),
                change.on,
                evidence_text(change.evidence, lang),
            ]
        )
    return table


def agreements_table(report: SessionReport) -> Table:
    lang = report.lang
    table = Table(
        [
            Column(words.label("agreement", lang), width=7.0),
            Column(words.label("event", lang), width=2.6),
            Column(words.label("date", lang), "date", 2.0),
            Column(words.label("evidence", lang), width=5.4),
        ]
    )
    for change in report.changes.agreements:
        table.rows.append(
            [
                title_of(change.title, change.illustrative),
                words.label(change.event, lang),
                change.on,
                evidence_text(change.evidence, lang),
            ]
        )
    return table


def projects_table(report: SessionReport) -> Table:
    lang = report.lang
    table = Table(
        [
            Column(words.label("project", lang), width=6.2),
            Column(words.label("stage", lang), width=2.2),
            Column(words.label("value", lang), width=2.4),
            Column(words.label("started", lang), "date", 2.0),
            Column(words.label("evidence", lang), width=4.2),
        ]
    )
    for project in report.changes.projects:
        value = (
            f"{words.number(project.value / MILLION, lang, 1)} {words.label('chart_million', lang)} {project.currency or ''}".strip()
            if project.value is not None
            else ""
        )
        table.rows.append(
            [
                title_of(project.title, project.illustrative),
                words.stage_label(project.stage, lang),
                value,
                project.started,
                evidence_text(project.evidence, lang),
            ]
        )
    return table


def decisions_table(report: SessionReport) -> Table:
    lang = report.lang
    table = Table(
        [
            Column(words.label("number", lang), width=1.1),
            Column(words.label("decision", lang), width=6.9),
            Column(words.label("owner", lang), width=3.6),
            Column(words.label("due", lang), "date", 2.1),
            Column(words.label("status", lang), width=3.3),
        ]
    )
    if report.last_session is None:
        return table
    for decision in report.last_session.decisions:
        status = words.status_label(decision.status, lang)
        if decision.overdue:
            status += f" ({words.label('overdue_mark', lang)})"
        table.rows.append(
            [
                decision.number,
                title_of(decision.text, report.last_session.illustrative),
                decision.owner or "",
                decision.due_on,
                status,
            ]
        )
    return table


def trade_value(cell: TradeCell | None, currency: str) -> Marked | None:
    """Millions; a figure left in another currency for want of rates carries its currency code."""
    if cell is None or cell.value is None:
        return None
    value = cell.value / MILLION
    if cell.currency != currency:
        return Marked(Foreign(value, cell.currency), cell.illustrative)
    return Marked(value, cell.illustrative)


def trade_table(report: SessionReport) -> Table:
    lang = report.lang
    trade = report.trade
    columns = [Column(words.label("period", lang), width=2.2)]
    groups: list[tuple[str, int]] = [("", 1)]
    widths = {"export": 1.6, "import": 1.6, "turnover": 2.1, "growth": 1.6}
    for code in trade.reporters:
        groups.append((report.country(code), 4))
        columns += [
            Column(words.label(k, lang), "percent" if k == "growth" else "amount", w)
            for k, w in widths.items()
        ]
    table = Table(columns, groups=groups)
    for line in trade.lines:
        row: list[Any] = [line.period]
        for code in trade.reporters:
            export, import_, turnover, growth = line.by_reporter.get(code, (None, None, None, None))
            illustrative = any(c.illustrative for c in (export, import_) if c)
            row += [
                trade_value(export, trade.currency),
                trade_value(import_, trade.currency),
                Marked(turnover / MILLION, illustrative) if turnover is not None else None,
                growth,
            ]
        table.rows.append(row)
    return table


def annex_table(report: SessionReport) -> Table:
    """The roadmap table exactly as the spreadsheet layout writes it (widths for a landscape page)."""
    widths = {0: 1.0, 1: 2.6, 2: 5.0}
    parties = len(report.title.parties)
    tail = [1.8, 3.2, 2.2, 2.1]  # due, expected result, status, note
    free = 25.7 - sum(widths.values()) - sum(tail)
    columns = []
    for index, header in enumerate(report.annex.headers):
        if index in widths:
            width = widths[index]
        elif index < 3 + parties:
            width = free / max(parties, 1)
        else:
            width = tail[index - 3 - parties]
        columns.append(Column(header, width=width))
    return Table(columns, [list(r) for r in report.annex.rows])
