"""Two people saving over the same version at the same moment, through a real server:
exactly one wins (200, or 303 for a form) and the other is told 409 naming the winner;
the audit trail holds the winning change once and nothing of the losing one."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from accord.store.db import Database
from accord.store.models import Agreement, AuditEntry, Decision, Measure, Organization, Project
from accord.web.app import create_app
from tests.conftest import TODAY
from tests.web.conftest import PASSWORD, add_proposal, bearer
from tests.web.live import serving

pytestmark = pytest.mark.xdist_group("races")

#: the two contenders of every race
RIVALS = ("alice", "carol")


@dataclass(frozen=True)
class Attempt:
    """One contender's request, and the audit entry its win leaves: (entity, id, field, new value)."""

    method: str
    path: str
    body: dict[str, Any]
    trace: tuple[str, int, str, str]


def row(db: Database, model: type, **where: Any) -> Any:
    with db.reading() as s:
        return s.scalars(select(model).filter_by(**where).order_by(model.id)).first()


def measure_race(db: Database, n: int) -> list[Attempt]:
    m = row(db, Measure, number="2.1")
    notes = [f"гонка {n}: отметка {who}" for who in RIVALS]
    return [
        Attempt(
            "PATCH",
            f"/api/v1/measures/{m.id}",
            {"version": m.version, "note": note},
            ("measure", m.id, "note", note),
        )
        for note in notes
    ]


def agreement_race(db: Database, n: int) -> list[Attempt]:
    a = row(db, Agreement, status="negotiating")
    return [
        Attempt(
            "PATCH",
            f"/api/v1/agreements/{a.id}",
            {"version": a.version, "source": f"источник {n} {who}"},
            ("agreement", a.id, "source", f"источник {n} {who}"),
        )
        for who in RIVALS
    ]


def project_race(db: Database, n: int) -> list[Attempt]:
    p = row(db, Project)
    return [
        Attempt(
            "PATCH",
            f"/api/v1/projects/{p.id}",
            {"version": p.version, "region": f"район {n} {who}"},
            ("project", p.id, "region", f"район {n} {who}"),
        )
        for who in RIVALS
    ]


def organisation_race(db: Database, n: int) -> list[Attempt]:
    o = row(db, Organization)
    return [
        Attempt(
            "PATCH",
            f"/api/v1/organisations/{o.id}",
            {"version": o.version, "short_name": f"Орг {n} {who}"},
            ("organization", o.id, "short_name", f"Орг {n} {who}"),
        )
        for who in RIVALS
    ]


def decision_race(db: Database, n: int) -> list[Attempt]:
    d = row(db, Decision)
    days = [(date(2027, 1, 1) + timedelta(days=2 * n + i)).isoformat() for i in range(2)]
    return [
        Attempt(
            "PATCH",
            f"/api/v1/decisions/{d.id}",
            {"version": d.version, "due_on": day},
            ("decision", d.id, "due_on", day),
        )
        for day in days
    ]


def review_race(db: Database, n: int) -> list[Attempt]:
    """alice accepts and carol rejects the same proposal."""
    evidence_id = add_proposal(db, "2.1")
    return [
        Attempt(
            "POST",
            f"/api/v1/evidence/{evidence_id}/{verdict}",
            {"note": f"решение {n}"},
            ("evidence", evidence_id, "state", state),
        )
        for verdict, state in (("accept", "accepted"), ("reject", "rejected"))
    ]


RACES: dict[str, tuple[Callable[[Database, int], list[Attempt]], int]] = {
    "measure": (measure_race, 20),
    "agreement": (agreement_race, 5),
    "project": (project_race, 5),
    "organisation": (organisation_race, 5),
    "decision": (decision_race, 5),
    "review accept/reject": (review_race, 5),
}


@pytest.fixture
def live(web_db: Database, api_tokens: dict[str, str]):  # noqa: ANN201
    app = create_app(
        web_db, today=lambda: TODAY, public_read=False, secret_key="race-secret-" * 4, login_rate=1000
    )
    with serving(app) as url:
        yield url


def audited(db: Database, trace: tuple[str, int, str, str]) -> int:
    entity, entity_id, field, value = trace
    with db.reading() as s:
        return (
            s.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(
                    AuditEntry.entity == entity,
                    AuditEntry.entity_id == entity_id,
                    AuditEntry.field == field,
                    AuditEntry.new == value,
                )
            )
            or 0
        )


def at_once(calls: list[Callable[[], httpx.Response]]) -> list[httpx.Response]:
    """Run the calls in threads released together by a barrier."""
    gate = threading.Barrier(len(calls))

    def go(call: Callable[[], httpx.Response]) -> httpx.Response:
        gate.wait(10)
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(go, calls))


def test_one_of_two_simultaneous_edits_wins_and_the_other_gets_409(
    live: str, web_db: Database, api_tokens: dict[str, str]
) -> None:
    """Every kind in one test: loading the example for each would cost more than the races."""
    clients = [httpx.Client(base_url=live, headers=bearer(api_tokens[who]), timeout=30) for who in RIVALS]
    try:
        for kind, (prepare, rounds) in RACES.items():
            for n in range(rounds):
                attempts = prepare(web_db, n)
                responses = at_once(
                    [
                        lambda c=c, a=a: c.request(a.method, a.path, json=a.body)
                        for c, a in zip(clients, attempts, strict=True)
                    ]
                )
                codes = [r.status_code for r in responses]
                assert sorted(codes) == [200, 409], (
                    kind,
                    n,
                    [(r.status_code, r.text[:300]) for r in responses],
                )
                winner = codes.index(200)
                loser = 1 - winner
                detail = responses[loser].json()["detail"]
                assert isinstance(detail, str) and RIVALS[winner] in detail, detail
                assert audited(web_db, attempts[winner].trace) == 1, (
                    kind,
                    n,
                    "the winning change is not audited once",
                )
                assert audited(web_db, attempts[loser].trace) == 0, (
                    kind,
                    n,
                    "the losing change left a trace",
                )
    finally:
        for c in clients:
            c.close()


def signed_in(base: str, name: str) -> tuple[httpx.Client, str]:
    client = httpx.Client(base_url=base, timeout=30)
    token = re.search(r'name="csrf" value="([^"]+)"', client.get("/login").text).group(1)
    response = client.post("/login", data={"name": name, "password": PASSWORD, "csrf": token, "next": "/"})
    assert response.status_code == 303, response.text
    return client, re.search(r'name="csrf" value="([^"]+)"', client.get("/account").text).group(1)


def test_one_of_two_simultaneous_form_saves_wins_and_the_other_sees_the_conflict(
    live: str, web_db: Database
) -> None:
    sessions = [signed_in(live, who) for who in RIVALS]
    try:
        for n in range(10):
            m = row(web_db, Measure, number="2.3")
            notes = [f"форма {n}: {who}" for who in RIVALS]
            forms = [
                {
                    "version": str(m.version),
                    "status": m.status,
                    "due": "",
                    "note": note,
                    "expected_result": m.expected_result or "",
                    "csrf": csrf,
                }
                for (_, csrf), note in zip(sessions, notes, strict=True)
            ]
            url = f"/measures/{m.id}"
            calls = [
                lambda c=c, form=form, url=url: c.post(url, data=form)
                for (c, _), form in zip(sessions, forms, strict=True)
            ]
            responses = at_once(calls)
            codes = [r.status_code for r in responses]
            assert sorted(codes) == [303, 409], (n, [(r.status_code, r.text[:300]) for r in responses])
            winner = codes.index(303)
            assert RIVALS[winner] in responses[1 - winner].text
            assert audited(web_db, ("measure", m.id, "note", notes[winner])) == 1
            assert audited(web_db, ("measure", m.id, "note", notes[1 - winner])) == 0
    finally:
        for c, _ in sessions:
            c.close()
