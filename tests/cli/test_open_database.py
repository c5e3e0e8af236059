"""Only `accord init` migrates; every other command says so when the schema is behind."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from accord.store import migrate
from accord.store.db import Database


def revision(url: str) -> str | None:
    db = Database(url)
    try:
        return migrate.current_revision(db)
    finally:
        db.dispose()


def step_back(url: str) -> tuple[str, str]:
    """The database one migration behind; returns (its revision, the head)."""
    db = Database(url)
    try:
        head = migrate.head_revision(db)
        migrate.downgrade(db, "-1")
        behind = migrate.current_revision(db)
    finally:
        db.dispose()
    assert behind is not None and head is not None and behind != head
    return behind, head


def test_a_command_on_a_database_behind_the_code_says_run_init(cli: Any) -> None:
    cli("init")
    behind, head = step_back(cli.url)
    for command in (["status"], ["roadmap", "list"], ["demo", "--load"], ["review"]):
        result = cli(*command, ok=False)
        assert result.exit_code == 2, (command, result.output)
        assert f"is at revision {behind}, this accord needs {head}: run `accord init`" in result.output
        assert "Traceback" not in result.output
    assert revision(cli.url) == behind  # nothing was migrated behind the reader's back
    assert f"schema {head}" in cli("init").output
    assert revision(cli.url) == head
    assert "there is no roadmap yet" in cli("status", ok=False).output


def test_a_database_from_a_newer_accord_is_refused(cli: Any) -> None:
    cli("init")
    db = Database(cli.url)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099_from_the_future'"))
    db.dispose()
    for command in (["status"], ["init"]):
        result = cli(*command, ok=False)
        assert result.exit_code == 2
        assert "is at revision 0099_from_the_future, which this accord does not know" in result.output


def test_a_new_database_is_made_by_init_demo_and_roadmap_create_only(cli: Any) -> None:
    assert "not initialised: run `accord init`" in cli("status", ok=False).output
    assert revision(cli.url) is None
    cli("roadmap", "create", "uz-kz-2030", "--title", "Дорожная карта", "--parties", "UZ,KZ", "--as", "alice")
    assert revision(cli.url) is not None
