"""`accord serve` runs the web application; `accord search reindex` rebuilds the search index."""

from __future__ import annotations

import typer

from accord.cli.common import actor, console, open_database

search_app = typer.Typer(help="The full-text search index.", no_args_is_help=True)


def serve(
    host: str = typer.Option("127.0.0.1", help="address to listen on"),
    port: int = typer.Option(8000, help="port to listen on"),
    workers: int = typer.Option(1, help="worker processes"),
) -> None:
    """Run the web application and the API (http://HOST:PORT, API docs at /api/docs)."""
    import uvicorn
    from sqlalchemy import select

    from accord import settings
    from accord.store.models import User

    db = open_database()
    with db.reading() as session:
        has_users = session.scalars(select(User.id).limit(1)).first() is not None
    db.dispose()
    if not has_users:
        console.print("no accounts yet: create one with `accord user add NAME --role admin`"
                      + ("" if settings.load().public_read else " (or set ACCORD_PUBLIC_READ=1 to read without one)"))
    console.print(f"accord on http://{host}:{port}  (API docs: http://{host}:{port}/api/docs)")
    # accord.logs configures uvicorn's loggers too (in each worker): one format, one level, request ids;
    # proxy headers are believed only from ACCORD_TRUSTED_PROXIES, by the app itself (uvicorn would trust loopback)
    uvicorn.run("accord.web.asgi:app", host=host, port=port, workers=workers, log_config=None,
                log_level=settings.load().log_level.lower(), access_log=False, proxy_headers=False)


@search_app.command("reindex")
def reindex() -> None:
    """Rebuild the search index from the record (after a restore or a bulk load)."""
    from accord.store.indexing import reindex as rebuild

    db = open_database()
    with db.transaction(actor=actor(None), reason="accord search reindex") as session:
        counts = rebuild(session)
    console.print("indexed " + ", ".join(f"{n} {kind}" for kind, n in counts.items()))


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(search_app, name="search")
