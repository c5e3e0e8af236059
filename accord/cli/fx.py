"""`accord fx update|import|convert|status`: official exchange rates from the banks or from a file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path

import typer
from rich.table import Table

from accord.cli.common import AS_OPTION, actor, console, errors, fail, open_database, parse_day
from accord.cli.roadmap_io import REFUSED
from accord.fx import http, sources
from accord.fx.csvfile import read_rates
from accord.fx.rates import RateNotFound
from accord.fx.store import convert, coverage, save_rates
from accord.fx.update import update_source
from accord.io.cells import parse_decimal
from accord.io.table_files import TableFileError, check_path
from accord.store.db import Database

fx_app = typer.Typer(help="Official exchange rates (NBRB, NBKR, ECB): fetch, import, convert.", no_args_is_help=True)


@contextmanager
def database() -> Iterator[Database]:
    """The configured database, its connections closed when the command ends."""
    db = open_database()
    try:
        yield db
    finally:
        db.dispose()


@fx_app.command("update")
def update(
    start: str | None = typer.Option(None, "--from", help="first day to fetch, YYYY-MM-DD (default: the last stored day)"),
    end: str | None = typer.Option(None, "--to", help="last day to fetch (default: today)"),
    source: list[str] = typer.Option([], "--source", help="nbrb, nbkr or ecb (repeatable; default: all)"),
    url: str | None = typer.Option(None, "--url", help="fetch from this address instead of the bank's (one --source)"),
    as_user: str | None = AS_OPTION,
) -> None:
    """Fetch official rates and store them; a bank that fails changes nothing."""
    first, last = parse_day(start, "--from"), parse_day(end, "--to") or date.today()
    try:
        codes = [sources.get(s).code for s in source] or list(sources.SOURCES)
    except ValueError as exc:
        fail(str(exc))
    if url and len(codes) != 1:
        fail("--url needs exactly one --source: it replaces that bank's address")
    if last > date.today():
        fail(f"--to {last} is in the future: banks publish no rates for it yet")
    if first and (last - first).days > 31:
        console.print(f"fetching {(last - first).days + 1} days: the NBRB and NBKR answer one day per request, "
                      "this takes a while", highlight=False, soft_wrap=True)
    who = actor(as_user)
    failed = 0
    with database() as db, http.client() as client:
        for code in codes:
            outcome = update_source(db, client, code, first, last, who, url)
            if outcome.error or outcome.saved is None:
                failed += 1
                errors.print(f"[bold red]{code}:[/] {outcome.error}", highlight=False, soft_wrap=True)
                continue
            saved = outcome.saved
            console.print(
                f"{code}: {outcome.start} … {outcome.end}: {saved.added} added, {saved.changed} corrected, "
                f"{saved.unchanged} unchanged" + (f", {saved.replaced} illustrative replaced" if saved.replaced else ""),
                highlight=False,
                soft_wrap=True,
            )
    if failed:
        raise typer.Exit(1)


@fx_app.command("import")
def import_rates(
    file: Path = typer.Argument(..., help="CSV with columns date,currency,rate,scale,source"),
    skip_bad: bool = typer.Option(False, "--skip-bad", help="import the good rows of a file that has bad ones"),
    as_user: str | None = AS_OPTION,
) -> None:
    """Load official rates from a file (for networks with no internet access)."""
    try:
        check_path(file)
    except TableFileError as exc:
        fail(str(exc), REFUSED)
    try:
        rates, problems = read_rates(file)
    except TableFileError as exc:
        fail(f"{exc}; nothing was imported", REFUSED)
    for problem in problems:
        errors.print(f"  {problem}", highlight=False, soft_wrap=True)
    if problems and not skip_bad:
        fail(f"{file}: nothing was imported, {len(problems)} problem(s) listed above (--skip-bad imports the rest)", REFUSED)
    with database() as db, db.transaction(actor=actor(as_user), reason=f"fx import {file.name}") as session:
        saved = save_rates(session, rates)
    skipped = f", {len({p.row for p in problems})} bad row(s) skipped" if problems else ""
    console.print(
        f"{file}: {saved.added} added, {saved.changed} corrected, {saved.unchanged} unchanged{skipped}",
        highlight=False,
        soft_wrap=True,
    )


@fx_app.command("convert")
def convert_command(
    amount: str = typer.Argument(..., help="the amount, e.g. 100 or 1 234,50"),
    currency: str = typer.Argument(..., help="its currency, e.g. USD"),
    target: str = typer.Argument(..., help="the currency wanted, e.g. KGS"),
    on: str | None = typer.Option(None, "--on", help="date of the rate, YYYY-MM-DD (default: today)"),
    source: str | None = typer.Option(None, "--source", help="nbrb, nbkr or ecb (default: a bank of the pair)"),
    as_json: bool = typer.Option(False, "--json", help="print JSON"),
) -> None:
    """Convert at the official rate of a day, saying which rate, date and source were used."""
    try:
        value = parse_decimal(amount)
    except ValueError as exc:
        fail(f"amount: {exc}")
    day = parse_day(on, "--on") or date.today()
    if source:
        try:
            sources.get(source)
        except ValueError as exc:
            fail(str(exc))
    with database() as db, db.reading() as session:
        try:
            result = convert(session, Decimal(value), currency, target, day, source)
        except RateNotFound as exc:
            fail(f"{exc}. Fetch rates with `accord fx update --from {day}` or load them with `accord fx import`.")
    if as_json:
        console.print_json(json.dumps(result.as_dict(), ensure_ascii=False))
        return
    console.print(result.describe(), highlight=False, soft_wrap=True)


@fx_app.command("status")
def status() -> None:
    """Which official rates are stored, per bank."""
    with database() as db, db.reading() as session:
        rows = coverage(session)
    table = Table("source", "bank", "rates", "currencies", "first day", "last day", "illustrative")
    for row in rows:
        table.add_row(
            row.source, sources.SOURCES[row.source].name, str(row.rates), str(row.currencies),
            str(row.first or "—"), str(row.last or "—"), str(row.illustrative),
        )
    console.print(table)
    if any(row.illustrative for row in rows):
        console.print("Illustrative rates are example data shipped with the example, not the banks' own; "
                      "`accord fx update` replaces them with the bank's rates.", highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(fx_app, name="fx")
