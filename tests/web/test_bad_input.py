"""Bad input gets a 4xx naming what is wrong, never a 500, and changes nothing; on both databases.

422s from the record's rules have the shape the schema documents (a list of errors, like
FastAPI's own). The database going away mid-request is a 503, and the next request works.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import event, func, select, text

from accord.store.db import Database
from accord.store.models import AuditEntry, Measure
from tests.web.conftest import bearer, make_client

BIG = 2**63  # past a 64-bit integer
PG_BIG = 2**31 + 5  # past PostgreSQL's integer
MB = "я" * 1_000_000

DETAIL_PAGES = [
    "/api/v1/measures/{}",
    "/api/v1/agreements/{}",
    "/api/v1/projects/{}",
    "/api/v1/sessions/{}",
    "/api/v1/people/{}",
    "/api/v1/organisations/{}",
    "/api/v1/events/{}",
    "/api/v1/evidence/{}",
    "/api/v1/news/{}",
    "/measures/{}",
    "/agreements/{}",
    "/people/{}",
    "/organisations/{}",
    "/events/{}",
    "/projects/{}",
    "/commission/sessions/{}",
]
LISTS = ["/api/v1/measures", "/api/v1/decisions", "/api/v1/agreements", "/api/v1/trade/flows", "/roadmap"]


def huge_numbers() -> list[tuple[str, str, Any]]:
    cases: list[tuple[str, str, Any]] = []
    for big in (BIG, PG_BIG, -BIG):
        cases += [("GET", p.format(big), None) for p in DETAIL_PAGES]
        cases += [("GET", f"{p}?offset={big}", None) for p in LISTS]
        cases += [
            ("POST", "/api/v1/sessions", {"body_id": big, "number": 1}),
            ("POST", "/api/v1/sessions", {"body_id": 1, "number": big}),
            ("PATCH", "/api/v1/measures/6", {"version": big, "note": "x"}),
            (
                "POST",
                "/api/v1/measures",
                {"direction": "trade", "number": "1.99", "title": "t", "responsible": [big]},
            ),
            ("POST", "/api/v1/organisations", {"name": "n", "parent_id": big}),
            ("POST", "/api/v1/people/1/positions", {"version": 1, "title": "t", "organization_id": big}),
            ("POST", f"/api/v1/evidence/{big}/accept", {}),
            ("PATCH", f"/api/v1/decisions/{big}", {"version": 1}),
        ]
    return cases


CASES: list[tuple[str, str, Any]] = [
    *huge_numbers(),
    ("GET", "/api/v1/measures?q=a%00b", None),
    ("GET", "/search?q=a%00b", None),
    ("GET", "/roadmap?body=a%00b", None),
    ("GET", "/api/v1/agreements?q=%00", None),
    ("GET", "/api/v1/measures?direction=%00", None),
    ("GET", "/api/v1/measures/%00", None),
    ("POST", "/api/v1/agreements", {"title": "a\x00b", "kind": "memorandum", "level": "interagency"}),
    ("POST", "/api/v1/people", {"last_name": "a\x00"}),
    ("PATCH", "/api/v1/measures/6", {"version": 1, "note": "a\x00b"}),
    ("POST", "/api/v1/projects", {"title": "p", "currency": "DOLLARS"}),
    ("POST", "/api/v1/projects", {"title": "p", "value": 1e30}),
    ("POST", "/api/v1/projects", {"title": "p", "value": "1e30", "currency": "USD"}),
    ("POST", "/api/v1/sessions", {"body_id": 1, "number": "abc"}),
    ("POST", "/api/v1/sessions", {"body_id": 1, "number": 0}),
    ("POST", "/api/v1/measures", {"direction": "trade", "number": "abc", "title": "t"}),
    ("POST", "/api/v1/measures", {"direction": "trade", "number": "", "title": "t"}),
    ("GET", "/api/v1/measures?due_from=2026-02-31", None),
    (
        "POST",
        "/api/v1/agreements",
        {"title": "t", "kind": "memorandum", "level": "interagency", "signed_on": "2026-02-31"},
    ),
    ("PATCH", "/api/v1/agreements/1", {"version": 1, "valid_until": "2026-02-31"}),
    ("POST", "/api/v1/agreements/1/transitions", {"version": 1, "to": "bogus", "on": "2026-01-01"}),
    ("POST", "/api/v1/agreements", {"title": MB, "kind": "memorandum", "level": "interagency"}),
    ("POST", "/api/v1/agreements", {"title": "", "kind": "memorandum", "level": "interagency"}),
    ("POST", "/api/v1/agreements", {"title": "   ", "kind": "memorandum", "level": "interagency"}),
    ("POST", "/api/v1/organisations", {"name": ""}),
    ("POST", "/api/v1/organisations", {"name": "x" * 500}),
    ("POST", "/api/v1/people", {"last_name": ""}),
    ("POST", "/api/v1/people", {"last_name": "x" * 200}),
    ("POST", "/api/v1/sessions", {"body_id": 1, "number": 77, "place": "x" * 500}),
    ("PATCH", "/api/v1/measures/6", {"version": 1, "title": MB}),
    ("PATCH", "/api/v1/measures/6", {"version": 1, "title": ""}),
    ("PATCH", "/api/v1/measures/6", {"version": 1, "due": MB}),
    ("PATCH", "/api/v1/measures/6", {"version": 1, "note": MB}),
    ("PATCH", "/api/v1/measures/6", {"version": 1, "status": "bogus"}),
    ("GET", "/api/v1/measures?limit=-1", None),
    ("GET", "/api/v1/measures?offset=-5", None),
    ("GET", "/api/v1/measures?limit=99999999999999999999999", None),
    ("GET", "/api/v1/measures?limit=0", None),
    ("GET", "/api/v1/measures?status=bogus", None),
    ("GET", "/api/v1/evidence?state=bogus", None),
    ("GET", "/api/v1/measures?q=" + "a" * 3000, None),
    ("GET", "/search?q=" + "слово" * 500, None),
    ("POST", "/api/v1/users", {"name": "", "role": "viewer", "password": "long enough pw"}),
    ("POST", "/api/v1/users", {"name": "x" * 500, "role": "viewer", "password": "long enough pw"}),
    ("POST", "/api/v1/users", {"name": "u1", "role": "emperor", "password": "long enough pw"}),
    ("POST", "/api/v1/users", {"name": "u2", "role": "viewer", "password": "p" * 1_000_000}),
    ("POST", "/api/v1/agreements", [1, 2, 3]),
    ("POST", "/api/v1/agreements", "not an object"),
]


def audit_rows(db: Database) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry)) or 0


def test_every_bad_input_is_refused_with_a_4xx_and_changes_nothing(
    web_db: Database, api_tokens: dict[str, str]
) -> None:
    failures = []
    before = audit_rows(web_db)
    with make_client(web_db, raise_server_exceptions=False) as client:
        client.headers.update(bearer(api_tokens["alice"]))
        for method, path, body in CASES:
            response = client.request(method, path, json=body)
            shown = f"{response.status_code} {method} {path[:70]} {str(body)[:70]}"
            if not 400 <= response.status_code < 500:
                failures.append(f"{shown} → {response.text[:120]}")
            elif response.status_code == 422 and path.startswith("/api/"):
                detail = response.json()["detail"]
                if not (isinstance(detail, list) and all({"loc", "msg", "type"} <= set(e) for e in detail)):
                    failures.append(f"{shown} → 422 not in the documented shape: {detail!r:.120}")
                elif len(response.text) > 5000:
                    failures.append(f"{shown} → a {len(response.text):,}-character answer echoes the input")
    assert not failures, "\n".join(failures)
    assert audit_rows(web_db) == before, "a refused request changed the record"


def test_a_page_form_with_an_overlong_note_is_refused_with_its_field_named(web_db: Database) -> None:
    from tests.web.conftest import add_personas, login

    add_personas(web_db)
    with make_client(web_db) as client:
        csrf = login(client, "carol")
        with web_db.reading() as s:
            m = s.scalars(select(Measure).where(Measure.number == "2.3")).one()
        response = client.post(
            f"/measures/{m.id}",
            data={
                "version": m.version,
                "status": m.status,
                "note": "n" * 30_000,
                "expected_result": m.expected_result or "",
                "csrf": csrf,
            },
        )
        assert response.status_code == 422 and "note" in response.text and "20,000" in response.text
        with web_db.reading() as s:
            assert s.get(Measure, m.id).version == m.version


@pytest.fixture
def pg_web_db(web_db: Database) -> Database:
    if web_db.dialect != "postgresql":
        pytest.skip("pg_terminate_backend is PostgreSQL's")
    return web_db


def kill_the_connection_of_the_next_statement(db: Database, admin: Database) -> threading.Event:
    """Before the next statement runs, terminate the server process of its connection (as an operator might)."""
    fired = threading.Event()

    @event.listens_for(db.engine, "before_cursor_execute")
    def terminate(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001
        if fired.is_set() or "pg_terminate_backend" in statement:
            return
        fired.set()
        pid = conn.connection.dbapi_connection.info.backend_pid
        with admin.engine.connect() as other:
            other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            for _ in range(50):  # the process takes a moment to go
                if not other.execute(
                    text("SELECT 1 FROM pg_stat_activity WHERE pid = :pid"), {"pid": pid}
                ).first():
                    break
                other.execute(text("SELECT pg_sleep(0.05)"))

    fired.stop = lambda: event.remove(db.engine, "before_cursor_execute", terminate)  # type: ignore[attr-defined]
    return fired


@pytest.mark.parametrize("write", [False, True], ids=["read", "write"])
def test_the_database_going_away_mid_request_is_a_503_and_the_next_request_works(
    pg_web_db: Database, api_tokens: dict[str, str], write: bool
) -> None:
    db = pg_web_db
    admin = Database(db.url)
    with db.reading() as s:
        m = s.scalars(select(Measure).where(Measure.number == "2.3")).one()
    before = audit_rows(db)
    call = (
        ("PATCH", f"/api/v1/measures/{m.id}", {"version": m.version, "note": "после сбоя"})
        if write
        else ("GET", "/api/v1/measures", None)
    )
    try:
        with make_client(db, raise_server_exceptions=False) as client:
            client.headers.update(bearer(api_tokens["carol"]))
            fired = kill_the_connection_of_the_next_statement(db, admin)
            broken = client.request(call[0], call[1], json=call[2])
            fired.stop()
            assert fired.is_set()
            assert broken.status_code == 503, broken.text
            assert "unavailable" in broken.json()["detail"] and broken.headers.get("Retry-After")
            assert audit_rows(db) == before
            again = client.request(call[0], call[1], json=call[2])
            assert again.status_code == 200, again.text
    finally:
        admin.dispose()
