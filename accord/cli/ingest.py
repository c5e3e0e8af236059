"""`accord ingest | source | watch | review`: news into the record, and a person deciding on proposals."""

from __future__ import annotations

import json

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from sqlalchemy import select

from accord.cli.common import AS_OPTION, actor, console, fail, is_tty, open_database
from accord.ingest import review as reviews
from accord.ingest.run import Ingestor, Summary
from accord.ingest.text import canonical_url, is_url
from accord.ingest.watch import parse_every, watch
from accord.store.db import Database
from accord.store.models import FetchFailure, NewsSource

source_app = typer.Typer(
    help="Saved news sources (feeds and pages) that `accord watch` polls.", no_args_is_help=True
)
review_app = typer.Typer(
    help="Proposals the news reader made: list, accept, reject.", invoke_without_command=True
)

INGEST_ACTOR = "accord-ingest"


class _Bar:
    """A Rich progress bar over items (totals grow as feeds and folders are opened)."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task = progress.add_task("items", total=0)

    def total(self, n: int) -> None:
        current = self.progress.tasks[0].total or 0
        self.progress.update(self.task, total=current + n)

    def step(self, label: str) -> None:
        self.progress.update(self.task, advance=1, description=label[:40])


def _print_summary(summary: Summary, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(summary.to_dict(), ensure_ascii=False))
        return
    console.print(
        f"new {summary.new}, revised {summary.revised}, duplicates {summary.duplicates}, "
        f"failed {len(summary.failed)}, proposals {summary.proposals}"
        + (f", held back by the relevance gate {summary.skipped}" if summary.skipped else "")
        + (f", read in full after being held back {summary.reread}" if summary.reread else "")
    )
    for failure in summary.failed:
        console.print(f"  [red]failed[/] {failure['source']}: {failure['error']}", highlight=False)


def ingest(
    sources: list[str] = typer.Argument(
        ..., metavar="SOURCE", help="files, folders, page or feed URLs, saved source names"
    ),
    as_json: bool = typer.Option(False, "--json", help="print the summary as JSON"),
    no_gate: bool = typer.Option(
        False,
        "--no-gate",
        help="read every item in full, also those the relevance gate would hold back (and those it held back before)",
    ),
    queue: bool = typer.Option(False, "--queue", help="hand the items to `accord worker`s (ACCORD_BROKER_URL)"),
    no_wait: bool = typer.Option(False, "--no-wait", help="with --queue: print the batch and return at once"),
    as_user: str | None = AS_OPTION,
) -> None:
    """Read news into the record: items once each, people resolved, events grouped, evidence proposed.

    Items in which no interaction between states can be (no state with a cooperation cue and a
    partner) are stored unread with the reason, searchable; `--no-gate` reads them in full."""
    db = open_database()
    who = as_user or INGEST_ACTOR
    show_bar = not as_json and is_tty()
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    if queue and no_gate:
        fail("--no-gate reads items in this process; run it without --queue")
    if queue:
        _queued(db, sources, actor(who), as_json, no_wait, show_bar, columns)
    with Progress(*columns, console=console, disable=not show_bar, transient=True) as bar:
        with Ingestor(db, actor(who), progress=_Bar(bar), gate=not no_gate) as ingestor:
            summary = ingestor.run(sources)
    db.dispose()
    _print_summary(summary, as_json)
    raise typer.Exit(summary.exit_code)


def _queued(
    db: Database, sources: list[str], who: str, as_json: bool, no_wait: bool, show_bar: bool, columns: tuple
) -> None:
    """Send the items to the workers; wait for them (or not) and print the summary an in-process run prints."""
    from kombu.exceptions import OperationalError as BrokerUnreachable

    from accord.workers.app import BrokerMissing, make_app
    from accord.workers.dispatch import enqueue, wait

    try:
        app = make_app()
        sent = enqueue(app, db, who, sources)
    except BrokerMissing as exc:
        db.dispose()
        fail(str(exc), 2)
    except (OSError, BrokerUnreachable) as exc:
        db.dispose()
        fail(f"cannot reach the broker: {exc}", 2)
    if no_wait:
        db.dispose()
        out = {"batch": sent.batch_id, "queued": sent.items}
        typer.echo(json.dumps(out) if as_json else f"batch {sent.batch_id}: {sent.items} items queued")
        raise typer.Exit(0)
    with Progress(*columns, console=console, disable=not show_bar, transient=True) as bar:
        task = bar.add_task("items", total=0)
        summary = wait(db, sent, lambda done, total: bar.update(task, completed=done, total=total))
    db.dispose()
    _print_summary(summary, as_json)
    raise typer.Exit(summary.exit_code)


@source_app.command("add")
def source_add(
    name: str,
    url: str,
    kind: str = typer.Option("feed", "--kind", help="feed or page"),
) -> None:
    """Save a source for `accord watch` (and for `accord ingest NAME`)."""
    if kind not in ("feed", "page"):
        fail("--kind must be feed or page")
    if not is_url(url):
        fail(f"{url!r} is not an http(s) URL")
    db = open_database()
    with db.transaction() as session:
        if session.scalar(select(NewsSource).where(NewsSource.name == name)) is not None:
            fail(f"a source named {name!r} exists already")
        session.add(NewsSource(name=name, url=canonical_url(url), kind=kind))
    console.print(f"saved {kind} {name}: {url}", highlight=False)


@source_app.command("list")
def source_list() -> None:
    """Saved sources with their last poll and last error."""
    db = open_database()
    with db.reading() as session:
        rows = session.scalars(select(NewsSource).order_by(NewsSource.name)).all()
    if not rows:
        console.print("no saved sources: add one with `accord source add NAME URL --kind feed`")
        return
    table = Table()
    for column in ("name", "kind", "url", "last polled", "last ok", "last error"):
        table.add_column(column)
    for s in rows:
        table.add_row(s.name, s.kind, s.url, _when(s.last_polled_at), _when(s.last_ok_at), s.last_error or "")
    console.print(table)


@source_app.command("show")
def source_show(
    name: str, errors: int = typer.Option(10, "--errors", help="how many recent errors to list")
) -> None:
    """One source: its URL, validators, last polls and its recent failed fetches with reasons."""
    db = open_database()
    with db.reading() as session:
        src = session.scalar(select(NewsSource).where(NewsSource.name == name))
        if src is None:
            fail(f"no source named {name!r} (see `accord source list`)")
        failures = session.scalars(
            select(FetchFailure)
            .where(FetchFailure.news_source_id == src.id)
            .order_by(FetchFailure.id.desc())
            .limit(errors)
        ).all()
    console.print(f"[bold]{src.name}[/] ({src.kind}) {src.url}", highlight=False)
    console.print(
        f"last polled: {_when(src.last_polled_at)}; last ok: {_when(src.last_ok_at)}", highlight=False
    )
    console.print(f"ETag: {src.etag or '-'}; Last-Modified: {src.last_modified or '-'}", highlight=False)
    if not failures:
        console.print("no failed fetches")
        return
    console.print("last errors:")
    for f in failures:
        console.print(f"  {_when(f.at)}  {f.url or f.source}: {f.error}", highlight=False)


def watch_command(
    names: list[str] | None = typer.Argument(
        None, metavar="NAME", help="saved sources to poll (default: all)"
    ),
    every: str = typer.Option("15m", "--every", help="interval between rounds: 30s, 15m, 1h"),
    rounds: int | None = typer.Option(None, "--rounds", help="stop after this many rounds"),
    as_json: bool = typer.Option(False, "--json", help="print each round's summary as JSON"),
    queue: bool = typer.Option(
        False, "--queue", help="send each due source's poll to `accord worker`s (one poll per source at a time)"
    ),
    as_user: str | None = AS_OPTION,
) -> None:
    """Poll the saved sources every interval (conditional GET; one failing source never stops the others)."""
    try:
        seconds = parse_every(every)
    except ValueError as exc:
        fail(str(exc))
    db = open_database()
    if queue:
        _watch_queued(db, seconds, rounds, names or None, as_json)
        return
    who = actor(as_user or INGEST_ACTOR)

    def report(number: int, summary: Summary) -> None:
        if not as_json:
            console.print(f"[bold]round {number}[/]")
        _print_summary(summary, as_json)

    try:
        watch(db, who, seconds, rounds, names or None, on_round=report)
    except KeyboardInterrupt:
        console.print("stopped")


def _watch_queued(db: Database, seconds: float, rounds: int | None, names: list[str] | None, as_json: bool) -> None:
    from accord.workers import schedule
    from accord.workers.app import BrokerMissing, make_app

    try:
        app = make_app()
    except BrokerMissing as exc:
        db.dispose()
        fail(str(exc), 2)

    def report(number: int, sent: list[str]) -> None:
        if as_json:
            typer.echo(json.dumps({"round": number, "polls_sent": sent}, ensure_ascii=False))
        elif sent:
            console.print(f"round {number}: polls sent for {', '.join(sent)}", highlight=False)

    try:
        schedule.run(app, db, seconds, rounds, names, on_round=report)
    except KeyboardInterrupt:
        console.print("stopped")
    finally:
        db.dispose()


@review_app.callback()
def review_list(
    ctx: typer.Context,
    limit: int = typer.Option(50, "--limit", help="how many proposals to list"),
    as_json: bool = typer.Option(False, "--json", help="print the queue as JSON"),
) -> None:
    """List pending proposals (most confident first); `accept ID` / `reject ID` decide one."""
    if ctx.invoked_subcommand is not None:
        return
    db = open_database()
    with db.reading() as session:
        queue = reviews.listing(session, limit)
    if as_json:
        typer.echo(json.dumps(queue, ensure_ascii=False))
        return
    if not queue["items"]:
        console.print("no proposals waiting for review")
        return
    table = Table()
    for column in ("id", "score", "proposal", "target", "reason", "item"):
        table.add_column(column)
    for entry in queue["items"]:
        item = entry["item"]
        headline = item["title"] or item["url"] or ""
        dated = f"{item['date']} ({item['date_basis']})" if item["date"] else "undated"
        table.add_row(
            str(entry["id"]),
            f"{entry['score'] or 0:.2f}",
            entry["kind"] or "",
            target_label(entry["target"]),
            entry["reason"] or "",
            f"{headline[:60]}\n{dated}",
        )
    console.print(table)
    if queue["total"] > len(queue["items"]):
        console.print(f"{len(queue['items'])} of {queue['total']} shown: --limit N shows more")


@review_app.command("accept")
def review_accept(
    evidence_id: int = typer.Argument(..., metavar="ID"),
    note: str | None = typer.Option(None, "--note", help="a note kept with the decision"),
    as_user: str | None = AS_OPTION,
) -> None:
    """Accept a proposal: it becomes evidence and its step is applied (audited, with the source as reason)."""
    db = open_database()
    who = actor(as_user)
    try:
        with db.transaction(actor=who) as session:
            evidence = reviews.accept(session, evidence_id, who, note)
            target = evidence.target
    except reviews.ReviewError as exc:
        fail(str(exc))
    what = f"{target[0]} {target[1]}" if target else "no target"
    console.print(
        f"accepted proposal {evidence_id} ({what})" + (f": {evidence.note}" if evidence.note else ""),
        highlight=False,
    )


@review_app.command("reject")
def review_reject(
    evidence_id: int = typer.Argument(..., metavar="ID"),
    why: str | None = typer.Option(None, "--why", help="why it is not evidence"),
    as_user: str | None = AS_OPTION,
) -> None:
    """Reject a proposal; nothing in the record changes."""
    db = open_database()
    who = actor(as_user)
    try:
        with db.transaction(actor=who) as session:
            reviews.reject(session, evidence_id, who, why)
    except reviews.ReviewError as exc:
        fail(str(exc))
    console.print(f"rejected proposal {evidence_id}")


def target_label(target: dict[str, object]) -> str:
    """What a proposal is about, or for a ``new_…`` proposal what accepting it would add."""
    title = str(target.get("title") or "")[:60]
    if target.get("new"):
        parties = "–".join(str(c) for c in target.get("parties") or [])  # type: ignore[attr-defined]
        signed = f", signed {target['signed_on']}" if target.get("signed_on") else ""
        return f"adds {target.get('kind') or 'agreement'} «{title}»{signed}" + (f" ({parties})" if parties else "")
    if target.get("type") == "measure":
        return f"measure {target['number']}"
    step = f" → {target['to']}" if target.get("to") else ""
    return f"{target.get('type')} {target.get('id')}: {title}{step}"


def _when(value: object) -> str:
    return f"{value:%Y-%m-%d %H:%M} UTC" if value is not None else "-"


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("watch")(watch_command)
    app.add_typer(source_app, name="source")
    app.add_typer(review_app, name="review")
