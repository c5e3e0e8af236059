"""`accord trade summary`, `accord import trade FILE`, `accord export trade`: trade figures and the target."""

from __future__ import annotations

import json
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import typer
from rich.table import Table

from accord.cli.common import AS_OPTION, actor, console, errors, fail, parse_day
from accord.cli.fx import database
from accord.cli.roadmap_io import REFUSED, export_app, import_app
from accord.domain.codes import is_currency
from accord.fx.rates import money
from accord.io.cells import parse_decimal
from accord.io.table_files import TableFileError, check_path
from accord.store.progress import default_roadmap
from accord.trade.importer import export_rows, import_file, write_csv, write_xlsx
from accord.trade.summary import Figure, Reported, TradeSummary, trade_summary
from accord.trade.targets import TargetError, set_target

trade_app = typer.Typer(help="Bilateral trade: figures as each side reports them, turnover, target.", no_args_is_help=True)


def import_trade(
    file: Path = typer.Argument(..., help="CSV/XLSX (reporter,partner,period,flow,commodity,value,currency,source) "
                                          "or UN Comtrade JSON"),
    skip_bad: bool = typer.Option(False, "--skip-bad", help="import the good rows of a file that has bad ones"),
    as_user: str | None = AS_OPTION,
) -> None:
    """Load trade flows; a file with errors imports nothing unless --skip-bad."""
    try:
        check_path(file)
    except TableFileError as exc:
        fail(str(exc), REFUSED)
    try:
        with database() as db, db.transaction(actor=actor(as_user), reason=f"import {file.name}") as session:
            report = import_file(session, file, skip_bad)
    except TableFileError as exc:
        fail(f"{exc}; nothing was imported", REFUSED)
    for problem in report.errors:
        errors.print(f"  {problem}", highlight=False, soft_wrap=True)
    if not report.written:
        fail(f"{file}: nothing was imported, {len(report.errors)} problem(s) listed above (--skip-bad imports the rest)", REFUSED)
    skipped = f", {report.skipped} bad row(s) skipped" if report.errors else ""
    console.print(
        f"{file}: {report.added} added, {report.changed} corrected, {report.unchanged} unchanged{skipped}",
        highlight=False,
        soft_wrap=True,
    )


def export_trade(
    output: Path | None = typer.Option(None, "-o", "--output", help="file to write: .csv or .xlsx (default: CSV to stdout)"),
) -> None:
    """Write every trade flow in the import format (with its `illustrative` flag)."""
    with database() as db, db.reading() as session:
        records = export_rows(session)
    if output is None:
        sys.stdout.write(write_csv(records))
    elif output.suffix.lower() == ".xlsx":
        write_xlsx(records, output)
    else:
        output.write_text(write_csv(records), encoding="utf-8")
    if output is not None:
        console.print(f"{output}: {len(records)} flows", highlight=False)


MILLION = Decimal(1_000_000)


def millions(value: Decimal) -> str:
    return money(value / MILLION, 1)


def cell(fig: Figure | None) -> str:
    """A figure in millions, `*` when illustrative, with the original amount under a converted one."""
    if fig is None:
        return "—"
    mark = "*" if fig.illustrative else ""
    if fig.value is None:
        return f"{millions(fig.original)}{mark}\n[dim]{fig.original_currency}, no rate[/]"
    converted = [f for f in (fig, *fig.parts) if f.conversion and f.conversion.legs]
    if converted:
        return f"{millions(fig.value)}{mark}\n[dim]{millions(fig.original)} {fig.original_currency}[/]"
    return f"{millions(fig.value)}{mark}"


def percent(value: Decimal | None) -> str:
    return "—" if value is None else f"{value * 100:+.1f}%"


def render(summary: TradeSummary) -> None:
    reporters = summary.reporters
    if not summary.rows:
        console.print("no trade figures yet: `accord import trade FILE` or `accord demo --load`")
        return
    table = Table(title=f"Trade between {' and '.join(summary.parties)}, {summary.currency} million, as each side reports it")
    table.add_column("period")
    for code in reporters:
        for name in ("exp", "imp", "total", "y/y"):
            table.add_column(f"{code} {name}", justify="right")
    for row in summary.rows:
        cells = [row.period.label()]
        for code in reporters:
            rep = row.reporters.get(code) or Reported(code)
            turnover = rep.turnover
            cells += [cell(rep.export), cell(rep.import_), "—" if turnover is None else millions(turnover),
                      percent(rep.growth)]
        table.add_row(*cells)
    console.print(table)
    console.print("[dim]exp/imp: export and import as reported by the country named; total = its turnover; "
                  "mirror figures are never added up. * illustrative figure[/]", highlight=False)
    for label, text in summary.rate_notes():
        console.print(f"  {label}: converted at {text}", highlight=False, soft_wrap=True)
    for problem in summary.problems:
        console.print(f"  [yellow]not converted:[/] {problem}", highlight=False, soft_wrap=True)
    target = summary.target
    if target is None:
        return
    console.print(
        f"\nTarget: turnover {millions(target.value)} million {target.currency} by {target.year} — [bold]{target.status}[/]",
        highlight=False,
        soft_wrap=True,
    )
    if target.note:
        console.print(f"  [dim]{target.note}[/]", highlight=False, soft_wrap=True)
    for code, progress in target.by_reporter.items():
        if progress.latest is None:
            console.print(f"  by {code} figures: no full-year turnover", highlight=False)
            continue
        needed = f", needs {percent(progress.required)} a year" if progress.required is not None else ""
        console.print(
            f"  by {code} figures: {millions(progress.latest)} million {target.currency} in {progress.latest_year}, "
            f"growth {percent(progress.recent_growth)}{needed} → {progress.status}",
            highlight=False,
        )


@trade_app.command("summary")
def summary_command(
    currency: str | None = typer.Option(None, "--currency", help="show figures in this currency (default: the target's)"),
    as_json: bool = typer.Option(False, "--json", help="print JSON (the target included)"),
    roadmap: str | None = typer.Option(None, help="roadmap code (default: the first)"),
    on: str | None = typer.Option(None, "--today", help="assess as of this date, YYYY-MM-DD (default: today)"),
) -> None:
    """Export, import and turnover by period and reporter, growth, and the target's status."""
    if currency and not is_currency(currency):
        fail(f"unknown currency code {currency!r} (use ISO 4217: USD, BYN, KGS, EUR, RUB…)")
    today = parse_day(on, "--today") or date.today()
    with database() as db, db.reading() as session:
        chosen = default_roadmap(session, roadmap)
        if roadmap and chosen is None:
            fail(f"no roadmap {roadmap!r}")
        summary = trade_summary(session, chosen, currency, today)
    if as_json:
        console.print_json(json.dumps(summary.as_dict(), ensure_ascii=False))
        return
    render(summary)


@trade_app.command("target")
def target_command(
    value: str = typer.Argument(..., help="the turnover to reach, e.g. 500000000 or 500 000 000"),
    currency: str = typer.Argument(..., help="its currency, e.g. USD"),
    year: int = typer.Option(..., "--year", help="the year by which to reach it"),
    base_year: int | None = typer.Option(None, "--base-year", help="the year growth is counted from"),
    note: str | None = typer.Option(None, "--note", help="why this year and value (e.g. what was said, where)"),
    source: str | None = typer.Option(None, "--source", help="where the target was set"),
    roadmap: str | None = typer.Option(None, help="roadmap code (default: the first)"),
    as_user: str | None = AS_OPTION,
) -> None:
    """Set the roadmap's turnover target (replaces the previous one; the change is audited)."""
    try:
        amount = parse_decimal(value)
    except ValueError as exc:
        fail(f"value: {exc}")
    with database() as db, db.transaction(actor=actor(as_user), reason="trade target") as session:
        chosen = default_roadmap(session, roadmap)
        if chosen is None:
            fail("there is no roadmap: create one first (`accord roadmap create`) or `accord demo --load`")
        try:
            target = set_target(session, chosen, amount, currency, year, base_year, note, source)
        except TargetError as exc:
            fail(str(exc))
        code = chosen.code
    console.print(f"{code}: turnover target {millions(target.value)} million {target.currency} by {target.year}",
                  highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.add_typer(trade_app, name="trade")
    import_app.command("trade")(import_trade)
    export_app.command("trade")(export_trade)
