"""The `accord` command: each group of subcommands lives in its own module and registers here."""

from __future__ import annotations

import typer

from accord import logs
from accord.cli import (
    accounts,
    commission,
    extract,
    fx,
    ingest,
    records,
    registers,
    remind,
    report,
    roadmap_io,
    roadmaps,
    trade,
    web,
    worker,
)
from accord.cli.common import fail

app = typer.Typer(
    name="accord",
    help="Run an intergovernmental cooperation roadmap: measures, agreements, projects, commission, trade, news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def main() -> None:
    """Run an intergovernmental cooperation roadmap: measures, agreements, projects, commission, trade, news."""
    try:
        logs.configure()
    except ValueError as exc:
        fail(str(exc), 2)


for module in (records, registers, commission, roadmaps, roadmap_io, extract, ingest, fx, trade, report, remind, web,
               accounts, worker):
    module.register(app)


if __name__ == "__main__":
    app()
