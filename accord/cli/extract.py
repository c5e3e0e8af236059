"""`accord extract PATH_OR_URL...`: read news items and print what they say, one JSON object per line.

Inputs run in order; an unreadable one prints ``{"source": …, "error": …}`` and the others
still run; the exit code is 1 if any input failed.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

import typer

from accord import __version__
from accord.net import Client, FetchError, Policy
from accord.news import extract_article
from accord.news.reader import MAX_BYTES, UnreadableInput, read_bytes, read_path

log = logging.getLogger(__name__)

#: the reader's own size limit is the cap; redirects, retries and timeouts are the client's
POLICY = Policy(timeout=20.0, max_bytes=MAX_BYTES)


def _is_url(arg: str) -> bool:
    return arg.startswith(("http://", "https://"))


def client() -> Client:
    return Client(
        POLICY, user_agent=f"accord/{__version__} (extract)", headers={"Accept-Language": "ru,en;q=0.5"}
    )


def fetch(url: str, http: Client) -> tuple[bytes, str | None]:
    """Download a page with the client's limits; a failure is the reader's UnreadableInput."""
    try:
        fetched = http.get(url)
    except FetchError as exc:
        raise UnreadableInput(f"cannot fetch {url}: {exc.reason}") from None
    return fetched.body, fetched.content_type


def extract_one(arg: str, http: Client | None = None) -> dict[str, Any]:
    """The contract's object for one path or URL, or an error object; never raises for bad input."""
    try:
        if _is_url(arg):
            if http is None:
                with client() as own:
                    data, content_type = fetch(arg, own)
            else:
                data, content_type = fetch(arg, http)
            article = read_bytes(data, arg, content_type)
        else:
            article = read_path(arg)
        return extract_article(article).to_dict()
    except UnreadableInput as exc:
        log.info("%s: %s", arg, exc.reason, exc_info=log.isEnabledFor(logging.DEBUG))
        return {"source": arg, "error": exc.reason}


def run(inputs: list[str]) -> Iterator[dict[str, Any]]:
    """Each input in order, through one connection pool."""
    with client() as http:
        for arg in inputs:
            yield extract_one(arg, http)


def register(app: typer.Typer) -> None:
    """Add the ``extract`` command to the main application."""

    @app.command("extract")
    def extract_command(
        inputs: list[str] = typer.Argument(..., metavar="PATH_OR_URL...", help="News files or web pages."),
        pretty: bool = typer.Option(False, "--pretty", help="Indent each JSON object."),
    ) -> None:
        """Read Russian news items and print the cooperation facts found in each (JSON Lines)."""
        failed = False
        for obj in run(inputs):
            failed = failed or "error" in obj
            typer.echo(json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None))
        raise typer.Exit(1 if failed else 0)


def _standalone() -> typer.Typer:
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    register(app)

    @app.callback()
    def _main() -> None:
        """News reader."""

    return app


if __name__ == "__main__":
    _standalone()()
