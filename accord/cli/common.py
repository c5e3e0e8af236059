"""What every command shares: the database, the acting user, the console, clean failures."""

from __future__ import annotations

import getpass
import logging
import sys
from datetime import date
from typing import NoReturn

import typer
from rich.console import Console

from accord import settings
from accord.store import migrate
from accord.store.db import Database

log = logging.getLogger(__name__)
console = Console()
errors = Console(stderr=True)

AS_OPTION = typer.Option(None, "--as", help="user the change is recorded under (default: $ACCORD_USER)")


def fail(message: str, code: int = 1) -> NoReturn:
    """Print the reason and exit; with ACCORD_LOG_LEVEL=DEBUG the exception behind it is logged too."""
    log.debug("refused: %s", message, exc_info=sys.exc_info()[0] is not None)
    errors.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def parse_day(text: str | None, option: str) -> date | None:
    """A date option given as YYYY-MM-DD, or a clear failure naming the option."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(f"{option} {text!r} is not a date: use YYYY-MM-DD, e.g. 2026-11-27")


def open_database(create: bool = False, upgrade: bool = False) -> Database:
    """The configured database, at the schema this accord needs.

    Only `accord init` migrates (``upgrade``): a read never changes the schema behind
    a running server. A database at another revision is refused with exit code 2 and
    the way out. A new, empty database is created by `init`, `demo --load` and
    `roadmap create` (``create``); other commands refuse it rather than silently making
    an empty one somewhere unexpected.
    """
    db = Database()
    where = db.engine.url.render_as_string(hide_password=True)
    try:
        current = migrate.current_revision(db)
    except Exception as exc:  # noqa: BLE001 - any driver error means the same to a user
        fail(f"cannot open the database {where}: {exc}")
    if current is None and not (create or upgrade):
        fail("the database is not initialised: run `accord init` (or `accord demo --load`) first")
    head = migrate.head_revision(db)
    if current == head:
        return db
    if current is not None and not migrate.is_known(db, current):
        fail(f"the database at {where} is at revision {current}, which this accord does not know "
             f"(it needs {head}): it was written by a newer accord", 2)
    if current is not None and not upgrade:
        fail(f"the database at {where} is at revision {current}, this accord needs {head}: run `accord init`", 2)
    migrate.upgrade(db)
    return db


def actor(as_user: str | None) -> str:
    """Who a CLI change is recorded under: --as, then $ACCORD_USER, then the login name."""
    name = as_user or settings.load().user
    if name:
        return name
    try:
        return f"cli:{getpass.getuser()}"
    except Exception:  # noqa: BLE001 - no login name in some containers
        fail("say who makes this change: --as NAME or ACCORD_USER=NAME")


def is_tty() -> bool:
    return sys.stdout.isatty()
