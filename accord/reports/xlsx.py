"""The session report as a workbook: one sheet per section, real numbers and dates.

Each table sheet has a frozen, filterable header row and number formats, so a
secretariat can sort, filter and add up without retyping anything.
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from accord.io.cells import append_row, text_cell
from accord.reports import labels as words
from accord.reports import prose, tables
from accord.reports.charts import charts_png
from accord.reports.model import SessionReport
from accord.reports.tables import Column, Foreign, Marked, Table

HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=13)
WARNING = Font(bold=True, color="9C5700")
ILLUSTRATIVE = Font(italic=True, color="7F7F7F")
FORMATS = {
    "int": "0",
    "amount": "#,##0.0",
    "percent": "+0.0%;-0.0%;0.0%",
    "share": "0.0%",
    "date": "DD.MM.YYYY",
}
WRAP = Alignment(wrap_text=True, vertical="top")
#: Excel column width units per centimetre (Calibri 11)
PER_CM = 5.1


def cell_value(value: Any, column: Column) -> tuple[Any, bool]:
    """The value to store (numbers as numbers) and whether it comes from illustrative data."""
    marked = isinstance(value, Marked) and value.illustrative
    raw = tables.plain_value(value)
    if isinstance(raw, Foreign):
        raw = raw.value
    if isinstance(raw, Decimal):
        raw = float(raw)
    if column.kind == "text" and marked:
        return f"{raw}*", False
    if raw is None:
        return None, False
    return raw, marked


def heading(sheet: Worksheet, text: str, lines: list[str] | None = None) -> int:
    """A sheet's heading and notes; returns the next free row."""
    append_row(sheet, [text], readable=False)
    sheet.cell(row=sheet.max_row, column=1).font = TITLE
    for line in lines or []:
        append_row(sheet, [line], readable=False)
    return sheet.max_row + 2


def write_table(
    sheet: Worksheet, table: Table, start: int, lang: str, headers: list[str] | None = None
) -> int:
    """Header row at `start` (frozen, filtered), then the rows; returns the row after the table."""
    names = headers or [c.header for c in table.columns]
    for index, name in enumerate(names, start=1):
        cell = text_cell(sheet.cell(row=start, column=index), name, readable=False)
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, WRAP
    marks = False
    for offset, values in enumerate(table.rows, start=1):
        for index, (column, value) in enumerate(zip(table.columns, values, strict=True), start=1):
            stored, illustrative = cell_value(value, column)
            cell = text_cell(sheet.cell(row=start + offset, column=index), stored, readable=False)
            if isinstance(stored, int | float | date) and column.kind in FORMATS:
                cell.number_format = FORMATS[column.kind]
            foreign = tables.plain_value(value)
            if isinstance(foreign, Foreign):
                cell.number_format = f'#,##0.0 "{foreign.currency}"'  # kept in its own currency, no rate
            cell.alignment = WRAP
            if illustrative:
                cell.font, marks = ILLUSTRATIVE, True
            if offset - 1 in table.bold_rows:
                cell.font = BOLD
    for index, column in enumerate(table.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(8.0, column.width * PER_CM)
    last = start + len(table.rows)
    filtered = last - len([i for i in table.bold_rows if i == len(table.rows) - 1])
    sheet.freeze_panes = sheet.cell(row=start + 1, column=1)
    sheet.auto_filter.ref = f"A{start}:{get_column_letter(len(names))}{max(filtered, start)}"
    after = last + 2
    if marks or table.has_marks:
        text_cell(
            sheet.cell(row=after, column=1), words.label("illustrative_xlsx", lang), readable=False
        ).font = ILLUSTRATIVE
        after += 1
    return after


def notes(sheet: Worksheet, row: int, lines: list[str]) -> int:
    for line in lines:
        text_cell(sheet.cell(row=row, column=1), line, readable=False)
        row += 1
    return row + 1


def title_sheet(sheet: Worksheet, report: SessionReport) -> None:
    lang = report.lang
    append_row(sheet, [f"{words.label('report', lang)} {words.label('report_of', lang)}"], readable=False)
    sheet["A1"].font = BOLD
    append_row(sheet, [report.title.roadmap_title], readable=False)
    sheet["A2"].font = TITLE
    append_row(sheet, [], readable=False)
    for name, value in prose.title_lines(report):
        append_row(sheet, [name, value], readable=False)
        sheet.cell(row=sheet.max_row, column=1).font = BOLD
        sheet.cell(row=sheet.max_row, column=2).alignment = WRAP
    append_row(sheet, [], readable=False)
    recorded = prose.status_note(report)
    if recorded:
        append_row(sheet, [recorded], readable=False)
    if report.title.illustrative:
        append_row(sheet, [words.label("illustrative_banner", lang)], readable=False)
        sheet.cell(row=sheet.max_row, column=1).font = WARNING
    if report.empty:
        append_row(sheet, [words.label("nothing_to_report", lang)], readable=False)
        sheet.cell(row=sheet.max_row, column=1).font = BOLD
    sheet.column_dimensions["A"].width = 32
    sheet.column_dimensions["B"].width = 90


def summary_sheet(sheet: Worksheet, report: SessionReport) -> None:
    start = heading(sheet, prose.heading(report, "s_summary"), prose.summary_lines(report))
    end = write_table(sheet, tables.summary_table(report), start, report.lang)
    anchor_row = 1
    for png in charts_png(report):
        image = Image(io.BytesIO(png))
        image.width, image.height = image.width * 0.3, image.height * 0.3
        sheet.add_image(image, f"J{anchor_row}")
        anchor_row += int(image.height / 20) + 2
    if report.empty:
        notes(sheet, end, [words.label("nothing_to_report", report.lang)])


def changes_table(report: SessionReport) -> tuple[Table, list[str]]:
    """The three kinds of change in one filterable table, with a column saying which kind."""
    lang = report.lang
    columns = [
        Column(words.label("kind", lang), width=4.0),
        Column(words.label("number", lang), width=1.2),
        Column(
            words.label("measure", lang)
            + " / "
            + words.label("agreement", lang).lower()
            + " / "
            + words.label("project", lang).lower(),
            width=9.0,
        ),
        Column(words.label("status_was", lang), width=3.0),
        Column(words.label("status_now", lang) + " / " + words.label("event", lang).lower(), width=3.4),
        Column(words.label("date", lang), "date", 2.4),
        Column(words.label("evidence", lang), width=7.0),
    ]
    table = Table(columns)
    for row in tables.status_changes_table(report).rows:
        number, title, old, new, on, evidence = row
        table.rows.append([words.label("changes_measures", lang), number, title, old, new, on, evidence])
    for row in tables.agreements_table(report).rows:
        title, event, on, evidence = row
        table.rows.append([words.label("changes_agreements", lang), "", title, "", event, on, evidence])
    for row in tables.projects_table(report).rows:
        title, stage, _value, started, evidence = row
        table.rows.append([words.label("changes_projects", lang), "", title, "", stage, started, evidence])
    empty = []
    for key, found in (
        ("no_changes_measures", report.changes.measures),
        ("no_changes_agreements", report.changes.agreements),
        ("no_changes_projects", report.changes.projects),
    ):
        if not found:
            empty.append(words.label(key, lang))
    return table, empty


def simple_sheet(
    sheet: Worksheet, title: str, table: Table, lang: str, before: list[str], empty: str | None
) -> None:
    start = heading(sheet, title, before)
    end = write_table(sheet, table, start, lang)
    if empty and not len(table):
        notes(sheet, end, [empty])


def trade_sheet(sheet: Worksheet, report: SessionReport) -> None:
    lang = report.lang
    start = heading(sheet, prose.heading(report, "s_trade"))
    if not report.trade.lines:
        notes(sheet, start, [words.label("no_trade", lang)])
        return
    table = tables.trade_table(report)
    headers = [table.columns[0].header]
    for country, span in (table.groups or [])[1:]:
        headers += [f"{country}: {c.header}" for c in table.columns[len(headers) : len(headers) + span]]
    end = write_table(sheet, table, start, lang, headers)
    notes(sheet, end, prose.trade_notes(report) + prose.target_lines(report))


def render_xlsx(report: SessionReport) -> bytes:
    lang = report.lang
    book = Workbook()
    title_sheet(book.active, report)
    book.active.title = words.label("sheet_title", lang)
    summary_sheet(book.create_sheet(words.label("sheet_summary", lang)), report)
    changes, empty = changes_table(report)
    simple_sheet(
        book.create_sheet(words.label("sheet_changes", lang)),
        prose.heading(report, "s_changes"),
        changes,
        lang,
        [prose.changes_period(report), *empty],
        None,
    )
    simple_sheet(
        book.create_sheet(words.label("sheet_overdue", lang)),
        prose.heading(report, "s_overdue"),
        tables.overdue_table(report),
        lang,
        [],
        words.label("no_overdue", lang),
    )
    simple_sheet(
        book.create_sheet(words.label("sheet_upcoming", lang)),
        prose.heading(report, "s_upcoming"),
        tables.upcoming_table(report),
        lang,
        [],
        words.label("no_upcoming", lang, days=report.upcoming_days),
    )
    simple_sheet(
        book.create_sheet(words.label("sheet_decisions", lang)),
        prose.heading(report, "s_decisions"),
        tables.decisions_table(report),
        lang,
        [prose.session_line(report)],
        words.label("no_decisions", lang) if report.last_session else None,
    )
    trade_sheet(book.create_sheet(words.label("sheet_trade", lang)), report)
    simple_sheet(
        book.create_sheet(words.label("sheet_annex", lang)),
        words.label("s_annex", lang),
        tables.annex_table(report),
        lang,
        [words.label("annex_note", lang)],
        words.label("nothing_to_report", lang),
    )
    book.properties.title = report.title.roadmap_title
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
