"""The access matrix, generated from the app: every API operation in /api/v1/openapi.json and every
page route, tried by anonymous, viewer, editor in scope, editor out of scope (by party and by
direction), coordinator and administrator. The expected outcome per role comes from the tables
below; a route with no row fails the test, so a new route cannot go untried.

Writes: the allowed succeed and are audited under their name; the forbidden get 403 (anonymous
401, or the login page for forms) and change nothing. Reads (without ACCORD_PUBLIC_READ): every
signed-in role reads, anonymous does not.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
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
from accord.store.models import Session as Meeting
from tests.web.conftest import add_proposal, bearer, make_client

#: admin, coordinator, editor in scope (BY, industry), editor of the other party (KG), editor of the
#: right party but another direction (BY, agriculture), viewer, anonymous
ALL = ("alice", "carol", "ed_by", "ed_kg", "ed_agri", "vic", None)
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
        m = Measure(
            roadmap_id=direction.roadmap_id,
            direction_id=direction.id,
            number="2.9",
            sort_key=sort_key("2.9"),
            title="Белорусская часть: выставка техники",
            status="planned",
        )
        m.assignments.append(Assignment(organization_id=org.id, country_code="BY"))
        s.add(m)
        s.flush()
        return m.id


@dataclass
class Route:
    name: str
    #: the operation tried, as the router declares it: (method, path template)
    key: tuple[str, str]
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
        return s.scalars(
            select(Agreement.id).where(Agreement.status == "negotiating").order_by(Agreement.id)
        ).first()


def new_draft(db: Database) -> int:
    with db.transaction(actor="setup") as s:
        a = Agreement(title=f"Проект соглашения {next(_names)}", kind="agreement", level="intergovernmental")
        s.add(a)
        s.flush()
        return a.id


def new_session(db: Database) -> int:
    """A session of its own for one try (archiving one twice is refused)."""
    from accord.store.models import Session as Meeting

    with db.transaction(actor="setup") as s:
        meeting = Meeting(body_id=1, number=100 + next(_names), place="Минск")
        s.add(meeting)
        s.flush()
        return meeting.id


def new_decision(db: Database) -> int:
    with db.transaction(actor="setup") as s:
        owner = s.scalars(select(Organization.id).where(Organization.country_code == "KG")).first()
        n = next(_names)
        d = Decision(session_id=1, number=f"9.{n}", sort_key=sort_key(f"9.{n}"), text="Проверить доступ",
                     owner_id=owner, due_on=date(2027, 3, 1), status="planned")
        s.add(d)
        s.flush()
        return d.id


def new_person(db: Database) -> int:
    with db.transaction(actor="setup") as s:
        person = Person(last_name=f"Петров{next(_names)}", country_code="KG")
        s.add(person)
        s.flush()
        return person.id


def new_org(db: Database) -> int:
    with db.transaction(actor="setup") as s:
        org = Organization(name=f"Фонд {next(_names)}", kind="agency", country_code="KG")
        s.add(org)
        s.flush()
        return org.id


def new_project(db: Database) -> int:
    with db.transaction(actor="setup") as s:
        p = Project(title=f"Проект {next(_names)}", stage="idea")
        s.add(p)
        s.flush()
        return p.id


def project_with_milestone(db: Database) -> tuple[int, int]:
    from accord.store.models import Milestone

    with db.transaction(actor="setup") as s:
        p = Project(title=f"Проект {next(_names)}", stage="implementation")
        p.milestones.append(Milestone(title="пуск", due_on=None))
        s.add(p)
        s.flush()
        return p.id, p.milestones[0].id


def archived(model: type, make: Callable[[Database], int]) -> Callable[[Database], int]:
    """A new record of `model`, archived already (what a restore is tried on)."""

    def prepare(db: Database) -> int:
        from accord.store.archive import archive

        row_id = make(db)
        with db.transaction(actor="setup") as s:
            archive(s, s.get(model, row_id), "setup")
        return row_id

    return prepare


def first_office(db: Database) -> tuple[int, int]:
    """Person 1 and an office of theirs (added if they hold none)."""
    from accord.store.models import Position

    with db.reading() as s:
        found = s.scalars(select(Position.id).where(Position.person_id == 1)).first()
    if found is None:
        with db.transaction(actor="setup") as s:
            position = Position(person_id=1, title="советник", start_on=date(2024, 1, 1))
            s.add(position)
            s.flush()
            found = position.id
    return 1, found


def archiving(verb: str, model: type, make: Callable[[Database], int], api: str) -> Route:
    """A route row for archiving (a live record) or restoring (an archived one) through the API."""
    source = make if verb == "archive" else archived(model, make)

    def prepare(db: Database) -> tuple[str, str, Any, tuple[type, int]]:
        row_id = source(db)
        return "POST", f"{api}/{row_id}/{verb}", {"version": version(db, model, row_id)}, (model, row_id)

    return Route(f"{verb} {model.audit_entity}", ("POST", f"{api}/{{record_id}}/{verb}"),
                 frozenset({"alice", "carol"}), prepare)


ROUTES = [
    archiving("archive", Agreement, new_draft, "/api/v1/agreements"),
    archiving("restore", Agreement, new_draft, "/api/v1/agreements"),
    archiving("archive", Project, new_project, "/api/v1/projects"),
    archiving("restore", Project, new_project, "/api/v1/projects"),
    Route(
        "add a milestone",
        ("POST", "/api/v1/projects/{project_id}/milestones"),
        frozenset({"alice", "carol"}),
        lambda db: (
            "POST",
            f"/api/v1/projects/{(p := new_project(db))}/milestones",
            {"version": version(db, Project, p), "title": f"этап {next(_names)}", "due_on": "2027-06-30"},
            (Project, p),
        ),
    ),
    Route(
        "change a milestone",
        ("PATCH", "/api/v1/projects/{project_id}/milestones/{milestone_id}"),
        frozenset({"alice", "carol"}),
        lambda db: (
            "PATCH",
            f"/api/v1/projects/{(p := project_with_milestone(db))[0]}/milestones/{p[1]}",
            {"version": version(db, Project, p[0]), "done_on": "2027-05-30"},
            (Project, p[0]),
        ),
    ),
    Route(
        "edit Belarusian industry measure",
        ("PATCH", "/api/v1/measures/{measure_id}"),
        frozenset({"alice", "carol", "ed_by"}),
        patch_measure(None),
    ),
    Route(
        "edit agriculture measure",
        ("PATCH", "/api/v1/measures/{measure_id}"),
        frozenset({"alice", "carol", "ed_kg", "ed_agri"}),
        patch_measure("3.2"),
    ),
    Route(
        "add measure",
        ("POST", "/api/v1/measures"),
        frozenset({"alice", "carol"}),
        lambda db: (
            "POST",
            "/api/v1/measures",
            {
                "direction": "trade",
                "number": f"1.{next(_names) + 50}",
                "title": "Новое мероприятие",
                "due": "2027",
            },
            None,
        ),
    ),
    Route(
        "register agreement",
        ("POST", "/api/v1/agreements"),
        frozenset({"alice", "carol"}),
        lambda db: (
            "POST",
            "/api/v1/agreements",
            {
                "title": f"Меморандум {next(_names)}",
                "kind": "memorandum",
                "level": "interagency",
                "parties": ["BY", "KG"],
                "sectors": ["industry"],
            },
            None,
        ),
    ),
    Route(
        "change agreement",
        ("PATCH", "/api/v1/agreements/{agreement_id}"),
        frozenset({"alice", "carol"}),
        lambda db: (
            "PATCH",
            f"/api/v1/agreements/{(a := first_agreement(db))}",
            {"version": version(db, Agreement, a), "source": f"источник {next(_names)}"},
            (Agreement, a),
        ),
    ),
    Route(
        "move agreement along its lifecycle",
        ("POST", "/api/v1/agreements/{agreement_id}/transitions"),
        frozenset({"alice", "carol"}),
        lambda db: (
            "POST",
            f"/api/v1/agreements/{(a := new_draft(db))}/transitions",
            {"version": version(db, Agreement, a), "to": "signed", "on": "2026-11-20"},
            (Agreement, a),
        ),
    ),
    Route(
        "register project",
        ("POST", "/api/v1/projects"),
        frozenset({"alice", "carol"}),
        lambda db: (
            "POST",
            "/api/v1/projects",
            {"title": f"Проект {next(_names)}", "stage": "idea", "country": "KG"},
            None,
        ),
    ),
    Route(
        "change project",
        ("PATCH", "/api/v1/projects/{project_id}"),
        frozenset({"alice", "carol"}),
        lambda db: (
            "PATCH",
            "/api/v1/projects/1",
            {"version": version(db, Project, 1), "region": f"район {next(_names)}"},
            (Project, 1),
        ),
    ),
    Route(
        "change decision",
        ("PATCH", "/api/v1/decisions/{decision_id}"),
        frozenset({"alice", "carol"}),
        lambda db: (
            "PATCH",
            "/api/v1/decisions/3",
            {"version": version(db, Decision, 3), "due_on": f"2027-02-{next(_names) % 27 + 1:02d}"},
            (Decision, 3),
        ),
    ),
    Route(
        "accept proposal",
        ("POST", "/api/v1/evidence/{evidence_id}/accept"),
        frozenset({"alice", "carol", "ed_by"}),
        decide("accept"),
    ),
    Route(
        "reject proposal",
        ("POST", "/api/v1/evidence/{evidence_id}/reject"),
        frozenset({"alice", "carol", "ed_by"}),
        decide("reject"),
    ),
    Route(
        "add organisation",
        ("POST", "/api/v1/organisations"),
        frozenset({"alice", "carol"}),
        lambda db: (
            "POST",
            "/api/v1/organisations",
            {"name": f"Агентство {next(_names)}", "kind": "agency", "country": "KG"},
            None,
        ),
    ),
    Route(
        "change organisation",
        ("PATCH", "/api/v1/organisations/{org_id}"),
        frozenset({"alice", "carol"}),
        lambda db: (
            "PATCH",
            "/api/v1/organisations/1",
            {"version": version(db, Organization, 1), "short_name": f"Орг {next(_names)}"},
            (Organization, 1),
        ),
    ),
    Route(
        "add person",
        ("POST", "/api/v1/people"),
        frozenset({"alice", "carol"}),
        lambda db: (
            "POST",
            "/api/v1/people",
            {"last_name": f"Иванов{next(_names)}", "first_name": "Иван", "country": "BY"},
            None,
        ),
    ),
    Route(
        "record an office",
        ("POST", "/api/v1/people/{person_id}/positions"),
        frozenset({"alice", "carol"}),
        lambda db: (
            "POST",
            "/api/v1/people/1/positions",
            {
                "version": version(db, Person, 1),
                "title": f"советник {next(_names)}",
                "start_on": "2026-01-01",
            },
            (Person, 1),
        ),
    ),
    Route(
        "record a session",
        ("POST", "/api/v1/sessions"),
        frozenset({"alice", "carol"}),
        lambda db: (
            "POST",
            "/api/v1/sessions",
            {"body_id": 1, "number": 10 + next(_names), "held_on": "2027-06-01", "place": "Бишкек"},
            None,
        ),
    ),
    Route(
        "update a Kyrgyz decision's progress",
        ("PATCH", "/api/v1/decisions/{decision_id}"),
        frozenset({"alice", "carol", "ed_kg"}),
        lambda db: (
            "PATCH",
            "/api/v1/decisions/4",
            {"version": version(db, Decision, 4), "due_on": f"2027-03-{next(_names) % 27 + 1:02d}"},
            (Decision, 4),
        ),
    ),
    Route(
        "rewrite a Kyrgyz decision",
        ("PATCH", "/api/v1/decisions/{decision_id}"),
        frozenset({"alice", "carol"}),
        lambda db: (
            "PATCH",
            "/api/v1/decisions/4",
            {"version": version(db, Decision, 4), "text": f"Подготовить график Дней культуры ({next(_names)})"},
            (Decision, 4),
        ),
    ),
    Route(
        "add a decision to a session",
        ("POST", "/api/v1/sessions/{session_id}/decisions"),
        frozenset({"alice", "carol"}),
        lambda db: (
            "POST",
            "/api/v1/sessions/1/decisions",
            {"number": f"8.{next(_names)}", "text": "Провести консультации", "owner_id": 1, "due_on": "2027-05-01"},
            None,
        ),
    ),
    Route(
        "change a session",
        ("PATCH", "/api/v1/sessions/{session_id}"),
        frozenset({"alice", "carol"}),
        lambda db: (
            "PATCH",
            "/api/v1/sessions/2",
            {"version": version(db, Meeting, 2), "place": f"Минск, зал {next(_names)}"},
            (Meeting, 2),
        ),
    ),
    Route(
        "change a person",
        ("PATCH", "/api/v1/people/{person_id}"),
        frozenset({"alice", "carol"}),
        lambda db: (
            "PATCH",
            "/api/v1/people/1",
            {"version": version(db, Person, 1), "name_en": f"Person {next(_names)}"},
            (Person, 1),
        ),
    ),
    Route(
        "close or correct an office",
        ("PATCH", "/api/v1/people/{person_id}/positions/{position_id}"),
        frozenset({"alice", "carol"}),
        lambda db: (
            "PATCH",
            "/api/v1/people/{}/positions/{}".format(*first_office(db)),
            {"version": version(db, Person, 1), "title": f"советник {next(_names)}"},
            (Person, 1),
        ),
    ),
    archiving("archive", Meeting, new_session, "/api/v1/sessions"),
    archiving("archive", Decision, new_decision, "/api/v1/decisions"),
    archiving("archive", Person, new_person, "/api/v1/people"),
    archiving("archive", Organization, new_org, "/api/v1/organisations"),
    archiving("restore", Meeting, new_session, "/api/v1/sessions"),
    archiving("restore", Decision, new_decision, "/api/v1/decisions"),
    archiving("restore", Person, new_person, "/api/v1/people"),
    archiving("restore", Organization, new_org, "/api/v1/organisations"),
    Route(
        "create user",
        ("POST", "/api/v1/users"),
        frozenset({"alice"}),
        lambda db: (
            "POST",
            "/api/v1/users",
            {"name": f"new{next(_names)}", "role": "viewer", "password": "long enough pass"},
            None,
        ),
    ),
]


def audit_count(db: Database, actor: str | None = None) -> int:
    query = select(func.count()).select_from(AuditEntry)
    if actor:
        query = query.where(AuditEntry.actor == actor)
    with db.reading() as s:
        return s.scalar(query) or 0


@pytest.fixture
def matrix_tokens(web_db: Database, api_tokens: dict[str, str]) -> dict[str, str]:
    """Every persona's token, and an editor of Belarus for agriculture: the right party, another direction."""
    from accord.auth import tokens, users
    from accord.domain.kinds import Role
    from tests.web.conftest import PASSWORD

    with web_db.transaction(actor="setup", reason="test personas") as session:
        user = users.add_user(session, "ed_agri", Role.EDITOR, PASSWORD, "BY", "agriculture")
        return {**api_tokens, "ed_agri": tokens.issue(session, user)}


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.name)
def test_it_allows_exactly_the_right_personas(
    web_db: Database, matrix_tokens: dict[str, str], route: Route
) -> None:
    with make_client(web_db) as client:
        for persona in ALL:
            method, url, body, guarded = route.prepare(web_db)
            before_all, before_mine = audit_count(web_db), audit_count(web_db, persona)
            before_version = version(web_db, *guarded) if guarded else None
            headers = bearer(matrix_tokens[persona]) if persona else {}
            response = client.request(method, url, json=body, headers=headers)
            if persona in route.allowed:
                assert response.status_code in (200, 201), (persona, response.text)
                assert audit_count(web_db, persona) > before_mine, f"{persona}'s change was not audited"
            else:
                assert response.status_code == (403 if persona else 401), (
                    persona,
                    response.status_code,
                    response.text,
                )
                assert audit_count(web_db) == before_all, f"a refused request by {persona} changed the record"
                if guarded:
                    assert version(web_db, *guarded) == before_version


SIGNED_IN = frozenset(p for p in ALL if p)
EVERYONE = frozenset(ALL)

#: every read: (URL to try, who reads it); the rest are refused (403; anonymous 401 on the API, login page on pages)
READS: dict[tuple[str, str], tuple[str, frozenset[str | None]]] = {
    ("GET", "/api/v1/me"): ("/api/v1/me", SIGNED_IN),
    ("GET", "/api/v1/users"): ("/api/v1/users", frozenset({"alice"})),
    ("GET", "/api/v1/dashboard"): ("/api/v1/dashboard", SIGNED_IN),
    ("GET", "/api/v1/roadmaps"): ("/api/v1/roadmaps", SIGNED_IN),
    ("GET", "/api/v1/measures"): ("/api/v1/measures", SIGNED_IN),
    ("GET", "/api/v1/measures/{measure_id}"): ("/api/v1/measures/{measure}", SIGNED_IN),
    ("GET", "/api/v1/agreements"): ("/api/v1/agreements", SIGNED_IN),
    ("GET", "/api/v1/agreements/{agreement_id}"): ("/api/v1/agreements/1", SIGNED_IN),
    ("GET", "/api/v1/projects"): ("/api/v1/projects", SIGNED_IN),
    ("GET", "/api/v1/projects/{project_id}"): ("/api/v1/projects/1", SIGNED_IN),
    ("GET", "/api/v1/sessions"): ("/api/v1/sessions", SIGNED_IN),
    ("GET", "/api/v1/sessions/{session_id}"): ("/api/v1/sessions/1", SIGNED_IN),
    ("GET", "/api/v1/decisions"): ("/api/v1/decisions", SIGNED_IN),
    ("GET", "/api/v1/decisions/{decision_id}"): ("/api/v1/decisions/1", SIGNED_IN),
    ("GET", "/api/v1/events"): ("/api/v1/events", SIGNED_IN),
    ("GET", "/api/v1/events/{event_id}"): ("/api/v1/events/1", SIGNED_IN),
    ("GET", "/api/v1/news"): ("/api/v1/news", SIGNED_IN),
    ("GET", "/api/v1/news/{item_id}"): ("/api/v1/news/{item}", SIGNED_IN),
    ("GET", "/api/v1/people"): ("/api/v1/people", SIGNED_IN),
    ("GET", "/api/v1/people/{person_id}"): ("/api/v1/people/1", SIGNED_IN),
    ("GET", "/api/v1/organisations"): ("/api/v1/organisations", SIGNED_IN),
    ("GET", "/api/v1/organisations/{org_id}"): ("/api/v1/organisations/1", SIGNED_IN),
    ("GET", "/api/v1/evidence"): ("/api/v1/evidence", SIGNED_IN),
    ("GET", "/api/v1/evidence/{evidence_id}"): ("/api/v1/evidence/{evidence}", SIGNED_IN),
    ("GET", "/api/v1/trade/summary"): ("/api/v1/trade/summary", SIGNED_IN),
    ("GET", "/api/v1/trade/flows"): ("/api/v1/trade/flows", SIGNED_IN),
    ("GET", "/api/v1/search"): ("/api/v1/search?q=соглашение", SIGNED_IN),
    ("GET", "/reports/session.{fmt}"): ("/reports/session.html", SIGNED_IN),
    ("GET", "/"): ("/", SIGNED_IN),
    ("GET", "/roadmap"): ("/roadmap", SIGNED_IN),
    ("GET", "/measures/{measure_id}"): ("/measures/{measure}", SIGNED_IN),
    ("GET", "/agreements"): ("/agreements", SIGNED_IN),
    ("GET", "/agreements/{agreement_id}"): ("/agreements/1", SIGNED_IN),
    ("GET", "/projects"): ("/projects", SIGNED_IN),
    ("GET", "/projects/{project_id}"): ("/projects/1", SIGNED_IN),
    ("GET", "/commission"): ("/commission", SIGNED_IN),
    ("GET", "/commission/sessions/{session_id}"): ("/commission/sessions/1", SIGNED_IN),
    ("GET", "/commission/decisions/{decision_id}"): ("/commission/decisions/1", SIGNED_IN),
    ("GET", "/events"): ("/events", SIGNED_IN),
    ("GET", "/events/{event_id}"): ("/events/1", SIGNED_IN),
    ("GET", "/news/{item_id}"): ("/news/{item}", SIGNED_IN),
    ("GET", "/people"): ("/people", SIGNED_IN),
    ("GET", "/people/{person_id}"): ("/people/1", SIGNED_IN),
    ("GET", "/organisations/{org_id}"): ("/organisations/1", SIGNED_IN),
    ("GET", "/review"): ("/review", SIGNED_IN),
    ("GET", "/trade"): ("/trade", SIGNED_IN),
    ("GET", "/search"): ("/search?q=соглашение", SIGNED_IN),
    ("GET", "/reports"): ("/reports", SIGNED_IN),
    ("GET", "/account"): ("/account", SIGNED_IN),
    ("GET", "/agreements/new"): ("/agreements/new", frozenset({"alice", "carol"})),
    ("GET", "/projects/new"): ("/projects/new", frozenset({"alice", "carol"})),
    # open to everyone: signing in, the language and roadmap switches (they only set the visitor's cookie),
    # the API's documentation; the calendar feed answers only its own token (tried in tests/remind)
    ("GET", "/login"): ("/login", EVERYONE),
    ("GET", "/lang/{code}"): ("/lang/en", EVERYONE),
    ("GET", "/roadmaps/choose"): ("/roadmaps/choose?code=by-kg-2030", EVERYONE),
    ("GET", "/api/docs"): ("/api/docs", EVERYONE),
    ("GET", "/calendar.ics"): ("/calendar.ics", frozenset()),
    ("GET", "/static-vendor/plotly.min.js"): ("/static-vendor/plotly.min.js", EVERYONE),
}

#: form posts (cookie session and CSRF token): (who may, how to build the form); tried by every persona
FORMS: dict[tuple[str, str], frozenset[str]] = {
    ("POST", "/measures/{measure_id}"): frozenset({"alice", "carol", "ed_by"}),
    ("POST", "/review/{evidence_id}/{verdict}"): frozenset({"alice", "carol", "ed_by"}),
    ("POST", "/account/password"): SIGNED_IN,
    ("POST", "/agreements"): frozenset({"alice", "carol"}),
    ("POST", "/agreements/{agreement_id}"): frozenset({"alice", "carol"}),
    ("POST", "/agreements/{agreement_id}/transitions"): frozenset({"alice", "carol"}),
    ("POST", "/agreements/{record_id}/archive"): frozenset({"alice", "carol"}),
    ("POST", "/agreements/{record_id}/restore"): frozenset({"alice", "carol"}),
    ("POST", "/projects"): frozenset({"alice", "carol"}),
    ("POST", "/projects/{project_id}"): frozenset({"alice", "carol"}),
    ("POST", "/projects/{project_id}/milestones"): frozenset({"alice", "carol"}),
    ("POST", "/projects/{project_id}/milestones/{milestone_id}"): frozenset({"alice", "carol"}),
    ("POST", "/projects/{record_id}/archive"): frozenset({"alice", "carol"}),
    ("POST", "/projects/{record_id}/restore"): frozenset({"alice", "carol"}),
    ("POST", "/login"): EVERYONE,
    ("POST", "/logout"): EVERYONE,
    ("POST", "/commission/sessions"): frozenset({"alice", "carol"}),
    ("POST", "/commission/sessions/{session_id}"): frozenset({"alice", "carol"}),
    ("POST", "/commission/sessions/{session_id}/decisions"): frozenset({"alice", "carol"}),
    # its progress: coordinators, and the editor of the owner's party (a Kyrgyz decision here)
    ("POST", "/commission/decisions/{decision_id}"): frozenset({"alice", "carol", "ed_kg"}),
    ("POST", "/people"): frozenset({"alice", "carol"}),
    ("POST", "/people/{person_id}"): frozenset({"alice", "carol"}),
    ("POST", "/people/{person_id}/offices"): frozenset({"alice", "carol"}),
    ("POST", "/people/{person_id}/offices/{position_id}"): frozenset({"alice", "carol"}),
    ("POST", "/organisations"): frozenset({"alice", "carol"}),
    ("POST", "/organisations/{org_id}"): frozenset({"alice", "carol"}),
    **{("POST", f"{page}/{{record_id}}/{verb}"): frozenset({"alice", "carol"})
       for page in ("/commission/sessions", "/commission/decisions", "/people", "/organisations")
       for verb in ("archive", "restore")},
}


def new_office(db: Database) -> tuple[int, int]:
    """A person of their own holding one office."""
    from accord.store.models import Position

    person_id = new_person(db)
    with db.transaction(actor="setup") as s:
        position = Position(person_id=person_id, title="советник", start_on=date(2024, 1, 1))
        s.add(position)
        s.flush()
        return person_id, position.id


def commission_directory_forms(db: Database) -> dict[tuple[str, str], tuple[str, dict[str, Any]]]:
    """The record forms, each on a record of its own so one persona's tries never make another's stale."""
    person, office_person, (holder, office), org = new_person(db), new_person(db), new_office(db), new_org(db)
    meeting, decision = new_session(db), new_decision(db)
    forms: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {
        ("POST", "/commission/sessions"): ("/commission/sessions", {"body_id": 1, "number": 200 + next(_names)}),
        ("POST", "/commission/sessions/{session_id}"): (
            f"/commission/sessions/{meeting}",
            {"version": version(db, Meeting, meeting), "number": 300 + next(_names), "place": "Ош"},
        ),
        ("POST", "/commission/sessions/{session_id}/decisions"): (
            "/commission/sessions/1/decisions",
            {"number": f"7.{next(_names)}", "text": "Обменяться данными", "owner_id": 1, "due_on": "01.06.2027"},
        ),
        ("POST", "/commission/decisions/{decision_id}"): (
            f"/commission/decisions/{decision}",
            {"version": version(db, Decision, decision), "status": "in_progress", "due_on": "01.04.2027"},
        ),
        ("POST", "/people"): ("/people", {"last_name": f"Сидоров{next(_names)}", "country": "BY"}),
        ("POST", "/people/{person_id}"): (
            f"/people/{person}", {"version": version(db, Person, person), "last_name": f"Петров-{next(_names)}"},
        ),
        ("POST", "/people/{person_id}/offices"): (
            f"/people/{office_person}/offices",
            {"version": version(db, Person, office_person), "title": "министр", "start_on": "01.02.2026"},
        ),
        ("POST", "/people/{person_id}/offices/{position_id}"): (
            f"/people/{holder}/offices/{office}",
            {"version": version(db, Person, holder), "title": "советник", "start_on": "01.01.2024",
             "end_on": "30.11.2026"},
        ),
        ("POST", "/organisations"): ("/organisations", {"name": f"Агентство {next(_names)}", "kind": "agency"}),
        ("POST", "/organisations/{org_id}"): (
            f"/organisations/{org}", {"version": version(db, Organization, org), "name": f"Фонд-{next(_names)}",
                                      "kind": "agency", "country": "KG"},
        ),
    }
    for page, make, model in (("/commission/sessions", new_session, Meeting), ("/commission/decisions", new_decision, Decision),
                              ("/people", new_person, Person), ("/organisations", new_org, Organization)):
        for verb in ("archive", "restore"):
            row = (archived(model, make) if verb == "restore" else make)(db)
            forms[("POST", f"{page}/{{record_id}}/{verb}")] = (f"{page}/{row}/{verb}", {"version": version(db, model, row)})
    return forms


def declared_routes(db: Database) -> set[tuple[str, str]]:
    """(method, path) of every operation in the OpenAPI schema and every page route of the app."""
    from fastapi.routing import APIRoute

    from accord.web.app import create_app
    from accord.web.routes import ROUTERS

    app = create_app(db, secret_key="matrix-" * 6)
    found = {(m.upper(), path) for path, ops in app.openapi()["paths"].items() for m in ops}
    for router in (*ROUTERS, app.router):
        for route in router.routes:
            if isinstance(route, APIRoute):
                found |= {(m, route.path) for m in route.methods if m != "HEAD"}
    return found


def test_every_route_has_a_row_and_every_row_a_route(sqlite_db: Database) -> None:
    declared = declared_routes(sqlite_db)
    tabled = {r.key for r in ROUTES} | set(READS) | set(FORMS)
    assert not declared - tabled, f"routes without an expected outcome per role: {sorted(declared - tabled)}"
    assert not tabled - declared, f"rows for routes that no longer exist: {sorted(tabled - declared)}"


def test_no_one_but_an_administrator_manages_accounts_or_tokens(sqlite_db: Database) -> None:
    """Creating accounts or tokens, or changing a role (one's own included), is the administrator's alone."""
    for method, path in declared_routes(sqlite_db):
        if method != "GET" and any(w in path for w in ("user", "token", "role", "account")):
            if (method, path) == ("POST", "/account/password"):
                continue  # one's own password, with the current one; tried in test_sessions
            rows = [r for r in ROUTES if r.key == (method, path)]
            assert rows and all(r.allowed == {"alice"} for r in rows), (method, path)


def fill(url: str, ids: dict[str, int]) -> str:
    return url.format(**ids)


def test_every_read_is_allowed_exactly_to_its_readers(
    web_db: Database, matrix_tokens: dict[str, str]
) -> None:
    evidence = add_proposal(web_db, "2.1")
    with web_db.reading() as s:
        from accord.store.models import Evidence

        ids = {
            "measure": measure_id(web_db, "2.1"),
            "evidence": evidence,
            "item": s.get(Evidence, evidence).source_item_id,
        }
    failures = []
    with make_client(web_db) as client:
        for (method, path), (url, readers) in sorted(READS.items()):
            for persona in ALL:
                headers = bearer(matrix_tokens[persona]) if persona else {}
                response = client.request(method, fill(url, ids), headers=headers, follow_redirects=False)
                to_login = response.status_code == 303 and response.headers["location"].startswith("/login")
                if persona in readers:
                    ok = response.status_code in (200, 303) and not to_login
                elif persona is None:
                    ok = response.status_code == 401 or to_login
                else:  # refused: 403, or 401 where only a token of its own opens it (the calendar feed)
                    ok = response.status_code in (401, 403)
                if not ok:
                    failures.append(f"{persona or 'anonymous'} {method} {path}: {response.status_code}")
    assert not failures, "\n".join(failures)


def test_every_form_is_allowed_exactly_to_its_personas(
    web_db: Database, matrix_tokens: dict[str, str]
) -> None:
    from tests.web.conftest import PASSWORD, csrf_of, login

    belarus_only_measure(web_db)
    failures = []
    for persona in ALL:
        with make_client(web_db) as client:
            if persona:
                login(client, persona)
            evidence = add_proposal(web_db, "2.9")
            mid = measure_id(web_db, "2.9")
            with web_db.reading() as s:
                m = s.get(Measure, mid)
            forms = {
                **record_forms(web_db),  # before signing out, which ends the persona's session
                **commission_directory_forms(web_db),
                ("POST", "/measures/{measure_id}"): (
                    f"/measures/{mid}",
                    {
                        "version": m.version,
                        "status": m.status,
                        "note": f"форма {next(_names)}",
                        "expected_result": m.expected_result or "",
                    },
                ),
                ("POST", "/review/{evidence_id}/{verdict}"): (f"/review/{evidence}/reject", {"note": "нет"}),
                ("POST", "/account/password"): (
                    "/account/password",
                    {"current": "wrong password", "new": "x" * 12, "repeat": "x" * 12},
                ),
                ("POST", "/login"): ("/login", {"name": "vic", "password": PASSWORD, "next": "/"}),
                ("POST", "/logout"): ("/logout", {}),
            }
            assert set(forms) == set(FORMS)
            for key, (url, form) in forms.items():
                before = audit_count(web_db)
                csrf = csrf_of(client.get("/login").text)  # the session's token, whichever the last form left
                response = client.post(url, data={**form, "csrf": csrf}, follow_redirects=False)
                to_login = response.status_code == 303 and response.headers["location"].startswith("/login")
                if persona in FORMS[key]:
                    ok = response.status_code in (200, 303, 401, 422) and not (
                        to_login and key[1] != "/logout"
                    )
                else:
                    ok = (to_login if persona is None else response.status_code == 403) and audit_count(
                        web_db
                    ) == before
                if not ok:
                    failures.append(f"{persona or 'anonymous'} {key}: {response.status_code}")
    assert not failures, "\n".join(failures)


def record_forms(db: Database) -> dict[tuple[str, str], tuple[str, dict[str, Any]]]:
    """The agreement and project forms, each on a record of its own at its current version."""
    agreement = {"title": "Соглашение", "kind": "agreement", "level": "intergovernmental"}
    project = {"title": "Проект", "stage": "implementation"}
    a_edit, a_move, a_arch, a_rest = new_draft(db), new_draft(db), new_draft(db), archived(Agreement, new_draft)(db)
    p_edit, p_add, p_arch, p_rest = (new_project(db), new_project(db), new_project(db),
                                     archived(Project, new_project)(db))
    p_ms, milestone = project_with_milestone(db)
    return {
        ("POST", "/agreements"): ("/agreements", {**agreement, "title": f"Меморандум {next(_names)}"}),
        ("POST", "/agreements/{agreement_id}"): (
            f"/agreements/{a_edit}", {**agreement, "version": version(db, Agreement, a_edit), "source": "протокол"}),
        ("POST", "/agreements/{agreement_id}/transitions"): (
            f"/agreements/{a_move}/transitions", {"version": version(db, Agreement, a_move), "to": "signed",
                                                  "on": "20.11.2026"}),
        ("POST", "/agreements/{record_id}/archive"): (
            f"/agreements/{a_arch}/archive", {"version": version(db, Agreement, a_arch)}),
        ("POST", "/agreements/{record_id}/restore"): (
            f"/agreements/{a_rest}/restore", {"version": version(db, Agreement, a_rest)}),
        ("POST", "/projects"): ("/projects", {**project, "title": f"Проект {next(_names)}"}),
        ("POST", "/projects/{project_id}"): (
            f"/projects/{p_edit}", {**project, "version": version(db, Project, p_edit), "region": "Минск"}),
        ("POST", "/projects/{project_id}/milestones"): (
            f"/projects/{p_add}/milestones", {"version": version(db, Project, p_add), "title": "пуск",
                                              "due_on": "30.06.2027"}),
        ("POST", "/projects/{project_id}/milestones/{milestone_id}"): (
            f"/projects/{p_ms}/milestones/{milestone}", {"version": version(db, Project, p_ms), "title": "пуск",
                                                         "done_on": "01.06.2027"}),
        ("POST", "/projects/{record_id}/archive"): (
            f"/projects/{p_arch}/archive", {"version": version(db, Project, p_arch)}),
        ("POST", "/projects/{record_id}/restore"): (
            f"/projects/{p_rest}/restore", {"version": version(db, Project, p_rest)}),
    }
