"""`accord import roadmap FILE` and `accord export roadmap`: the spreadsheet round trip."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path

import typer

from accord.cli.common import AS_OPTION, actor, console, errors, fail, open_database
from accord.io import roadmap_export
from accord.io.roadmap_sync import ImportRefused, import_table
from accord.io.table_files import TableFileError, check_path, iter_table
from accord.store.progress import default_roadmap

#: the exit code of an import that refused its file (nothing was written)
REFUSED = 2

import_app = typer.Typer(help="Load data from files (roadmap tables, trade figures).", no_args_is_help=True)
export_app = typer.Typer(help="Write data out as files.", no_args_is_help=True)


class ExportFormat(StrEnum):
    xlsx = "xlsx"
    csv = "csv"
    json = "json"


@import_app.command("roadmap")
def import_roadmap(
    file: Path = typer.Argument(
        ..., help="an .xlsx, .csv or .docx table: № | Направление | Мероприятие | Ответственные (XX) …"
    ),
    roadmap: str | None = typer.Option(None, help="roadmap code (default: the first)"),
    as_user: str | None = AS_OPTION,
) -> None:
    """Create and update measures from a table; all or nothing, every change audited."""
    try:
        check_path(file)  # a folder, a missing, empty or unreadable file is refused before the database is opened
    except TableFileError as exc:
        fail(str(exc), REFUSED)
    db = open_database()
    who = actor(as_user)
    try:
        with db.transaction(actor=who, reason=f"import {file.name}") as session:
            target = default_roadmap(session, roadmap)
            if target is None:
                fail("there is no roadmap to import into: run `accord demo --load` or create one first")
            result = import_table(session, iter_table(file), target, who, date.today())
    except TableFileError as exc:
        fail(f"{exc}; nothing was imported", REFUSED)
    except ImportRefused as exc:
        errors.print(
            f"[bold red]{file}: nothing was imported, {len(exc.problems)} problem(s):[/]", highlight=False
        )
        for problem in exc.problems:
            errors.print(f"  {problem}", highlight=False, soft_wrap=True)
        raise typer.Exit(REFUSED) from None
    finally:
        db.dispose()
    console.print(
        f"{file}: {len(result.created)} created, {len(result.updated)} updated, {len(result.unchanged)} unchanged"
        + (
            f" (updated: {', '.join(result.updated[:50])}{' …' if len(result.updated) > 50 else ''})"
            if result.updated
            else ""
        ),
        highlight=False,
    )


@export_app.command("roadmap")
def export_roadmap(
    format: ExportFormat = typer.Option(ExportFormat.xlsx, "--format", "-f", help="xlsx, csv or json"),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="file to write (csv and json default to stdout)"
    ),
    roadmap: str | None = typer.Option(None, help="roadmap code (default: the first)"),
) -> None:
    """Write the roadmap table in the layout ministries use."""
    if format is ExportFormat.xlsx and output is None:
        fail("an .xlsx export needs a file: -o FILE.xlsx")
    db = open_database()
    with db.reading() as session:
        target = default_roadmap(session, roadmap)
        if target is None:
            fail("there is no roadmap to export")
        if format is ExportFormat.xlsx:
            assert output is not None
            with output.open("wb") as stream:
                roadmap_export.write_xlsx(session, target, stream)
            text = None
        elif format is ExportFormat.csv:
            text = roadmap_export.to_csv(session, target)
        else:
            text = json.dumps(roadmap_export.to_json(session, target), ensure_ascii=False, indent=1) + "\n"
    if text is None:
        errors.print(f"wrote {output}")
    elif output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        errors.print(f"wrote {output}")


def register(app: typer.Typer) -> None:
    app.add_typer(import_app, name="import")
    app.add_typer(export_app, name="export")
