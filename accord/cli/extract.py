"""`accord extract PATH_OR_URL...`: read news items and print what they say, one JSON object per line.

Inputs run in order; an unreadable one prints ``{"source": …, "error": …}`` and the others
still run; the exit code is 1 if any input failed.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

import httpx
import typer

from accord.news import extract_article
from accord.news.reader import MAX_BYTES, UnreadableInput, read_bytes, read_path

log = logging.getLogger(__name__)

FETCH_TIMEOUT = 20.0


def _is_url(arg: str) -> bool:
    return arg.startswith(("http://", "https://"))


def fetch(url: str, client: httpx.Client | None = None) -> tuple[bytes, str | None]:
    """Download a page with a timeout and the reader's size limit."""
    own = client is None
    client = client or httpx.Client(timeout=FETCH_TIMEOUT, follow_redirects=True)
    try:
        with client.stream("GET", url) as resp:
            if resp.status_code >= 400:
                raise UnreadableInput(f"HTTP {resp.status_code} from {url}")
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > MAX_BYTES:
                raise UnreadableInput(f"input is larger than {MAX_BYTES // (1024 * 1024)} MB")
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > MAX_BYTES:
                    raise UnreadableInput(f"input is larger than {MAX_BYTES // (1024 * 1024)} MB")
                chunks.append(chunk)
            return b"".join(chunks), resp.headers.get("content-type")
    except httpx.HTTPError as exc:
        raise UnreadableInput(f"cannot fetch {url}: {exc.__class__.__name__}") from exc
    finally:
        if own:
            client.close()


def extract_one(arg: str, client: httpx.Client | None = None) -> dict[str, Any]:
    """The contract's object for one path or URL, or an error object; never raises for bad input."""
    try:
        if _is_url(arg):
            data, content_type = fetch(arg, client)
            article = read_bytes(data, arg, content_type)
        else:
            article = read_path(arg)
        return extract_article(article).to_dict()
    except UnreadableInput as exc:
        log.info("%s: %s", arg, exc.reason, exc_info=log.isEnabledFor(logging.DEBUG))
        return {"source": arg, "error": exc.reason}


def run(inputs: list[str]) -> Iterator[dict[str, Any]]:
    for arg in inputs:
        yield extract_one(arg)


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
