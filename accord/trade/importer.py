"""`accord import trade FILE`: check every row first, then write all of them or none.

A file with errors changes nothing unless the caller asks to skip the bad rows.
Re-importing a figure from the same source corrects it in place (audited);
the partner's mirror figure is a row of its own and is never merged.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.domain.codes import countries
from accord.io.cells import append_row, guard_csv
from accord.io.problems import TableProblem
from accord.io.records import Table, read_records
from accord.io.table_files import TEXT_SUFFIXES, TableFileError, check_kind, encoding_of, load
from accord.store.models import Country, TradeFlow
from accord.trade import comtrade
from accord.trade.flows import COLUMNS, FlowRecord, check_rows
from accord.trade.periods import parse_period


@dataclass
class ImportReport:
    rows: int = 0
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    errors: list[TableProblem] = field(default_factory=list)
    written: bool = False

    @property
    def skipped(self) -> int:
        return len({e.row for e in self.errors})


def read_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The rows of a CSV, XLSX or UN Comtrade JSON file, checked for the needed columns."""
    suffix = path.suffix.lower()
    if suffix == ".json" or suffix in TEXT_SUFFIXES:
        data = load(path)
        if suffix != ".json":
            check_kind(path, data)  # a workbook or a PDF named .csv is refused by name
        encoding = encoding_of(data, str(path))
        if suffix == ".json" or comtrade.is_comtrade(
            data[:1024].decode(encoding, errors="ignore").lstrip("\ufeff")
        ):
            try:
                return comtrade.read_comtrade(data.decode(encoding, errors="replace").lstrip("\ufeff"))
            except TableFileError as exc:
                raise TableFileError(f"{path}: {exc}") from None
    table: Table = read_records(path)
    missing = table.missing(COLUMNS)
    if missing:
        raise TableFileError(
            f"{path}: missing column(s) {', '.join(missing)}; the header must name {','.join(COLUMNS)}"
        )
    return table.rows


def check_file(path: Path) -> tuple[list[FlowRecord], list[TableProblem], int]:
    rows = read_rows(path)
    breakdowns = [
        TableProblem(n, "", f"a breakdown ({r['_breakdown']}), not a total")
        for n, r in rows
        if r.get("_breakdown")
    ]
    bad_rows = {e.row for e in breakdowns}
    records, errors = check_rows((n, r) for n, r in rows if n not in bad_rows)
    return records, sorted(breakdowns + errors, key=lambda e: e.row), len(rows)


def ensure_countries(session: Session, codes: set[str]) -> None:
    """Add any country not yet in the directory, named from ISO/CLDR data."""
    known = set(session.scalars(select(Country.code).where(Country.code.in_(codes))))
    names = countries()
    for code in sorted(codes - known):
        name_en, name_ru = names[code]
        session.add(Country(code=code, name_en=name_en, name_ru=name_ru))
    session.flush()


def save_flows(session: Session, records: list[FlowRecord], report: ImportReport) -> None:
    """Insert new figures and correct changed ones, in the caller's transaction."""
    ensure_countries(session, {r.reporter for r in records} | {r.partner for r in records})
    existing = {
        (f.reporter, f.partner, f.period, f.flow, f.commodity, f.source): f
        for f in session.scalars(select(TradeFlow))
    }
    for record in records:
        row = existing.get((*record.key, record.source))
        if row is None:
            session.add(
                TradeFlow(
                    reporter=record.reporter,
                    partner=record.partner,
                    period=record.period.text,
                    period_start=record.period.start,
                    period_end=record.period.end,
                    flow=record.flow,
                    commodity=record.commodity,
                    value=record.value,
                    currency=record.currency,
                    source=record.source,
                    illustrative=record.illustrative,
                )
            )
            report.added += 1
        elif (row.value, row.currency, row.illustrative) != (
            record.value,
            record.currency,
            record.illustrative,
        ):
            row.value, row.currency, row.illustrative = record.value, record.currency, record.illustrative
            report.changed += 1
        else:
            report.unchanged += 1
    session.flush()


def import_file(session: Session, path: Path, skip_bad: bool = False) -> ImportReport:
    """Check `path` and, when it is clean (or `skip_bad`), save its figures in `session`.

    Raises TableFileError when the file as a whole cannot be read.
    """
    records, errors, total = check_file(path)
    report = ImportReport(rows=total, errors=errors)
    if errors and not skip_bad:
        return report
    save_flows(session, records, report)
    report.written = True
    return report


def to_record(flow: TradeFlow) -> FlowRecord:
    return FlowRecord(
        flow.reporter,
        flow.partner,
        parse_period(flow.period),
        flow.flow,
        flow.commodity,
        flow.value,
        flow.currency,
        flow.source,
        flow.illustrative,
    )


def export_rows(session: Session) -> list[FlowRecord]:
    flows = session.scalars(
        select(TradeFlow).order_by(
            TradeFlow.period_start,
            TradeFlow.period_end,
            TradeFlow.reporter,
            TradeFlow.flow,
            TradeFlow.commodity,
            TradeFlow.source,
        )
    )
    return [to_record(f) for f in flows]


def write_csv(records: list[FlowRecord]) -> str:
    """The import format, with the `illustrative` flag, so an export imports back unchanged."""
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=COLUMNS + ["illustrative"], lineterminator="\r\n"
    )  # CRLF: a CR inside a cell is then quoted too
    writer.writeheader()
    writer.writerows({k: guard_csv(v) for k, v in r.as_row().items()} for r in records)
    return out.getvalue()


def write_xlsx(records: list[FlowRecord], path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "trade"
    append_row(sheet, COLUMNS + ["illustrative"])
    for r in records:
        row = r.as_row()
        append_row(sheet, [row[c] for c in COLUMNS] + [row["illustrative"]])
    book.save(path)
