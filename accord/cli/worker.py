"""`accord worker`: a Celery worker that reads news items from the queue; `accord worker status` lists them."""

from __future__ import annotations

import json

import typer
from rich.table import Table

from accord.cli.common import console, fail, open_database

worker_app = typer.Typer(
    help="Celery workers that ingest queued news items (broker: ACCORD_BROKER_URL).", invoke_without_command=True
)


@worker_app.callback()
def worker(
    ctx: typer.Context,
    concurrency: int = typer.Option(1, "--concurrency", "-c", help="items read at once by this worker"),
    pool: str = typer.Option("prefork", "--pool", help="prefork (processes), threads or solo"),
    name: str | None = typer.Option(None, "--name", help="the worker's name (default accord@HOST)"),
    loglevel: str = typer.Option("INFO", "--loglevel", help="Celery's log level"),
) -> None:
    """Start a worker: it takes items from the queue and stores them in ACCORD_DATABASE_URL."""
    if ctx.invoked_subcommand is not None:
        return
    from accord.workers.app import BrokerMissing, make_app

    open_database().dispose()  # refuse a database at another schema before taking any work
    try:
        app = make_app()
    except BrokerMissing as exc:
        fail(str(exc), 2)
    argv = ["worker", f"--pool={pool}", f"--concurrency={concurrency}", f"--loglevel={loglevel}"]
    argv += ["-Q", app.conf.task_default_queue, "--without-gossip", "--without-mingle"]
    if name:
        argv.append(f"--hostname={name}")
    else:
        argv.append("--hostname=accord@%h")
    app.worker_main(argv)


@worker_app.command("status")
def status(
    as_json: bool = typer.Option(False, "--json", help="print as JSON"),
    timeout: float = typer.Option(2.0, "--timeout", help="seconds to wait for the workers to answer"),
) -> None:
    """Live workers (each one's running and processed items) and the queue's depth."""
    from accord.workers.app import BrokerMissing, make_app
    from accord.workers.status import health

    try:
        app = make_app()
    except BrokerMissing as exc:
        fail(str(exc), 2)
    db = open_database()
    try:
        found = health(app, db, timeout)
    except OSError as exc:
        fail(f"cannot reach the broker: {exc}", 2)
    finally:
        db.dispose()
    if as_json:
        typer.echo(json.dumps(found.to_dict(), ensure_ascii=False))
        return
    if not found.workers:
        console.print("no live workers answered")
    else:
        table = Table()
        for column in ("worker", "pid", "concurrency", "running", "processed"):
            table.add_column(column)
        for w in found.workers:
            table.add_row(w.name, str(w.pid or ""), str(w.concurrency or ""), str(w.active), str(w.processed))
        console.print(table)
    console.print(
        f"queue {found.queue}: {found.waiting} messages waiting; {found.queued_items} items not done yet",
        highlight=False,
    )


def register(app: typer.Typer) -> None:
    app.add_typer(worker_app, name="worker")
