"""`accord roadmap create | list`: roadmaps for any pair or group of countries."""

from __future__ import annotations

import typer
from rich.table import Table
from sqlalchemy import select

from accord.cli.common import AS_OPTION, actor, console, fail, open_database, parse_day
from accord.store.models import Roadmap
from accord.store.roadmaps import RoadmapError, create_roadmap

roadmap_app = typer.Typer(help="Create and list roadmaps.", no_args_is_help=True)


@roadmap_app.command("create")
def create(
    code: str = typer.Argument(..., help="short code, e.g. uz-kz-2030"),
    title: str = typer.Option(..., "--title", help="the roadmap's title"),
    parties: str = typer.Option(..., "--parties", help="ISO codes of the parties, comma-separated, e.g. UZ,KZ"),
    signed_on: str | None = typer.Option(None, "--signed-on", help="YYYY-MM-DD"),
    horizon: int | None = typer.Option(None, "--horizon", help="the year it runs to"),
    as_user: str | None = AS_OPTION,
) -> None:
    """Create an empty roadmap; then `accord import roadmap FILE --roadmap CODE` fills it."""
    signed = parse_day(signed_on, "--signed-on")
    db = open_database(create=True)
    try:
        with db.transaction(actor=actor(as_user), reason="accord roadmap create") as session:
            made = create_roadmap(session, code, title, parties.split(","), signed, horizon)
            parties_text = ", ".join(made.party_codes)
    except RoadmapError as exc:
        fail(str(exc))
    console.print(f"created roadmap {code} ({parties_text})")


@roadmap_app.command("list")
def list_roadmaps() -> None:
    """Every roadmap in the database."""
    db = open_database()
    with db.reading() as session:
        table = Table(title="Roadmaps", title_justify="left")
        for column in ("code", "title", "parties", "signed", "to", "measures"):
            table.add_column(column)
        for rm in session.scalars(select(Roadmap).order_by(Roadmap.id)):
            table.add_row(
                rm.code,
                rm.title + (" (illustrative measures)" if rm.illustrative else ""),
                ", ".join(rm.party_codes),
                rm.signed_on.isoformat() if rm.signed_on else "",
                str(rm.horizon_year or ""),
                str(len(rm.measures)),
            )
        console.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(roadmap_app, name="roadmap")
