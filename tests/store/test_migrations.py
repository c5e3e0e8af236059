"""The schema is built by migrations only: empty -> head, and back one step."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text

from accord.store import migrate
from accord.store.base import Base
from accord.store.db import Database
from tests.conftest import PG_URL


def check_up_and_down(db: Database) -> None:
    migrate.upgrade(db)
    head = migrate.head_revision(db)
    assert migrate.current_revision(db) == head
    tables = set(inspect(db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT name_ru FROM country WHERE code = 'KG'")).scalar() == "Кыргызстан"
    migrate.downgrade(db, "-1")
    assert migrate.current_revision(db) != head
    migrate.upgrade(db)
    assert migrate.is_current(db)


def test_sqlite_upgrade_from_empty_to_head_and_back_one_step(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'fresh.db'}")
    check_up_and_down(db)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.dispose()


def test_postgres_upgrade_from_empty_to_head_and_back_one_step(pg_schema_url: str) -> None:
    # a schema of its own, so the shared test schema is untouched
    admin = Database(PG_URL)
    with admin.engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS accord_migration_test CASCADE"))
        conn.execute(text("CREATE SCHEMA accord_migration_test"))
    sep = "&" if "?" in PG_URL else "?"
    db = Database(f"{PG_URL}{sep}options=-csearch_path%3Daccord_migration_test")
    try:
        check_up_and_down(db)
    finally:
        db.dispose()
        with admin.engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS accord_migration_test CASCADE"))
        admin.dispose()


def test_models_and_migrations_agree(sqlite_db: Database) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with sqlite_db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": _declared})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def _declared(name: str | None, kind: str, _parents: dict[str, str | None]) -> bool:
    """SQLite's FTS5 index (search_fts and its shadow tables) lives outside the ORM schema."""
    return not (kind == "table" and name is not None and name.startswith("search_fts"))
