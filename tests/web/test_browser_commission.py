"""Recording the commission and the directory in a real browser (Debian's chromium through Playwright):
adding a decision as a coordinator and being refused as an editor, editing a person's office, and a stale
edit on each record form naming who changed the record. Screenshots go to artifacts/screenshots/.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from sqlalchemy import select

from accord.domain.status import MeasureStatus
from accord.store.commission_edits import DecisionEdit, SessionEdit, edit_decision, edit_session
from accord.store.db import Database
from accord.store.directory_edits import (
    OfficeEdit,
    OrganizationEdit,
    PersonEdit,
    edit_office,
    edit_organization,
    edit_person,
)
from accord.store.models import Decision, Organization, Person, Position
from accord.store.models import Session as Meeting
from tests.conftest import TODAY
from tests.web.conftest import PASSWORD
from tests.web.test_browser import browser, browser_db, page, server, shot, sign_in  # noqa: F401 - the fixtures

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture
def second_page(browser, server: str) -> Iterator[object]:  # noqa: ANN001, F811
    """Another person's browser, signed in separately."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server, locale="ru-RU")
    yield context.new_page()
    context.close()


def sign_in_as(tab, name: str) -> None:  # noqa: ANN001
    tab.goto("/login")
    tab.fill("input[name=name]", name)
    tab.fill("input[name=password]", PASSWORD)
    tab.click("button[type=submit]")
    tab.wait_for_url("**/")


def kyrgyz_org(db: Database) -> Organization:
    with db.reading() as s:
        return s.scalars(select(Organization).where(Organization.country_code == "KG").order_by(Organization.id)).first()


def test_it_adds_a_decision_as_a_coordinator_and_refuses_an_editor(page, second_page, browser_db: Database) -> None:  # noqa: ANN001, F811
    owner = kyrgyz_org(browser_db)
    sign_in(page, "carol")
    page.goto("/commission/sessions/1")
    form = page.locator("#add-decision")
    assert form.locator("input[name=due_on]").get_attribute("placeholder") == "ДД.ММ.ГГГГ"
    form.locator("input[name=number]").fill("5")
    form.locator("textarea[name=text]").fill("Подготовить перечень семян для взаимных поставок")
    form.locator("select[name=owner_id]").select_option(str(owner.id))
    form.locator("input[name=due_on]").fill("15.01.2027")
    shot(page, "decision-add")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("#added")
    row = page.locator("#decisions tr", has_text="Подготовить перечень семян")
    assert "15 янв. 2027" in row.inner_text()
    shot(page, "decision-added")
    with browser_db.reading() as s:
        d = s.scalars(select(Decision).where(Decision.text.like("Подготовить перечень семян%"))).one()
        assert (d.owner_id, d.due_on, d.status) == (owner.id, date(2027, 1, 15), "planned")

    sign_in_as(second_page, "ed_by")
    second_page.goto("/commission/sessions/1")
    assert second_page.locator("#add-decision").count() == 0
    csrf = second_page.locator("form[action='/logout'] input[name=csrf]").get_attribute("value")
    refused = second_page.request.post("/commission/sessions/1/decisions", form={
        "csrf": csrf, "number": "6", "text": "Решение редактора", "owner_id": str(owner.id), "due_on": "01.02.2027"})
    assert refused.status == 403
    with browser_db.reading() as s:
        assert s.scalars(select(Decision).where(Decision.text == "Решение редактора")).first() is None


def person_with_office(db: Database, last_name: str) -> tuple[int, int]:
    with db.transaction(actor="setup") as s:
        person = Person(last_name=last_name, first_name="Нурлан", country_code="KG")
        person.positions.append(Position(title="заместитель министра", start_on=date(2024, 2, 1)))
        s.add(person)
        s.flush()
        return person.id, person.positions[0].id


def test_it_edits_a_persons_office(page, browser_db: Database) -> None:  # noqa: ANN001, F811
    person, office = person_with_office(browser_db, "Абдыкадыров")
    owner = kyrgyz_org(browser_db)
    sign_in(page, "carol")
    page.goto(f"/people/{person}")
    row = page.locator(f"#office-{office}")
    row.locator("summary").click()
    row.locator("input[name=end_on]").fill("30.11.2026")
    shot(page, "office-close")
    row.locator("button[type=submit]").click()
    page.wait_for_selector("#saved")
    assert "30 нояб. 2026" in page.locator(f"#office-{office}").inner_text()
    add = page.locator("#add-office")
    add.locator("input[name=title]").fill("министр")
    add.locator("select[name=organization_id]").select_option(str(owner.id))
    add.locator("input[name=start_on]").fill("01.12.2026")
    add.locator("button[type=submit]").click()
    page.wait_for_selector("#saved")
    assert page.locator("#offices tr.current", has_text="министр").count() == 1
    shot(page, "office-opened")
    with browser_db.reading() as s:
        held = s.get(Person, person)
        assert held.position_on(date(2026, 11, 1)).title == "заместитель министра"
        assert held.position_on(TODAY.replace(year=TODAY.year + 1)).title == "министр"


def _stale_session(db: Database) -> tuple[str, str, Callable[[object], None]]:
    def other(s: object) -> None:
        edit_session(s, s.get(Meeting, 2), SessionEdit(place="Минск, Дом правительства"), None)  # type: ignore[attr-defined]

    return "/commission/sessions/2", "#edit-session", other


def _stale_decision(db: Database) -> tuple[str, str, Callable[[object], None]]:
    def other(s: object) -> None:
        edit_decision(s, s.get(Decision, 4), DecisionEdit(status=MeasureStatus.IN_PROGRESS), None)  # type: ignore[attr-defined]

    return "/commission/decisions/4", "#edit-decision", other


def _stale_person(db: Database) -> tuple[str, str, Callable[[object], None]]:
    person, _ = person_with_office(db, "Токтогулов")

    def other(s: object) -> None:
        edit_person(s, s.get(Person, person), PersonEdit(name_en="Nurlan Toktogulov"), None)  # type: ignore[attr-defined]

    return f"/people/{person}", "#edit-person", other


def _stale_office(db: Database) -> tuple[str, str, Callable[[object], None]]:
    person, office = person_with_office(db, "Жээнбеков")

    def other(s: object) -> None:
        edit_office(s, s.get(Person, person), office, OfficeEdit(title="первый заместитель министра"), None)  # type: ignore[attr-defined]

    return f"/people/{person}", f"#office-{office} form", other


def _stale_organisation(db: Database) -> tuple[str, str, Callable[[object], None]]:
    def other(s: object) -> None:
        edit_organization(s, s.get(Organization, 2), OrganizationEdit(short_name="Минфин"), None)  # type: ignore[attr-defined]

    return "/organisations/2", "#edit-organisation", other


@pytest.mark.parametrize("case", [_stale_session, _stale_decision, _stale_person, _stale_office, _stale_organisation],
                         ids=["session", "decision", "person", "office", "organisation"])
def test_a_stale_edit_on_each_form_shows_who_changed_it(page, browser_db: Database, case) -> None:  # noqa: ANN001, F811
    url, selector, other = case(browser_db)
    sign_in(page, "carol")
    page.goto(url)
    form = page.locator(selector)
    if selector.startswith("#office-"):
        page.locator(selector.split(" ")[0] + " summary").click()
    with browser_db.transaction(actor="alice", reason="changed meanwhile") as s:
        other(s)  # alice saves while carol's form is open
    for field in ("place", "title", "patronymic", "short_name"):
        box = form.locator(f"input[name={field}]")
        if box.count():
            box.fill("правка Кэрол")
            break
    form.locator("button[type=submit]").click()
    page.wait_for_selector("#conflict")
    notice = page.locator("#conflict").inner_text()
    assert "alice" in notice
    shot(page, f"stale-{selector.strip('#').split(' ')[0]}")
