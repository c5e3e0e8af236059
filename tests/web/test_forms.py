"""Signing in, cookies, CSRF, the measure form (with a stale edit refused), review decisions, language."""

from __future__ import annotations

from sqlalchemy import select

from accord.store.models import AuditEntry, Evidence, Measure
from tests.web.conftest import PASSWORD, add_personas, add_proposal, csrf_of, login, make_client


def test_it_sends_anonymous_visitors_to_the_login_page(web_db) -> None:  # noqa: ANN001
    with make_client(web_db) as client:
        response = client.get("/roadmap?direction=industry", follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"] == "/login?next=/roadmap%3Fdirection%3Dindustry"
        assert client.get("/login").status_code == 200


def test_it_signs_in_with_a_hardened_cookie_and_out_again(web_db) -> None:  # noqa: ANN001
    add_personas(web_db)
    with make_client(web_db, secure_cookies=True) as client:
        token = csrf_of(client.get("/login").text)
        response = client.post("/login", data={"name": "vic", "password": PASSWORD, "csrf": token},
                               follow_redirects=False)
        cookie = response.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=lax" in cookie and "secure" in cookie
    with make_client(web_db) as client:
        csrf = login(client, "vic")
        assert client.get("/", follow_redirects=False).status_code == 200
        client.post("/logout", data={"csrf": csrf})
        assert client.get("/", follow_redirects=False).status_code == 303


def test_it_refuses_a_wrong_password_and_limits_attempts(web_db) -> None:  # noqa: ANN001
    add_personas(web_db)
    with make_client(web_db, login_rate=3) as client:
        token = csrf_of(client.get("/login").text)
        for _ in range(3):
            assert client.post("/login", data={"name": "vic", "password": "wrong", "csrf": token}).status_code == 401
        blocked = client.post("/login", data={"name": "vic", "password": PASSWORD, "csrf": token})
        assert blocked.status_code == 429


def test_it_refuses_forms_without_the_csrf_token(web_db) -> None:  # noqa: ANN001
    add_personas(web_db)
    with make_client(web_db) as client:
        login(client, "carol")
        with web_db.reading() as s:
            measure = s.scalars(select(Measure).where(Measure.number == "2.3")).one()
        form = {"version": measure.version, "status": "in_progress", "due": "2026-12-27", "note": "без токена"}
        assert client.post(f"/measures/{measure.id}", data=form).status_code == 403
        assert client.post(f"/measures/{measure.id}", data={**form, "csrf": "forged"}).status_code == 403
        assert client.patch(f"/api/v1/measures/{measure.id}", json={"version": measure.version, "note": "x"}).status_code == 403
        assert client.post("/logout").status_code == 403
        with web_db.reading() as s:
            assert s.get(Measure, measure.id).version == measure.version


def test_it_saves_the_measure_form_through_edit_measure(web_db) -> None:  # noqa: ANN001
    add_personas(web_db)
    with make_client(web_db) as client:
        csrf = login(client, "ed_by")
        with web_db.reading() as s:
            measure = s.scalars(select(Measure).where(Measure.number == "2.3")).one()
        form = {"version": measure.version, "status": "in_progress", "due": "IV квартал 2027",
                "expected_result": measure.expected_result or "", "note": "Проведены консультации", "csrf": csrf}
        response = client.post(f"/measures/{measure.id}", data=form, follow_redirects=False)
        assert response.status_code == 303
        with web_db.reading() as s:
            saved = s.get(Measure, measure.id)
            assert (saved.status, saved.due_kind, str(saved.due_on)) == ("in_progress", "quarter", "2027-12-31")
            assert saved.notes[-1].text == "Проведены консультации" and saved.notes[-1].author == "ed_by"
            actors = set(s.scalars(select(AuditEntry.actor).where(AuditEntry.entity_id == measure.id,
                                                                  AuditEntry.entity == "measure")))
            assert "ed_by" in actors


def test_it_shows_what_changed_instead_of_saving_a_stale_form(web_db) -> None:  # noqa: ANN001
    add_personas(web_db)
    with make_client(web_db) as carol, make_client(web_db) as ed:
        carol_csrf, ed_csrf = login(carol, "carol"), login(ed, "ed_by")
        with web_db.reading() as s:
            measure = s.scalars(select(Measure).where(Measure.number == "2.4")).one()
        opened = measure.version
        first = {"version": opened, "status": "in_progress", "due": "30.06.2026", "note": "Начаты поставки", "csrf": carol_csrf}
        assert carol.post(f"/measures/{measure.id}", data=first, follow_redirects=False).status_code == 303
        stale = {"version": opened, "status": "cancelled", "due": "30.06.2026", "note": "Отменить", "csrf": ed_csrf}
        response = ed.post(f"/measures/{measure.id}", data=stale)
        assert response.status_code == 409
        assert "carol" in response.text and "Начаты поставки" in response.text and 'id="conflict"' in response.text
        with web_db.reading() as s:
            assert s.get(Measure, measure.id).status == "in_progress"
        stale_api = ed.patch(f"/api/v1/measures/{measure.id}", json={"version": opened, "status": "done"},
                             headers={"X-CSRF-Token": ed_csrf})
        assert stale_api.status_code == 409 and "carol" in stale_api.json()["detail"]


def test_it_accepts_a_proposal_from_the_review_page(web_db) -> None:  # noqa: ANN001
    add_personas(web_db)
    evidence_id = add_proposal(web_db, "2.3")
    with make_client(web_db) as client:
        csrf = login(client, "carol")
        page = client.get("/review").text
        assert f'id="proposal-{evidence_id}"' in page and "сборочное производство" in page
        response = client.post(f"/review/{evidence_id}/accept", data={"csrf": csrf, "note": "подтверждено"},
                               follow_redirects=False)
        assert response.status_code == 303
        again = client.post(f"/review/{evidence_id}/reject", data={"csrf": csrf})
        assert again.status_code == 409
    with web_db.reading() as s:
        evidence = s.get(Evidence, evidence_id)
        assert (evidence.state, evidence.decided_by) == ("accepted", "carol")
        assert s.get(Measure, evidence.measure_id).status == "in_progress"


def test_it_changes_the_password_and_signs_out_other_sessions(web_db) -> None:  # noqa: ANN001
    add_personas(web_db)
    with make_client(web_db) as first, make_client(web_db) as second:
        csrf = login(first, "vic")
        login(second, "vic")
        response = first.post("/account/password", data={"current": PASSWORD, "new": "a new long password",
                                                          "repeat": "a new long password", "csrf": csrf},
                              follow_redirects=False)
        assert response.status_code == 303
        assert first.get("/", follow_redirects=False).status_code == 200
        assert second.get("/", follow_redirects=False).status_code == 303
        with web_db.reading() as s:
            trail = list(s.scalars(select(AuditEntry).where(AuditEntry.entity == "user", AuditEntry.field == "password")))
            assert trail and all("argon2" not in (a.new or "") for a in trail)


def test_it_switches_language_and_keeps_it(web_db) -> None:  # noqa: ANN001
    add_personas(web_db)
    with make_client(web_db) as client:
        login(client, "vic")
        russian = client.get("/roadmap").text
        assert "Дорожная карта" in russian and "27 нояб. 2026" in russian
        client.get("/lang/en?next=/roadmap")
        page = client.get("/roadmap").text
        assert ">Roadmap<" in page and "Illustrative example" in page
        assert "as of Nov 27, 2026" in page
