"""The web app over the example, with personas: alice (admin), carol (coordinator),
ed_by (editor for Belarus, industry), ed_kg (editor for Kyrgyzstan), vic (viewer), and anonymous."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import select

from accord.auth import tokens, users
from accord.domain.kinds import Role
from accord.store.db import Database
from accord.store.models import Evidence, Measure, SourceItem
from accord.web.app import create_app
from tests.conftest import TODAY

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette suggests httpx2 for its test client
    from fastapi.testclient import TestClient

PASSWORD = "correct horse battery"


@dataclass(frozen=True)
class Persona:
    name: str
    role: Role
    party: str | None = None
    direction: str | None = None


PERSONAS = {
    "alice": Persona("alice", Role.ADMIN),
    "carol": Persona("carol", Role.COORDINATOR),
    "ed_by": Persona("ed_by", Role.EDITOR, "BY", "industry"),
    "ed_kg": Persona("ed_kg", Role.EDITOR, "KG"),
    "vic": Persona("vic", Role.VIEWER),
}


def add_personas(db: Database) -> dict[str, str]:
    """Every persona's account; returns an API token for each."""
    issued = {}
    with db.transaction(actor="setup", reason="test personas") as session:
        for p in PERSONAS.values():
            user = users.add_user(session, p.name, p.role, PASSWORD, p.party, p.direction)
            issued[p.name] = tokens.issue(session, user)
    return issued


def add_proposal(db: Database, measure_number: str = "2.1") -> int:
    """A news item and a proposed link from it to a measure, as the news reader would leave it."""
    with db.transaction(actor="reader", reason="test proposal") as session:
        measure = session.scalars(select(Measure).where(Measure.number == measure_number)).one()
        n = len(session.scalars(select(SourceItem.id)).all()) + 1
        item = SourceItem(url=f"https://example.org/news/assembly-plant-{n}", text_hash=f"h{n}",
                          title="В Чуйской области начато сборочное производство тракторов",
                          published_on=date(2026, 11, 20), outlet="Пример-новости",
                          text="В Чуйской области начато сборочное производство белорусских тракторов.")
        session.add(item)
        session.flush()
        evidence = Evidence(source_item_id=item.id, measure_id=measure.id, state="proposed", score=0.82,
                            reason="сборочное производство; Чуйская область; сельскохозяйственная техника")
        session.add(evidence)
        session.flush()
        return evidence.id


@pytest.fixture
def web_db(example_db: Database) -> Database:
    return example_db


@pytest.fixture
def api_tokens(web_db: Database) -> dict[str, str]:
    return add_personas(web_db)


def make_client(db: Database, public_read: bool = False, raise_server_exceptions: bool = True,
                **kw: object) -> TestClient:
    app = create_app(db, today=lambda: TODAY, public_read=public_read, secret_key="test-secret-" * 4,
                     login_rate=kw.pop("login_rate", 1000), **kw)  # type: ignore[arg-type]
    return TestClient(app, raise_server_exceptions=raise_server_exceptions)


@pytest.fixture
def client(web_db: Database) -> Iterator[TestClient]:
    with make_client(web_db) as c:
        yield c


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "no CSRF token in the page"
    return match.group(1)


def login(client: TestClient, name: str, password: str = PASSWORD) -> str:
    """Sign in through the form; returns the session's CSRF token."""
    token = csrf_of(client.get("/login").text)
    response = client.post("/login", data={"name": name, "password": password, "csrf": token, "next": "/"},
                           follow_redirects=False)
    assert response.status_code == 303, response.text
    return csrf_of(client.get("/account").text)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
