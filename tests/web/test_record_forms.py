"""Agreements and projects from their forms and the API: create, edit, lifecycle, milestones, archive.

Each write is audited under the person, refused for the wrong role, refused when stale (naming who
changed the record), and archived records leave the lists but stay readable.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from accord.store.models import Agreement, AuditEntry, Project
from accord.web.i18n import Formats
from tests.web.conftest import add_personas, bearer, login, make_client


def trail(db, entity: str, record_id: int) -> list[AuditEntry]:  # noqa: ANN001
    with db.reading() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.entity == entity, AuditEntry.entity_id == record_id)
                              .order_by(AuditEntry.id)))


def draft_agreement(db) -> int:  # noqa: ANN001
    with db.transaction(actor="setup") as s:
        a = Agreement(title="Соглашение о сотрудничестве в области образования", kind="agreement",
                      level="intergovernmental")
        s.add(a)
        s.flush()
        return a.id


def test_it_registers_an_agreement_on_its_form_with_russian_dates(web_db) -> None:  # noqa: ANN001
    add_personas(web_db)
    with make_client(web_db) as client:
        csrf = login(client, "carol")
        page = client.get("/agreements/new")
        assert page.status_code == 200 and 'placeholder="ДД.ММ.ГГГГ"' in page.text
        form = {"csrf": csrf, "title": "Меморандум о сотрудничестве в области цифровизации", "kind": "memorandum",
                "level": "interagency", "parties": ["BY", "KG"], "sectors": ["digital"], "signed_on": "",
                "valid_until": "31.12.2030", "signed_at": "Минск"}
        response = client.post("/agreements", data=form, follow_redirects=False)
        assert response.status_code == 303, response.text
        agreement_id = int(response.headers["location"].split("/")[2].split("?")[0])
    with web_db.reading() as s:
        a = s.get(Agreement, agreement_id)
        assert (a.status, a.valid_until, a.party_codes, a.sector_codes) == ("draft", date(2030, 12, 31), ["BY", "KG"], ["digital"])
    created = trail(web_db, "agreement", agreement_id)
    assert created[0].action == "create" and created[0].actor == "carol"


def test_it_keeps_the_values_and_names_the_field_of_a_bad_date(web_db) -> None:  # noqa: ANN001
    add_personas(web_db)
    with make_client(web_db) as client:
        csrf = login(client, "carol")
        form = {"csrf": csrf, "title": "Протокол <b>о намерениях</b>", "kind": "protocol", "level": "interagency",
                "valid_until": "31.02.2030"}
        response = client.post("/agreements", data=form)
        assert response.status_code == 422
        assert "valid_until" in response.text and "31.02.2030" in response.text
        assert "Протокол &lt;b&gt;о намерениях&lt;/b&gt;" in response.text
    with web_db.reading() as s:
        assert s.scalars(select(Agreement).where(Agreement.title.like("Протокол%"))).first() is None


def test_it_moves_an_agreement_signed_then_in_force_and_refuses_going_back(web_db) -> None:  # noqa: ANN001
    add_personas(web_db)
    agreement_id = draft_agreement(web_db)
    with make_client(web_db) as client:
        csrf = login(client, "carol")
        for version, to, on in ((1, "signed", "12.03.2026"), (2, "in_force", "2026-05-01")):
            response = client.post(f"/agreements/{agreement_id}/transitions",
                                   data={"csrf": csrf, "version": version, "to": to, "on": on}, follow_redirects=False)
            assert response.status_code == 303, response.text
        page = client.get(f"/agreements/{agreement_id}")
        assert 'name="to"' in page.text and 'value="expired"' in page.text and 'value="signed"' not in page.text
        back = client.post(f"/agreements/{agreement_id}/transitions",
                           data={"csrf": csrf, "version": 3, "to": "signed", "on": "01.06.2026"})
        assert back.status_code == 422 and "cannot go back from in_force to signed" in back.text
    with web_db.reading() as s:
        a = s.get(Agreement, agreement_id)
        assert (a.status, a.signed_on, a.in_force_from, a.version) == ("in_force", date(2026, 3, 12), date(2026, 5, 1), 3)
    steps = [e for e in trail(web_db, "agreement", agreement_id) if e.field == "lifecycle"]
    assert [e.new for e in steps] == ["signed 2026-03-12", "in_force 2026-05-01"] and {e.actor for e in steps} == {"carol"}


def test_the_api_refuses_a_move_the_rules_forbid(web_db, api_tokens) -> None:  # noqa: ANN001
    agreement_id = draft_agreement(web_db)
    with make_client(web_db) as client:
        carol = bearer(api_tokens["carol"])
        expire = client.post(f"/api/v1/agreements/{agreement_id}/transitions", headers=carol,
                             json={"version": 1, "to": "expired", "on": "2026-01-01"})
        assert expire.status_code == 422 and "only an agreement in force can expire" in expire.text
        terminate = client.post(f"/api/v1/agreements/{agreement_id}/transitions", headers=carol,
                                json={"version": 1, "to": "terminated", "on": "2026-01-01"})
        assert terminate.status_code == 422 and "never signed" in terminate.text
        data = client.get(f"/api/v1/agreements/{agreement_id}", headers=carol).json()
        assert data["status"] == "draft" and data["version"] == 1
        assert data["next_moves"] == ["negotiating", "signed", "ratified", "in_force"]


def test_a_stale_agreement_edit_names_who_changed_it(web_db) -> None:  # noqa: ANN001
    add_personas(web_db)
    agreement_id = draft_agreement(web_db)
    with make_client(web_db) as carol, make_client(web_db) as alice:
        carol_csrf, alice_csrf = login(carol, "carol"), login(alice, "alice")
        base = {"title": "Соглашение о сотрудничестве в области образования", "kind": "agreement",
                "level": "intergovernmental", "version": 1}
        first = alice.post(f"/agreements/{agreement_id}", data={**base, "csrf": alice_csrf, "source": "протокол №1"},
                           follow_redirects=False)
        assert first.status_code == 303
        stale = carol.post(f"/agreements/{agreement_id}", data={**base, "csrf": carol_csrf, "source": "моя правка"})
        assert stale.status_code == 409
        assert 'id="conflict"' in stale.text and "<b>alice</b>" in stale.text and "протокол №1" in stale.text
        assert "моя правка" in stale.text  # the refused values are kept in the form
    with web_db.reading() as s:
        assert s.get(Agreement, agreement_id).source == "протокол №1"


def test_only_coordinators_and_admins_see_and_use_the_forms(web_db) -> None:  # noqa: ANN001
    add_personas(web_db)
    agreement_id = draft_agreement(web_db)
    with make_client(web_db) as client:
        csrf = login(client, "ed_by")
        assert client.get("/agreements/new").status_code == 403
        assert client.get("/projects/new").status_code == 403
        page = client.get(f"/agreements/{agreement_id}")
        assert page.status_code == 200 and "move-agreement" not in page.text and "edit-agreement" not in page.text
        refused = client.post(f"/agreements/{agreement_id}/transitions",
                              data={"csrf": csrf, "version": 1, "to": "signed", "on": "12.03.2026"})
        assert refused.status_code == 403
    assert [e.action for e in trail(web_db, "agreement", agreement_id)] == ["create"]


def test_it_edits_a_project_stage_and_milestones_on_the_forms(web_db) -> None:  # noqa: ANN001
    add_personas(web_db)
    with web_db.reading() as s:
        project = s.get(Project, 1)
        fields = {"title": project.title, "stage": "operating", "country": project.country_code or "",
                  "region": project.region or "", "value": str(project.value or ""), "currency": project.currency or "",
                  "description": project.description or "", "started_on": ""}
        version = project.version
    with make_client(web_db) as client:
        csrf = login(client, "carol")
        saved = client.post("/projects/1", data={**fields, "csrf": csrf, "version": version}, follow_redirects=False)
        assert saved.status_code == 303, saved.text
        added = client.post("/projects/1/milestones", follow_redirects=False,
                            data={"csrf": csrf, "version": version + 1, "title": "Пуск второй линии", "due_on": "30.06.2027"})
        assert added.status_code == 303, added.text
        with web_db.reading() as s:
            milestone = [m for m in s.get(Project, 1).milestones if m.title == "Пуск второй линии"][0]
        done = client.post(f"/projects/1/milestones/{milestone.id}", follow_redirects=False,
                           data={"csrf": csrf, "version": version + 2, "title": milestone.title, "due_on": "30.06.2027",
                                 "done_on": "15.06.2027"})
        assert done.status_code == 303, done.text
        page = client.get("/projects/1")
        assert "Пуск второй линии" in page.text and 'value="15.06.2027"' in page.text
    with web_db.reading() as s:
        p = s.get(Project, 1)
        assert p.stage == "operating" and p.version == version + 3
        assert [m.done_on for m in p.milestones if m.title == "Пуск второй линии"] == [date(2027, 6, 15)]
    fields_changed = [(e.field, e.actor) for e in trail(web_db, "project", 1) if e.actor == "carol"]
    assert ("stage", "carol") in fields_changed and ("milestone", "carol") in fields_changed
    assert ("milestone.done_on", "carol") in fields_changed


def test_a_stale_project_edit_names_who_changed_it(web_db, api_tokens) -> None:  # noqa: ANN001
    with web_db.reading() as s:
        project = s.get(Project, 1)
        version, title = project.version, project.title
    with make_client(web_db) as client:
        moved = client.patch("/api/v1/projects/1", headers=bearer(api_tokens["alice"]),
                             json={"version": version, "stage": "suspended"})
        assert moved.status_code == 200 and moved.json()["changed"] == ["stage"]
        csrf = login(client, "carol")
        stale = client.post("/projects/1", data={"csrf": csrf, "version": version, "title": title, "stage": "closed"})
        assert stale.status_code == 409 and "<b>alice</b>" in stale.text
        api_stale = client.patch("/api/v1/projects/1", headers=bearer(api_tokens["carol"]),
                                 json={"version": version, "stage": "closed"})
        assert api_stale.status_code == 409 and "by alice" in api_stale.json()["detail"]
    with web_db.reading() as s:
        assert s.get(Project, 1).stage == "suspended"


def test_archiving_is_audited_hides_from_lists_and_keeps_the_page(web_db, api_tokens) -> None:  # noqa: ANN001
    agreement_id = draft_agreement(web_db)
    carol = bearer(api_tokens["carol"])
    with make_client(web_db) as client:
        assert client.post(f"/api/v1/agreements/{agreement_id}/archive", headers=bearer(api_tokens["vic"]),
                           json={"version": 1}).status_code == 403
        archived = client.post(f"/api/v1/agreements/{agreement_id}/archive", headers=carol, json={"version": 1})
        assert archived.status_code == 200 and archived.json()["archived_by"] == "carol"
        again = client.post(f"/api/v1/agreements/{agreement_id}/archive", headers=carol, json={"version": 2})
        assert again.status_code == 422
        listed = [a["id"] for a in client.get("/api/v1/agreements?limit=500", headers=carol).json()["items"]]
        assert agreement_id not in listed
        with_archived = client.get("/api/v1/agreements?limit=500&archived=true", headers=carol).json()["items"]
        assert agreement_id in [a["id"] for a in with_archived]
        one = client.get(f"/api/v1/agreements/{agreement_id}", headers=carol)
        assert one.status_code == 200 and one.json()["archived_by"] == "carol"
        assert [h["action"] for h in one.json()["history"]][:2] == ["archive", "archive"]
        csrf = login(client, "carol")
        assert "Соглашение о сотрудничестве в области образования" not in client.get("/agreements").text
        page = client.get(f"/agreements/{agreement_id}")
        assert page.status_code == 200 and 'id="archived"' in page.text
        restored = client.post(f"/agreements/{agreement_id}/restore", data={"csrf": csrf, "version": 2},
                               follow_redirects=False)
        assert restored.status_code == 303
        assert "Соглашение о сотрудничестве в области образования" in client.get("/agreements").text
    actions = [(e.action, e.field, e.actor) for e in trail(web_db, "agreement", agreement_id)]
    assert ("archive", "archived_at", "carol") in actions and ("restore", "archived_at", "carol") in actions


def test_an_archived_project_leaves_the_list_and_a_stale_archive_is_refused(web_db, api_tokens) -> None:  # noqa: ANN001
    add = {"title": "Сборка электробусов", "stage": "idea", "country": "KG"}
    with make_client(web_db) as client:
        carol, alice = bearer(api_tokens["carol"]), bearer(api_tokens["alice"])
        project = client.post("/api/v1/projects", headers=carol, json=add).json()
        assert client.patch(f"/api/v1/projects/{project['id']}", headers=alice,
                            json={"version": 1, "region": "Чуйская область"}).status_code == 200
        stale = client.post(f"/api/v1/projects/{project['id']}/archive", headers=carol, json={"version": 1})
        assert stale.status_code == 409 and "by alice" in stale.json()["detail"]
        assert client.post(f"/api/v1/projects/{project['id']}/archive", headers=carol, json={"version": 2}).status_code == 200
        ids = [p["id"] for p in client.get("/api/v1/projects?limit=500", headers=carol).json()["items"]]
        assert project["id"] not in ids
        assert client.get(f"/api/v1/projects/{project['id']}", headers=carol).json()["archived_by"] == "carol"
        login(client, "vic")
        assert client.get(f"/projects/{project['id']}").status_code == 200
        assert "Сборка электробусов" in client.get("/projects?archived=true").text
        assert "Сборка электробусов" not in client.get("/projects").text


def test_the_page_and_the_json_of_a_record_come_from_one_data_function(web_db, api_tokens) -> None:  # noqa: ANN001
    """What the JSON says, the page shows: versions, statuses, each lifecycle step and milestone."""
    with make_client(web_db) as client:
        headers = bearer(api_tokens["vic"])
        login(client, "vic")
        for kind, key in (("agreements", "transitions"), ("projects", "milestones")):
            data = client.get(f"/api/v1/{kind}/1", headers=headers).json()
            page = client.get(f"/{kind}/1").text
            assert {"history", "evidence", "archived_at", "version"} <= set(data)
            assert f"<dd>{data['version']}</dd>" in page
            for row in data[key]:
                day = row.get("on") or row.get("due_on")
                if day:
                    assert Formats("ru").date(date.fromisoformat(day)) in page
            for entry in data["history"][:5]:
                assert entry["actor"] in page


def test_date_fields_show_the_readers_pattern(web_db) -> None:  # noqa: ANN001
    add_personas(web_db)
    agreement_id = draft_agreement(web_db)
    with web_db.transaction(actor="setup") as s:
        s.get(Agreement, agreement_id).valid_until = date(2031, 12, 31)
    with make_client(web_db) as client:
        login(client, "carol")
        ru = client.get(f"/agreements/{agreement_id}").text
        assert 'name="valid_until" value="31.12.2031" placeholder="ДД.ММ.ГГГГ"' in ru
        en = client.get(f"/agreements/{agreement_id}?lang=en").text
        assert 'name="valid_until" value="2031-12-31" placeholder="YYYY-MM-DD"' in en
