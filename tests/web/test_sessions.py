"""Sessions end server-side: a cookie copied before sign-out, a password change or a disabled account
reads nothing afterwards; over-long passwords are refused before any hashing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from accord.auth import passwords, sessions, users
from accord.store.base import utcnow
from accord.store.db import Database
from accord.store.models import User, WebSession
from tests.web.conftest import PASSWORD, add_personas, bearer, csrf_of, login, make_client


@pytest.fixture
def issued(db: Database) -> dict[str, str]:
    return add_personas(db)


def me(client, cookie: str | None = None) -> int:  # noqa: ANN001
    """The status of /api/v1/me, optionally with a copied session cookie in place of the client's own."""
    headers = {"Cookie": f"accord_session={cookie}"} if cookie is not None else {}
    return client.get("/api/v1/me", headers=headers).status_code


def test_a_cookie_copied_before_sign_out_is_worth_nothing_after(db: Database, issued: dict[str, str]) -> None:
    with make_client(db) as client:
        csrf = login(client, "vic")
        copied = client.cookies.get("accord_session")
        assert me(client) == 200
        client.post("/logout", data={"csrf": csrf})
        assert me(client, copied) == 401
        assert client.get("/account", follow_redirects=False).status_code == 303
    with db.reading() as s:
        assert s.scalars(select(WebSession)).all() == []


def test_a_password_change_ends_every_other_session_of_the_user(db: Database, issued: dict[str, str]) -> None:
    with make_client(db) as laptop, make_client(db) as phone:
        csrf = login(laptop, "vic")
        login(phone, "vic")
        stolen = phone.cookies.get("accord_session")
        response = laptop.post(
            "/account/password",
            data={
                "current": PASSWORD,
                "new": "a new long password",
                "repeat": "a new long password",
                "csrf": csrf,
            },
            follow_redirects=False,
        )
        assert response.status_code == 303
        assert me(laptop) == 200, "the session that changed the password was signed out"
        assert me(phone) == 401 and me(phone, stolen) == 401


def test_an_administrators_reset_ends_the_users_sessions(db: Database, issued: dict[str, str]) -> None:
    with make_client(db) as client:
        login(client, "ed_kg")
        with db.transaction(actor="alice") as s:
            users.set_password(s, users.find(s, "ed_kg"), "reset by the admin", "alice")
        assert me(client) == 401


def test_a_disabled_account_loses_its_sessions_and_tokens_at_once(
    db: Database, issued: dict[str, str]
) -> None:
    with make_client(db) as client:
        login(client, "carol")
        copied = client.cookies.get("accord_session")
        assert client.get("/api/v1/me", headers=bearer(issued["carol"])).status_code == 200
        with db.transaction(actor="alice") as s:
            users.set_active(s, users.find(s, "carol"), False)
        assert me(client, copied) == 401
        assert client.get("/api/v1/me", headers=bearer(issued["carol"])).status_code == 401
        token = csrf_of(client.get("/login").text)
        refused = client.post("/login", data={"name": "carol", "password": PASSWORD, "csrf": token})
        assert refused.status_code == 401
        with db.transaction(actor="alice") as s:
            users.set_active(s, users.find(s, "carol"), True)
        login(client, "carol")
        assert me(client) == 200
        assert me(client, copied) == 401, "enabling the account brought an old session back"


def test_a_session_older_than_its_lifetime_is_refused_whatever_the_cookie_says(
    db: Database, issued: dict[str, str]
) -> None:
    with make_client(db) as client:
        login(client, "vic")
        with db.transaction(actor="test") as s:
            old = utcnow() - sessions.MAX_AGE - timedelta(minutes=1)
            s.execute(update(WebSession).values(created_at=old))
        assert me(client) == 401


def test_a_cookie_without_a_session_row_is_anonymous(db: Database, issued: dict[str, str]) -> None:
    with make_client(db) as client:
        login(client, "alice")
        with db.transaction(actor="test") as s:
            s.execute(WebSession.__table__.delete())
        assert me(client) == 401


def test_a_megabyte_password_is_refused_before_it_is_hashed(
    db: Database, issued: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = "x" * 1_000_000
    calls: list[int] = []
    real = passwords._hasher

    class Counting:
        """The real hasher, noting the length of every password it is given."""

        def hash(self, password: str) -> str:
            calls.append(len(password))
            return real.hash(password)

        def verify(self, stored: str, password: str) -> bool:
            calls.append(len(password))
            return real.verify(stored, password)

        def check_needs_rehash(self, stored: str) -> bool:
            return real.check_needs_rehash(stored)

    monkeypatch.setattr(passwords, "_hasher", Counting())
    with make_client(db) as client:
        created = client.post(
            "/api/v1/users",
            headers=bearer(issued["alice"]),
            json={"name": "huge", "role": "viewer", "password": huge},
        )
        assert created.status_code == 422
        token = csrf_of(client.get("/login").text)
        refused = client.post("/login", data={"name": "vic", "password": huge, "csrf": token})
        assert refused.status_code in (401, 413, 422)
        csrf = login(client, "vic")
        changed = client.post(
            "/account/password", data={"current": PASSWORD, "new": huge, "repeat": huge, "csrf": csrf}
        )
        assert changed.status_code == 422
    assert calls and all(n < 10_000 for n in calls), "a megabyte password reached argon2"
    with db.reading() as s:
        assert s.scalars(select(User).where(User.name == "huge")).first() is None
