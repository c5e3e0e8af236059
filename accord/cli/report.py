"""`accord report`: the session report as DOCX, XLSX or a print-ready HTML page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from accord.cli.common import console, fail, open_database, parse_day
from accord.reports import FORMATS, ReportError, render


def report(
    fmt: str = typer.Option(..., "--format", "-f", help="docx, xlsx or html (a print view)"),
    output: Path = typer.Option(..., "-o", "--output", help="file to write"),
    roadmap: str | None = typer.Option(None, "--roadmap", help="roadmap code (default: the first roadmap)"),
    as_of: str | None = typer.Option(None, "--as-of", help="report date, YYYY-MM-DD (default: today)"),
    since: str | None = typer.Option(
        None,
        "--since",
        help="count changes from this date (default: the last commission session before --as-of)",
    ),
    lang: str = typer.Option("ru", "--lang", help="ru or en"),
    currency: str | None = typer.Option(
        None, "--currency", help="currency of the trade section (default: the target's)"
    ),
) -> None:
    """Write the report for the commission's next session: progress, changes, late items, decisions, trade, annex."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        fail(f"format {fmt!r} is not supported: use {', '.join(FORMATS)}")
    if lang not in ("ru", "en"):
        fail(f"language {lang!r} is not supported: use ru or en")
    day = parse_day(as_of, "--as-of") or date.today()
    start = parse_day(since, "--since")
    if start is not None and start > day:
        fail(f"--since {start.isoformat()} is after the report date {day.isoformat()}")
    db = open_database()
    try:
        data = render(db, roadmap, as_of=day, since=start, fmt=fmt, lang=lang, currency=currency)
    except ReportError as exc:
        fail(str(exc))
    finally:
        db.dispose()
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(data)
    console.print(
        f"{output}: session report as of {day.isoformat()} ({fmt}, {lang}, {len(data):,} bytes)",
        highlight=False,
    )


def register(app: typer.Typer) -> None:
    app.command("report")(report)
