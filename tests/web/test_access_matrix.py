"""Every write route tried by every persona: the allowed succeed and are audited under their name;
the forbidden get 403 (anonymous 401) and change nothing."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select

from accord.domain.numbering import sort_key
from accord.store.db import Database
from accord.store.models import (
    Agreement,
    Assignment,
    AuditEntry,
    Decision,
    Direction,
    Measure,
    Organization,
    Person,
    Project,
)
from tests.web.conftest import add_proposal, bearer, make_client

ALL = ("alice", "carol", "ed_by", "ed_kg", "vic", None)
_names = itertools.count(1)


def measure_id(db: Database, number: str) -> int:
    with db.reading() as s:
        return s.scalars(select(Measure.id).where(Measure.number == number)).one()


def version(db: Database, model: type, row_id: int) -> int:
    with db.reading() as s:
        return s.get(model, row_id).version


def belarus_only_measure(db: Database) -> int:
    """An industry measure only Belarus answers for (the example's measures have both parties)."""
    with db.reading() as s:
        if (found := s.scalars(select(Measure.id).where(Measure.number == "2.9")).first()) is not None:
            return found
    with db.transaction(actor="setup") as s:
        direction = s.scalars(select(Direction).where(Direction.sector == "industry")).one()
        org = s.scalars(select(Organization).where(Organization.country_code == "BY")).first()
        m = Measure(roadmap_id=direction.roadmap_id, direction_id=direction.id, number="2.9", sort_key=sort_key("2.9"),
                    title="Белорусская часть: выставка техники", status="planned")
        m.assignments.append(Assignment(organization_id=org.id, country_code="BY"))
        s.add(m)
        s.flush()
        return m.id


@dataclass
class Route:
    name: str
    allowed: frozenset[str]
    #: (method, url, json body, (model, id) whose version must not move when refused)
    prepare: Callable[[Database], tuple[str, str, Any, tuple[type, int] | None]]


def patch_measure(number: str | None) -> Callable[[Database], tuple[str, str, Any, tuple[type, int]]]:
    def prepare(db: Database) -> tuple[str, str, Any, tuple[type, int]]:
        mid = belarus_only_measure(db) if number is None else measure_id(db, number)
        body = {"version": version(db, Measure, mid), "note": f"отметка {next(_names)}"}
        return "PATCH", f"/api/v1/measures/{mid}", body, (Measure, mid)
    return prepare


def decide(verdict: str) -> Callable[[Database], tuple[str, str, Any, None]]:
    def prepare(db: Database) -> tuple[str, str, Any, None]:
        belarus_only_measure(db)
        return "POST", f"/api/v1/evidence/{add_proposal(db, '2.9')}/{verdict}", {"note": "проверено"}, None
    return prepare


def first_agreement(db: Database) -> int:
    with db.reading() as s:
        return s.scalars(select(Agreement.id).where(Agreement.status == "negotiating").order_by(Agreement.id)).first()


def new_draft(db: Database) -> int:
    with db.transaction(actor="setup") as s:
        a = Agreement(title=f"Проект соглашения {next(_names)}", kind="agreement", level="intergovernmental")
        s.add(a)
        s.flush()
        return a.id


ROUTES = [
    Route("edit Belarusian industry measure", frozenset({"alice", "carol", "ed_by"}), patch_measure(None)),
    Route("edit agriculture measure", frozenset({"alice", "carol", "ed_kg"}), patch_measure("3.2")),
    Route("add measure", frozenset({"alice", "carol"}), lambda db: (
        "POST", "/api/v1/measures", {"direction": "trade", "number": f"1.{next(_names) + 50}", "title": "Новое мероприятие",
                                     "due": "2027"}, None)),
    Route("register agreement", frozenset({"alice", "carol"}), lambda db: (
        "POST", "/api/v1/agreements", {"title": f"Меморандум {next(_names)}", "kind": "memorandum", "level": "interagency",
                                       "parties": ["BY", "KG"], "sectors": ["industry"]}, None)),
    Route("change agreement", frozenset({"alice", "carol"}), lambda db: (
        "PATCH", f"/api/v1/agreements/{(a := first_agreement(db))}",
        {"version": version(db, Agreement, a), "source": f"источник {next(_names)}"}, (Agreement, a))),
    Route("move agreement along its lifecycle", frozenset({"alice", "carol"}), lambda db: (
        "POST", f"/api/v1/agreements/{(a := new_draft(db))}/transitions",
        {"version": version(db, Agreement, a), "to": "signed", "on": "2026-11-20"}, (Agreement, a))),
    Route("register project", frozenset({"alice", "carol"}), lambda db: (
        "POST", "/api/v1/projects", {"title": f"Проект {next(_names)}", "stage": "idea", "country": "KG"}, None)),
    Route("change project", frozenset({"alice", "carol"}), lambda db: (
        "PATCH", "/api/v1/projects/1", {"version": version(db, Project, 1), "region": f"район {next(_names)}"}, (Project, 1))),
    Route("change decision", frozenset({"alice", "carol"}), lambda db: (
        "PATCH", "/api/v1/decisions/3", {"version": version(db, Decision, 3),
                                         "due_on": f"2027-02-{next(_names) % 27 + 1:02d}"}, (Decision, 3))),
    Route("accept proposal", frozenset({"alice", "carol", "ed_by"}), decide("accept")),
    Route("reject proposal", frozenset({"alice", "carol", "ed_by"}), decide("reject")),
    Route("add organisation", frozenset({"alice", "carol"}), lambda db: (
        "POST", "/api/v1/organisations", {"name": f"Агентство {next(_names)}", "kind": "agency", "country": "KG"}, None)),
    Route("change organisation", frozenset({"alice", "carol"}), lambda db: (
        "PATCH", "/api/v1/organisations/1", {"version": version(db, Organization, 1),
                                             "short_name": f"Орг {next(_names)}"}, (Organization, 1))),
    Route("add person", frozenset({"alice", "carol"}), lambda db: (
        "POST", "/api/v1/people", {"last_name": f"Иванов{next(_names)}", "first_name": "Иван", "country": "BY"}, None)),
    Route("record an office", frozenset({"alice", "carol"}), lambda db: (
        "POST", "/api/v1/people/1/positions", {"version": version(db, Person, 1), "title": f"советник {next(_names)}",
                                               "start_on": "2026-01-01"}, (Person, 1))),
    Route("record a session", frozenset({"alice", "carol"}), lambda db: (
        "POST", "/api/v1/sessions", {"body_id": 1, "number": 10 + next(_names), "held_on": "2027-06-01",
                                     "place": "Бишкек"}, None)),
    Route("create user", frozenset({"alice"}), lambda db: (
        "POST", "/api/v1/users", {"name": f"new{next(_names)}", "role": "viewer", "password": "long enough pass"}, None)),
]


def audit_count(db: Database, actor: str | None = None) -> int:
    query = select(func.count()).select_from(AuditEntry)
    if actor:
        query = query.where(AuditEntry.actor == actor)
    with db.reading() as s:
        return s.scalar(query) or 0


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.name)
def test_it_allows_exactly_the_right_personas(web_db: Database, api_tokens: dict[str, str], route: Route) -> None:
    with make_client(web_db) as client:
        for persona in ALL:
            method, url, body, guarded = route.prepare(web_db)
            before_all, before_mine = audit_count(web_db), audit_count(web_db, persona)
            before_version = version(web_db, *guarded) if guarded else None
            headers = bearer(api_tokens[persona]) if persona else {}
            response = client.request(method, url, json=body, headers=headers)
            if persona in route.allowed:
                assert response.status_code in (200, 201), (persona, response.text)
                assert audit_count(web_db, persona) > before_mine, f"{persona}'s change was not audited"
            else:
                assert response.status_code == (403 if persona else 401), (persona, response.status_code, response.text)
                assert audit_count(web_db) == before_all, f"a refused request by {persona} changed the record"
                if guarded:
                    assert version(web_db, *guarded) == before_version
