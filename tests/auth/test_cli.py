"""`accord user add`, `accord user password`, `accord token create|revoke` and `accord search reindex`."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from accord.auth import tokens
from accord.store.db import Database
from accord.store.models import ApiToken, User


@pytest.fixture
def run(cli, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ACCORD_USER", "root")
    invoke = cli
    invoke("init")
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
    run("demo", "--load", "--no-news")
    assert "45 measure" in run("search", "reindex").output


def test_user_disable_ends_sessions_and_stops_tokens_and_enable_undoes_it(run) -> None:  # type: ignore[no-untyped-def]
    from accord.auth import sessions

    run("user", "add", "vic", "--role", "viewer", "--password", "a long password")
    db = Database(run.url)
    with db.transaction(actor="test") as s:
        user = s.scalars(select(User)).one()
        token = tokens.issue(s, user)
        cookie = sessions.start(s, user)
    assert "user vic disabled" in run("user", "disable", "vic").output
    with db.reading() as s:
        assert sessions.resolve(s, cookie) is None and tokens.resolve(s, token) is None
        assert s.scalars(select(User.active)).one() is False
    run("user", "enable", "vic")
    with db.reading() as s:
        assert tokens.resolve(s, token) is not None and sessions.resolve(s, cookie) is None
    assert run("user", "disable", "nobody", ok=False).exit_code != 0
    db.dispose()
