"""The commission and directory forms and their API twins: roles, CSRF, version check, audit, archiving,
day fields in ДД.ММ.ГГГГ, and a decision becoming a task on its owner's dashboard."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from accord.store.db import Database
from accord.store.models import AuditEntry, Decision, Organization, Person, Position
from accord.store.models import Session as Meeting
from accord.web.data.records import person_data
from tests.conftest import TODAY
from tests.web.conftest import add_personas, bearer, login, make_client


def kyrgyz_org(db: Database) -> int:
    with db.reading() as s:
        return s.scalars(select(Organization.id).where(Organization.country_code == "KG").order_by(Organization.id)).first()


def test_it_adds_a_decision_that_becomes_the_owners_task(web_db: Database) -> None:
    add_personas(web_db)
    owner = kyrgyz_org(web_db)
    with make_client(web_db) as carol, make_client(web_db) as ed:
        csrf = login(carol, "carol")
        form = {"number": "5", "text": "Подготовить план поставок семян", "owner_id": owner, "due_on": "20.12.2026",
                "csrf": csrf}
        response = carol.post("/commission/sessions/1/decisions", data=form, follow_redirects=False)
        assert response.status_code == 303
        with web_db.reading() as s:
            d = s.scalars(select(Decision).where(Decision.text == "Подготовить план поставок семян")).one()
            assert (d.owner_id, d.due_on.isoformat(), d.status) == (owner, "2026-12-20", "planned")
            assert s.scalars(select(AuditEntry.actor).where(AuditEntry.entity == "decision",
                                                            AuditEntry.entity_id == d.id)).all() == ["carol"]
        assert "Подготовить план поставок семян" in carol.get(response.headers["location"]).text
        login(ed, "ed_kg")
        assert "Подготовить план поставок семян" in ed.get("/").text.split('id="tasks"')[1].split("</section>")[0]
        tasks = ed.get("/api/v1/dashboard").json()["tasks"]
        mine = [t for t in tasks if t["entity"] == "decision" and t["id"] == d.id]
        assert mine and mine[0]["due_on"] == "2026-12-20" and mine[0]["path"] == f"/commission/decisions/{d.id}"


def test_it_refuses_a_decision_from_an_editor_and_without_the_csrf_token(web_db: Database) -> None:
    add_personas(web_db)
    form = {"number": "6", "text": "Чужое решение", "owner_id": kyrgyz_org(web_db), "due_on": "01.02.2027"}
    with make_client(web_db) as ed, make_client(web_db) as carol:
        csrf = login(ed, "ed_kg")
        assert ed.post("/commission/sessions/1/decisions", data={**form, "csrf": csrf}).status_code == 403
        login(carol, "carol")
        assert carol.post("/commission/sessions/1/decisions", data={**form, "csrf": "forged"}).status_code == 403
        assert 'id="add-decision"' not in ed.get("/commission/sessions/1").text
    with web_db.reading() as s:
        assert s.scalars(select(Decision).where(Decision.text == "Чужое решение")).first() is None


def test_it_shows_day_fields_as_dd_mm_yyyy_and_names_a_bad_one(web_db: Database) -> None:
    add_personas(web_db)
    with make_client(web_db) as carol:
        csrf = login(carol, "carol")
        page = carol.get("/commission/sessions/1").text
        assert 'placeholder="ДД.ММ.ГГГГ"' in page
        with web_db.reading() as s:
            held = s.get(Meeting, 1).held_on
        assert f'value="{held:%d.%m.%Y}"' in page
        bad = {"number": "7", "text": "Решение с неверной датой", "owner_id": kyrgyz_org(web_db), "due_on": "31.02.2027",
               "csrf": csrf}
        response = carol.post("/commission/sessions/1/decisions", data=bad)
        assert response.status_code == 422
        assert "deadline" in response.text and "31.02.2027" in response.text
        assert "Решение с неверной датой" in response.text  # what was typed is kept
    with web_db.reading() as s:
        assert s.scalars(select(Decision).where(Decision.number == "7")).first() is None


def new_person_with_office(db: Database) -> tuple[int, int]:
    with db.transaction(actor="setup") as s:
        person = Person(last_name="Осмонов", first_name="Марат", country_code="KG")
        person.positions.append(Position(title="заместитель министра", start_on=TODAY.replace(year=TODAY.year - 2)))
        s.add(person)
        s.flush()
        return person.id, person.positions[0].id


def stale_cases(db: Database) -> list[tuple[str, str, dict[str, Any], str, str, dict[str, Any], type, int]]:
    """Per record form: its URL and fields, and the change another user makes first through the API."""
    person, office = new_person_with_office(db)
    return [
        ("session", "/commission/sessions/2", {"number": 2, "held_on": "", "place": "Гомель", "summary": ""},
         "PATCH", "/api/v1/sessions/2", {"place": "Минск, Дом правительства"}, Meeting, 2),
        ("decision", "/commission/decisions/4", {"status": "in_progress", "due_on": ""},
         "PATCH", "/api/v1/decisions/4", {"status": "cancelled"}, Decision, 4),
        ("person", f"/people/{person}", {"last_name": "Осмонов", "first_name": "Марат", "patronymic": "Ч."},
         "PATCH", f"/api/v1/people/{person}", {"name_en": "Marat Osmonov"}, Person, person),
        ("office", f"/people/{person}/offices/{office}", {"title": "заместитель министра", "end_on": "30.11.2026"},
         "PATCH", f"/api/v1/people/{person}/positions/{office}", {"title": "первый заместитель министра"}, Person, person),
        ("organisation", "/organisations/1", {"name": "Министерство", "kind": "ministry"},
         "PATCH", "/api/v1/organisations/1", {"short_name": "МИД"}, Organization, 1),
    ]


@pytest.mark.parametrize("case", ["session", "decision", "person", "office", "organisation"])
def test_a_stale_form_shows_who_changed_the_record_and_saves_nothing(web_db: Database, case: str) -> None:
    tokens = add_personas(web_db)
    name, url, form, method, api, change, model, row = next(c for c in stale_cases(web_db) if c[0] == case)
    with web_db.reading() as s:
        opened = s.get(model, row).version
    response = make_client(web_db).request(method, api, json={"version": opened, **change}, headers=bearer(tokens["alice"]))
    assert response.status_code == 200, response.text
    with make_client(web_db) as carol:
        csrf = login(carol, "carol")
        stale = carol.post(url, data={**form, "version": opened, "csrf": csrf})
    assert stale.status_code == 409, stale.text
    assert 'id="conflict"' in stale.text and "alice" in stale.text.split('id="conflict"')[1].split("</section>")[0]
    with web_db.reading() as s:
        assert s.get(model, row).version == opened + 1  # only alice's change was saved


def test_archiving_through_the_api_is_audited_and_takes_the_person_out_of_the_lists(web_db: Database) -> None:
    tokens = add_personas(web_db)
    person, _ = new_person_with_office(web_db)
    with make_client(web_db) as client:
        headers = bearer(tokens["carol"])
        assert client.post(f"/api/v1/people/{person}/archive", json={"version": 1}, headers=headers).status_code == 200
        listed = client.get("/api/v1/people?limit=500", headers=headers).json()["items"]
        assert person not in {p["id"] for p in listed}
        everyone = client.get("/api/v1/people?limit=500&archived=true", headers=headers).json()["items"]
        assert person in {p["id"] for p in everyone}
        shown = client.get(f"/api/v1/people/{person}", headers=headers).json()
        assert shown["archived_by"] == "carol"
        assert {(h["action"], h["actor"]) for h in shown["history"]} >= {("archive", "carol")}
        again = client.patch(f"/api/v1/people/{person}", json={"version": shown["version"], "patronymic": "Б."},
                             headers=headers)
        assert again.status_code == 422 and "archived" in again.text
        page = client.get(f"/people/{person}", headers=headers).text
        assert 'id="archived"' in page and 'id="edit-person"' not in page


def test_a_page_and_its_json_come_from_one_data_function(web_db: Database) -> None:
    tokens = add_personas(web_db)
    person, _ = new_person_with_office(web_db)
    with make_client(web_db) as client:
        shown = client.get(f"/api/v1/people/{person}", headers=bearer(tokens["vic"])).json()
    with web_db.reading() as s:
        assert shown == person_data(s, person, TODAY)
    assert shown["positions"][0]["title"] == "заместитель министра" and shown["positions"][0]["current"] is True


def test_it_closes_an_office_and_opens_the_next_from_the_person_page(web_db: Database) -> None:
    add_personas(web_db)
    person, office = new_person_with_office(web_db)
    org = kyrgyz_org(web_db)
    with make_client(web_db) as carol:
        csrf = login(carol, "carol")
        closed = carol.post(f"/people/{person}/offices/{office}", data={
            "version": 1, "title": "заместитель министра", "start_on": "", "end_on": "30.11.2026", "csrf": csrf},
            follow_redirects=False)
        assert closed.status_code == 303
        opened = carol.post(f"/people/{person}/offices", data={
            "version": 2, "title": "министр", "organization_id": org, "start_on": "01.12.2026", "csrf": csrf},
            follow_redirects=False)
        assert opened.status_code == 303
    with web_db.reading() as s:
        p = s.get(Person, person)
        assert [(x.title, x.end_on and x.end_on.isoformat()) for x in p.positions] == [
            ("заместитель министра", "2026-11-30"), ("министр", None)]
        assert p.positions[0].start_on is not None  # an empty start leaves the start as it was
