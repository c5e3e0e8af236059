"""`accord init | demo | status | measure | audit`: the record from the terminal."""

from __future__ import annotations

from datetime import date

import typer
from rich.table import Table
from sqlalchemy import select

from accord.cli.common import AS_OPTION, actor, console, fail, open_database
from accord.domain.due import DueError, parse_due
from accord.domain.labels import label
from accord.domain.numbering import normalise_number
from accord.domain.status import MeasureStatus, TransitionError, parse_measure_status
from accord.store import migrate
from accord.store.audit import ConflictError
from accord.store.edits import MeasureEdit, edit_measure
from accord.store.models import AuditEntry, Roadmap
from accord.store.progress import default_roadmap, find_measure, progress, upcoming

measure_app = typer.Typer(help="Show and update one measure of the roadmap.", no_args_is_help=True)

ROADMAP_OPTION = typer.Option(None, "--roadmap", help="roadmap code (default: the first)")


def init() -> None:
    """Create the database, or migrate it to the current schema (the only command that migrates)."""
    db = open_database(upgrade=True)
    console.print(f"database ready at {db.engine.url.render_as_string(hide_password=True)} (schema {migrate.current_revision(db)})")


def demo(
    load: bool = typer.Option(False, "--load", help="fill an empty database with the example"),
    if_empty: bool = typer.Option(False, "--if-empty", help="do nothing (and succeed) if a roadmap exists"),
    no_news: bool = typer.Option(False, "--no-news", help="load the roadmap and its records only, without the example's news"),
) -> None:
    """The shipped Belarus–Kyrgyzstan 2030 example (its measures and news are illustrative and say so)."""
    from accord.demo.example import EXAMPLE_CODE, load_example
    from accord.demo.news_items import DemoNewsError, load_news

    if not load:
        fail("say --load to fill the database with the example")
    db = open_database(create=True)
    with db.reading() as session:
        if session.scalars(select(Roadmap).limit(1)).first() is not None:
            if if_empty:
                console.print("the database already holds a roadmap; the example was not loaded")
                return
            fail("the database already holds a roadmap; the example loads only into an empty database")
    summary = load_example(db, date.today())
    console.print(f"loaded the example roadmap {EXAMPLE_CODE}: " + ", ".join(f"{v} {k}" for k, v in summary.items()))
    if no_news:
        return
    try:
        news = load_news(db)
    except DemoNewsError as exc:
        fail(f"the example's news did not load as declared: {exc}")
    console.print(
        f"read {news.items} illustrative news items in {news.seconds:.1f} s: {news.events} events, "
        f"{news.pending} proposals waiting for review, {news.accepted} accepted as accord-demo",
        highlight=False,
    )


def status(roadmap: str | None = ROADMAP_OPTION, days: int = typer.Option(90, help="how far ahead to list deadlines")) -> None:
    """Progress per direction and the next deadlines."""
    db = open_database()
    today = date.today()
    with db.reading() as session:
        target = default_roadmap(session, roadmap)
        if target is None:
            fail("there is no roadmap yet: run `accord demo --load` or `accord import roadmap FILE`")
        state = progress(session, target, today)
        title = target.title + (" — illustrative example measures" if target.illustrative else "")
        table = Table(title=title, title_justify="left")
        for column in ("direction", "total", "done", "in progress", "planned", "cancelled", "overdue"):
            table.add_column(column, justify="left" if column == "direction" else "right")
        for row in [*state.directions, state.totals]:
            label = row.direction.title if row.direction else "[bold]all directions[/]"
            overdue = f"[red]{row.overdue}[/]" if row.overdue else "0"
            table.add_row(label, str(row.total), str(row.done), str(row.in_progress), str(row.planned), str(row.cancelled), overdue)
        console.print(table)
        soon = upcoming(session, target, today, days)
        deadlines = Table(title=f"Deadlines in the next {days} days", title_justify="left")
        for column in ("№", "due", "measure", "status"):
            deadlines.add_column(column)
        for m in soon:
            deadlines.add_row(m.number, m.due_on.isoformat() if m.due_on else "", m.title, m.status)
        console.print(deadlines if soon else f"No deadlines in the next {days} days.")


@measure_app.command("show")
def measure_show(number: str, roadmap: str | None = ROADMAP_OPTION) -> None:
    """Everything about one measure: responsible bodies, deadline, status, notes."""
    db = open_database()
    today = date.today()
    with db.reading() as session:
        target, measure = _measure(session, roadmap, number)
        console.print(f"[bold]{measure.number}[/] {measure.title}", highlight=False)
        if measure.illustrative:
            console.print("[yellow]illustrative example data[/]")
        rows = [
            ("direction", measure.direction.title),
            ("due", measure.due.format() + ("  [red](overdue)[/]" if measure.is_overdue(today) else "")),
            ("status", f"{measure.status} ({label(MeasureStatus(measure.status), 'ru')})"),
            ("expected result", measure.expected_result or "—"),
            ("version", str(measure.version)),
        ]
        for party in target.party_codes:
            rows.append((f"responsible ({party})", "; ".join(o.name for o in measure.responsible(party)) or "—"))
        for name, value in rows:
            console.print(f"  [dim]{name}:[/] {value}", highlight=False)
        for note in measure.notes:
            console.print(f"  [dim]{note.on.isoformat()}[/] {note.text} [dim]({note.author or '—'})[/]", highlight=False)


@measure_app.command("set")
def measure_set(
    number: str,
    status: str | None = typer.Option(None, help="planned, in_progress, done or cancelled"),
    note: str | None = typer.Option(None, help="a progress note"),
    due: str | None = typer.Option(None, help="31.12.2026, IV квартал 2026, 2026 or постоянно"),
    version: int | None = typer.Option(None, help="refuse the change if the measure is no longer at this version"),
    roadmap: str | None = ROADMAP_OPTION,
    as_user: str | None = AS_OPTION,
) -> None:
    """Change a measure's status, deadline or note (audited)."""
    try:
        edit = MeasureEdit(
            status=parse_measure_status(status) if status else None,
            note=note,
            due=parse_due(due) if due else None,
        )
    except (ValueError, DueError) as exc:
        fail(str(exc))
    if edit == MeasureEdit():
        fail("nothing to change: give --status, --due or --note")
    who = actor(as_user)
    db = open_database()
    try:
        with db.transaction(actor=who) as session:
            _, measure = _measure(session, roadmap, number)
            changed = edit_measure(session, measure, edit, who, date.today(), based_on=version)
    except (TransitionError, ConflictError) as exc:
        fail(str(exc))
    console.print(f"measure {normalise_number(number)}: " + (", ".join(changed) + " changed" if changed else "no change"))


def _measure(session, roadmap: str | None, number: str):  # type: ignore[no-untyped-def]
    target = default_roadmap(session, roadmap)
    if target is None:
        fail("there is no roadmap yet")
    try:
        key = normalise_number(number)
    except ValueError as exc:
        fail(str(exc))
    measure = find_measure(session, target, key)
    if measure is None:
        fail(f"roadmap {target.code} has no measure {key}")
    return target, measure


def audit(
    entity: str | None = typer.Option(None, "--entity", help="e.g. measure:2.3 or agreement:4"),
    limit: int = typer.Option(50, help="how many entries, newest first"),
    roadmap: str | None = ROADMAP_OPTION,
) -> None:
    """Who changed what and when."""
    db = open_database()
    with db.reading() as session:
        query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        if entity:
            kind, _, key = entity.partition(":")
            if not key:
                fail("--entity takes KIND:KEY, e.g. measure:2.3")
            if kind == "measure":
                target, measure = _measure(session, roadmap, key)
                query = query.where(AuditEntry.entity == "measure", AuditEntry.entity_id == measure.id)
            else:
                query = query.where(AuditEntry.entity == kind)
                query = query.where((AuditEntry.entity_key == key) | (AuditEntry.entity_id == (int(key) if key.isdigit() else -1)))
        entries = list(session.scalars(query))
        table = Table(title="Audit trail (newest first)", title_justify="left")
        for column in ("when (UTC)", "who", "what", "field", "old", "new", "why"):
            table.add_column(column, overflow="fold")
        for e in entries:
            table.add_row(
                f"{e.at:%Y-%m-%d %H:%M:%S}", e.actor, f"{e.action} {e.entity} {e.entity_key}", e.field or "", e.old or "", e.new or "", e.reason or ""
            )
        console.print(table if entries else "No audit entries.")


def register(app: typer.Typer) -> None:
    app.command()(init)
    app.command()(demo)
    app.command()(status)
    app.command()(audit)
    app.add_typer(measure_app, name="measure")
