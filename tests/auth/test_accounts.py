"""Accounts on both databases: argon2 hashes, tokens hashed at rest, password changes audited without the hash."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from accord.auth import tokens, users
from accord.auth.passwords import hash_password, verify
from accord.auth.ratelimit import LoginLimiter
from accord.auth.users import AccountError
from accord.domain.kinds import Role
from accord.store.db import Database
from accord.store.models import ApiToken, AuditEntry, User


def test_it_hashes_passwords_with_argon2() -> None:
    stored = hash_password("a long password")
    assert stored.startswith("$argon2id$") and "a long password" not in stored
    assert verify(stored, "a long password") and not verify(stored, "wrong") and not verify(None, "x")
    with pytest.raises(ValueError, match="at least 8"):
        hash_password("short")


def test_it_adds_users_and_authenticates_them(db: Database) -> None:
    with db.transaction(actor="admin") as s:
        users.add_user(s, "ed", Role.EDITOR, "long password", party="by", direction="industry")
    with db.transaction(actor="ed") as s:
        user = users.authenticate(s, "ed", "long password")
        assert user is not None and (user.party, user.direction, user.role) == ("BY", "industry", "editor")
        assert users.authenticate(s, "ed", "nope") is None
        assert users.authenticate(s, "nobody", "long password") is None


@pytest.mark.parametrize("kwargs,message", [
    ({"role": Role.EDITOR}, "needs --party"),
    ({"role": Role.EDITOR, "party": "XX"}, "not a known country"),
    ({"role": Role.EDITOR, "direction": "space"}, "not a sector"),
    ({"role": Role.VIEWER, "party": "BY"}, "only editors"),
    ({"role": Role.VIEWER, "password": "short"}, "at least 8"),
])
def test_it_refuses_bad_accounts(sqlite_db: Database, kwargs: dict, message: str) -> None:
    with sqlite_db.transaction(actor="admin") as s:
        args = {"password": "long password", **kwargs}
        with pytest.raises(AccountError, match=message):
            users.add_user(s, "x", args.pop("role"), args.pop("password"), **args)


def test_it_stores_only_a_hash_of_api_tokens(db: Database) -> None:
    with db.transaction(actor="admin") as s:
        user = users.add_user(s, "bot", Role.VIEWER, "long password")
        token = tokens.issue(s, user)
    with db.reading() as s:
        row = s.scalars(select(ApiToken)).one()
        assert token not in (row.token_hash, row.prefix) and row.token_hash == tokens.digest(token)
        assert tokens.resolve(s, token).name == "bot"
        assert tokens.resolve(s, token + "x") is None and tokens.resolve(s, "nonsense") is None
    with db.transaction(actor="admin") as s:
        assert tokens.revoke_all(s, users.find(s, "bot")) == 1
    with db.reading() as s:
        assert tokens.resolve(s, token) is None


def test_it_audits_a_password_change_without_the_hash(db: Database) -> None:
    with db.transaction(actor="admin") as s:
        users.add_user(s, "vic", Role.VIEWER, "long password")
    with db.transaction(actor="vic") as s:
        user = users.find(s, "vic")
        with pytest.raises(AccountError, match="current password is wrong"):
            users.change_password(s, user, "wrong", "another long one")
        users.change_password(s, user, "long password", "another long one")
    with db.reading() as s:
        assert verify(s.scalars(select(User.password_hash)).one(), "another long one")
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.entity == "user")))
        assert [e.field for e in entries if e.action == "update"] == ["password"]
        assert all("argon2" not in (e.new or "") + (e.old or "") for e in entries)


def test_the_limiter_blocks_after_the_budget_and_forgets_after_a_minute() -> None:
    now = [0.0]
    limiter = LoginLimiter(2, clock=lambda: now[0])
    assert limiter.reserve("1.2.3.4") == 0 and limiter.reserve("1.2.3.4") == 0
    now[0] = 10.0
    assert limiter.reserve("1.2.3.4") == 50 and not limiter.allowed("1.2.3.4") and limiter.allowed("5.6.7.8")
    now[0] = 61.0
    assert limiter.allowed("1.2.3.4") and limiter.retry_after("1.2.3.4") == 0


def test_a_successful_sign_in_gives_back_only_its_own_slot() -> None:
    limiter = LoginLimiter(3, clock=lambda: 0.0)
    limiter.reserve("a")  # a failure
    limiter.reserve("a")  # a success
    limiter.release("a")
    assert limiter.reserve("a") == 0 and limiter.reserve("a") == 0
    assert limiter.reserve("a") > 0, "the earlier failure was forgotten by the success"
