"""Agreement and project forms in a real browser (Debian's chromium through Playwright) against a real uvicorn.

A coordinator registers an agreement and moves it signed → in force, edits a project's stage; an
editor is refused each; a stale form shows who changed the record meanwhile. Screenshots go to
artifacts/screenshots/ for a person to look at.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from accord.store.models import Agreement, AuditEntry, Project
from tests.web.test_browser import browser, browser_db, page, server, shot, sign_in  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

TITLE = "Соглашение о сотрудничестве в области цифровой экономики"


def sign_in_as(page, name: str) -> None:  # noqa: ANN001, F811
    page.context.clear_cookies()
    sign_in(page, name)


def test_a_coordinator_registers_an_agreement_and_moves_it_signed_then_in_force(page, browser_db) -> None:  # noqa: ANN001, F811
    sign_in_as(page, "carol")
    page.goto("/agreements")
    page.click("#new-agreement")
    page.wait_for_selector("#new-agreement-form")
    assert page.get_attribute("#new-agreement-form input[name=valid_until]", "placeholder") == "ДД.ММ.ГГГГ"
    page.fill("#new-agreement-form input[name=title]", TITLE)
    page.select_option("#new-agreement-form select[name=kind]", "agreement")
    page.select_option("#new-agreement-form select[name=level]", "intergovernmental")
    page.select_option("#new-agreement-form select[name=parties]", ["BY", "KG"])
    page.select_option("#new-agreement-form select[name=sectors]", ["digital"])
    page.fill("#new-agreement-form input[name=valid_until]", "31.12.2031")
    shot(page, "agreement-new")
    page.click("#new-agreement-form button[type=submit]")
    page.wait_for_selector("#saved")
    assert page.locator("h1").inner_text().startswith(TITLE)
    page.select_option("#move-agreement select[name=to]", "signed")
    page.fill("#move-agreement input[name=on]", "14.04.2026")
    page.click("#move-agreement button[type=submit]")
    page.wait_for_selector("#moved")
    page.select_option("#move-agreement select[name=to]", "in_force")
    page.fill("#move-agreement input[name=on]", "01.06.2026")
    page.click("#move-agreement button[type=submit]")
    page.wait_for_selector("#moved")
    assert page.locator("#status").inner_text().strip().lower() == "в силе"
    assert page.locator("#lifecycle li").count() == 2
    shot(page, "agreement-in-force")
    with browser_db.reading() as s:
        a = s.scalars(select(Agreement).where(Agreement.title == TITLE)).one()
        assert (a.status, a.signed_on, a.in_force_from, a.valid_until) == (
            "in_force", date(2026, 4, 14), date(2026, 6, 1), date(2031, 12, 31))
        actors = set(s.scalars(select(AuditEntry.actor).where(AuditEntry.entity == "agreement",
                                                              AuditEntry.entity_id == a.id)))
        assert actors == {"carol"}


def test_an_editor_cannot_register_or_move_agreements(page, browser_db) -> None:  # noqa: ANN001, F811
    sign_in_as(page, "ed_by")
    page.goto("/agreements")
    assert page.locator("#new-agreement").count() == 0
    response = page.goto("/agreements/new")
    assert response.status == 403
    page.goto("/agreements/1")
    assert page.locator("#move-agreement").count() == 0 and page.locator("#edit-agreement").count() == 0
    with browser_db.reading() as s:
        version = s.get(Agreement, 1).version
    # a forged post with the editor's own valid CSRF token is refused all the same
    page.goto("/account")
    csrf = page.get_attribute("input[name=csrf]", "value")
    refused = page.request.post("/agreements/1/transitions",
                                form={"csrf": csrf, "version": str(version), "to": "terminated", "on": "01.12.2026"})
    assert refused.status == 403
    with browser_db.reading() as s:
        assert s.get(Agreement, 1).version == version


def test_a_coordinator_edits_a_project_stage_and_an_editor_cannot(page, browser_db) -> None:  # noqa: ANN001, F811
    sign_in_as(page, "carol")
    page.goto("/projects/1")
    page.select_option("#edit-project select[name=stage]", "operating")
    shot(page, "project-edit")
    page.click("#edit-project button[type=submit]")
    page.wait_for_selector("#saved")
    assert page.locator("#stage").inner_text().strip().lower() == "действует"
    with browser_db.reading() as s:
        assert s.get(Project, 1).stage == "operating"
        version = s.get(Project, 1).version
    sign_in_as(page, "ed_kg")
    page.goto("/projects/1")
    assert page.locator("#edit-project").count() == 0
    csrf = page.get_attribute("input[name=csrf]", "value")
    refused = page.request.post("/projects/1", form={"csrf": csrf, "version": str(version), "title": "x",
                                                     "stage": "closed"})
    assert refused.status == 403
    with browser_db.reading() as s:
        assert (s.get(Project, 1).stage, s.get(Project, 1).version) == ("operating", version)


@pytest.mark.parametrize("form,path,change", [
    ("#edit-agreement", "/agreements/2", lambda s: setattr(s.get(Agreement, 2), "source", "протокол заседания")),
    ("#move-agreement", "/agreements/2", lambda s: setattr(s.get(Agreement, 2), "signed_at", "Бишкек")),
    ("#edit-project", "/projects/2", lambda s: setattr(s.get(Project, 2), "region", "Гродненская область")),
    ("#add-milestone", "/projects/2", lambda s: setattr(s.get(Project, 2), "description", "уточнено")),
])
def test_a_stale_form_shows_who_changed_the_record(page, browser_db, form: str, path: str, change) -> None:  # noqa: ANN001, F811
    sign_in_as(page, "carol")
    page.goto(path)
    page.wait_for_selector(form)
    with browser_db.transaction(actor="alice", reason="meanwhile") as s:
        change(s)
    if form == "#move-agreement":
        page.fill(f"{form} input[name=on]", "01.12.2026")
    if form == "#add-milestone":
        page.fill(f"{form} input[name=title]", "Пробный запуск")
    page.click(f"{form} button[type=submit]")
    page.wait_for_selector("#conflict")
    assert page.locator("#conflict .who-changed b").inner_text() == "alice"
    assert "alice" in page.locator("#conflict table").inner_text()
    shot(page, f"stale-{form.strip('#')}")
