"""`accord user add`, `accord user password`, `accord token create|revoke` and `accord search reindex`."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from accord.auth import tokens
from accord.cli.main import app
from accord.store.db import Database
from accord.store.models import ApiToken, User


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("ACCORD_DATABASE_URL", url)
    monkeypatch.setenv("ACCORD_USER", "root")
    runner = CliRunner()

    def invoke(*args: str, ok: bool = True, input: str | None = None):  # type: ignore[no-untyped-def]  # noqa: A002
        result = runner.invoke(app, list(args), env={"COLUMNS": "200"}, input=input)
        if ok:
            assert result.exit_code == 0, result.output
        return result

    invoke("init")
    invoke.url = url  # type: ignore[attr-defined]
    return invoke


def test_user_add_prompts_for_the_password_and_stores_a_hash(run) -> None:  # type: ignore[no-untyped-def]
    result = run("user", "add", "ed", "--role", "editor", "--party", "BY", "--direction", "industry",
                 input="a long password\na long password\n")
    assert "user ed added as editor (BY industry)" in result.output
    db = Database(run.url)
    with db.reading() as s:
        user = s.scalars(select(User)).one()
        assert user.password_hash.startswith("$argon2") and "a long password" not in user.password_hash
    db.dispose()


def test_user_add_refuses_an_editor_without_scope(run) -> None:  # type: ignore[no-untyped-def]
    result = run("user", "add", "ed", "--role", "editor", "--password", "a long password", ok=False)
    assert result.exit_code == 1 and "--party" in result.output


def test_token_create_prints_the_token_once_and_keeps_its_hash(run) -> None:  # type: ignore[no-untyped-def]
    run("user", "add", "bot", "--role", "viewer", "--password", "a long password")
    token = run("token", "create", "bot").output.strip()
    assert token.startswith("acc_")
    db = Database(run.url)
    with db.reading() as s:
        row = s.scalars(select(ApiToken)).one()
        assert row.token_hash == tokens.digest(token) and token not in row.prefix
    db.dispose()
    assert "revoked 1 token(s)" in run("token", "revoke", "bot").output
    assert run("token", "create", "nobody", ok=False).exit_code == 1


def test_user_password_and_search_reindex(run) -> None:  # type: ignore[no-untyped-def]
    run("user", "add", "vic", "--role", "viewer", "--password", "a long password")
    assert "password of vic changed" in run("user", "password", "vic", "--password", "another long one").output
    run("demo", "--load")
    assert "45 measure" in run("search", "reindex").output
