"""Shared fixtures: every database test runs on SQLite and on PostgreSQL.

Each test gets a clean, migrated database. SQLite: a copy of a migrated file.
PostgreSQL: one schema per test worker, migrated once, tables emptied after each test.
With CI=true an unreachable PostgreSQL fails the run instead of skipping.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from accord.store import migrate
from accord.store.base import Base
from accord.store.db import Database

# Rich sizes the CLI's console once, at import: give the tables room so assertions see whole cells.
os.environ["COLUMNS"] = "200"

PG_URL = os.environ.get("ACCORD_TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")

#: a fixed "today" for tests that depend on the date (the example's data are set around it)
TODAY = date(2026, 11, 27)


def _worker() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "accord.db"
    db = Database(f"sqlite:///{path}")
    migrate.upgrade(db)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture(scope="session")
def pg_schema_url() -> Iterator[str]:
    # one schema per test process: parallel runs on the same server never see each other
    schema = f"accord_test_{_worker()}_{os.getpid()}"
    admin = Database(PG_URL)
    try:
        with admin.engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # noqa: BLE001
        admin.dispose()
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required in CI and is unreachable at {PG_URL}: {exc}")
        pytest.skip(f"PostgreSQL unreachable at {PG_URL}: {exc}")
    sep = "&" if "?" in PG_URL else "?"
    url = f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    db = Database(url)
    migrate.upgrade(db)
    db.dispose()
    yield url
    with admin.engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


#: reference data the migrations load, kept between tests
REFERENCE_TABLES = {"country"}


def _empty_pg(db: Database) -> None:
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables if t.name not in REFERENCE_TABLES)
    with db.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A clean migrated database, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "accord.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        database = Database(f"sqlite:///{path}")
        yield database
        database.dispose()
    else:
        database = Database(request.getfixturevalue("pg_schema_url"))
        _empty_pg(database)
        yield database
        _empty_pg(database)
        database.dispose()


@pytest.fixture
def sqlite_db(tmp_path: Path, sqlite_template: Path) -> Iterator[Database]:
    """SQLite only, for tests of behaviour that does not depend on the database."""
    path = tmp_path / "accord.db"
    shutil.copy(sqlite_template, path)
    database = Database(f"sqlite:///{path}")
    yield database
    database.dispose()


@pytest.fixture
def example_db(db: Database) -> Database:
    """The shipped example loaded as of TODAY, on both databases."""
    from accord.demo.example import load_example

    load_example(db, TODAY)
    return db


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Run `accord` in-process on a fresh SQLite file: `cli("status")`, `cli(..., ok=False)` for failures."""
    from typer.testing import CliRunner

    from accord.cli.main import app

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("ACCORD_DATABASE_URL", url)
    monkeypatch.delenv("ACCORD_USER", raising=False)
    runner = CliRunner()

    def invoke(*args: str, ok: bool = True, input: str | None = None):  # type: ignore[no-untyped-def]  # noqa: A002
        result = runner.invoke(app, list(args), input=input)
        if ok:
            assert result.exit_code == 0, result.output
        return result

    invoke.url = url  # type: ignore[attr-defined]
    return invoke
