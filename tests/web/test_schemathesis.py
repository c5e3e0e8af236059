"""Schemathesis against the app with an administrator's token: every API operation from its OpenAPI
schema, with generated valid and invalid input. No server error, no answer outside the schema.

A bounded run in every CI run; `pytest -m slow tests/web/test_schemathesis.py` runs many more
examples per operation, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from accord.store import migrate
from accord.store.db import Database
from tests.conftest import PG_URL, TODAY
from tests.web.conftest import add_personas

pytestmark = pytest.mark.xdist_group("schemathesis")

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
#: examples per operation: in every CI run, and in the slow run
QUICK, THOROUGH = 10, 60


def _app_over(db: Database) -> tuple[object, str]:
    from accord.demo.example import load_example
    from accord.web.app import create_app

    load_example(db, TODAY)
    token = add_personas(db)["alice"]
    app = create_app(db, today=lambda: TODAY, secret_key="schemathesis-" * 4, login_rate=1000)
    return app, token


@pytest.fixture(scope="module")
def sqlite_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[object, str]]:
    db = Database(f"sqlite:///{tmp_path_factory.mktemp('schemathesis') / 'accord.db'}")
    migrate.upgrade(db)
    yield _app_over(db)
    db.dispose()


def fuzz(app: object, token: str, examples: int) -> tuple[int, int, list[str]]:
    """Every operation with `examples` valid and `examples` invalid generated requests each.

    Returns (operations, requests, failures); a failure names the check, the operation and the request.
    """
    from hypothesis import given

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    headers = {"Authorization": f"Bearer {token}"}
    operations, calls, failures = 0, [0], []

    def runner(strategy: object, label: str):  # noqa: ANN202
        @given(case=strategy)
        @settings(
            max_examples=examples,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
            phases=[Phase.explicit, Phase.generate],
        )
        def run(case) -> None:  # noqa: ANN001
            calls[0] += 1
            try:
                case.call_and_validate(headers=headers, checks=CHECKS)
            except (Exception, BaseExceptionGroup) as exc:  # noqa: BLE001 - every failure is collected, not only the first
                if len(failures) < 200:
                    failures.append(f"{label}: {str(exc)[:600]}")

        return run

    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            try:
                runner(operation.as_strategy(generation_mode=mode), f"{operation.label} [{mode.value}]")()
            except Unsatisfiable:
                continue  # no invalid input exists for an operation without parameters
    return operations, calls[0], failures


def test_every_operation_answers_within_its_schema(sqlite_app: tuple[object, str]) -> None:
    operations, requests, failures = fuzz(*sqlite_app, QUICK)
    assert not failures, "\n\n".join(failures[:20]) + f"\n\n{len(failures)} failures"
    assert operations >= 40
    print(
        f"\nschemathesis: {operations} operations, {requests} requests, 0 server errors, 0 schema violations"
    )


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def thorough_app(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[object]:
    """The slow run's app, on each database (PostgreSQL: a database of its own, dropped afterwards)."""
    from sqlalchemy import text

    if request.param == "sqlite":
        db = Database(f"sqlite:///{tmp_path_factory.mktemp('schemathesis-slow') / 'accord.db'}")
        migrate.upgrade(db)
        yield _app_over(db)
        db.dispose()
        return
    admin = Database(PG_URL)
    name = "accord_harden_schemathesis"
    try:
        with admin.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # noqa: BLE001
        pytest.skip(f"PostgreSQL unreachable: {exc}")
    db = Database(PG_URL.rsplit("/", 1)[0] + f"/{name}")
    migrate.upgrade(db)
    yield _app_over(db)
    db.dispose()
    with admin.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


@pytest.mark.slow
def test_every_operation_answers_within_its_schema_thoroughly(thorough_app: tuple[object, str]) -> None:
    operations, requests, failures = fuzz(*thorough_app, THOROUGH)
    assert not failures, "\n\n".join(failures[:20]) + f"\n\n{len(failures)} failures"
    print(
        f"\nschemathesis: {operations} operations, {requests} requests, 0 server errors, 0 schema violations"
    )
