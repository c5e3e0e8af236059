"""Every page renders in both languages for a reader, and says where data are illustrative."""

from __future__ import annotations

import pytest

from tests.web.conftest import add_personas, login, make_client

PAGES = ["/", "/roadmap", "/roadmap?overdue=true&sort=-due", "/measures/6", "/agreements", "/agreements/1",
         "/projects", "/projects/1", "/commission", "/commission/sessions/1", "/events", "/events/1", "/people",
         "/people/1", "/organisations/1", "/review", "/review?state=accepted", "/trade", "/search?q=Минске",
         "/reports", "/account", "/api/docs"]


@pytest.fixture
def reader(sqlite_db):  # noqa: ANN001, ANN201
    from accord.demo.example import load_example
    from tests.conftest import TODAY

    load_example(sqlite_db, TODAY)
    add_personas(sqlite_db)
    with make_client(sqlite_db) as client:
        login(client, "vic")
        yield client


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_page_renders(reader, lang: str) -> None:  # noqa: ANN001
    reader.get(f"/lang/{lang}")
    for path in PAGES:
        response = reader.get(path)
        assert response.status_code == 200, (path, response.text[:500])
        assert f'<html lang="{lang}">' in response.text, path


def test_it_labels_illustrative_data(reader) -> None:  # noqa: ANN001
    for path in ("/", "/roadmap", "/measures/6", "/projects"):
        assert "Иллюстративный пример" in reader.get(path).text, path
    assert "иллюстративно" in reader.get("/measures/6").text
    assert "иллюстративно" in reader.get("/trade").text


def test_viewers_see_no_edit_form(reader) -> None:  # noqa: ANN001
    page = reader.get("/measures/6").text
    assert 'id="edit-measure"' not in page


def test_news_items_have_a_page_that_search_links_to(reader, sqlite_db) -> None:  # noqa: ANN001
    from tests.web.conftest import add_proposal

    evidence_id = add_proposal(sqlite_db, "2.1")
    results = reader.get("/search?q=тракторов").text
    assert "/news/1" in results
    page = reader.get("/news/1").text
    assert "сборочное производство белорусских тракторов" in page and "/measures/6" in page
    assert reader.get(f"/api/v1/evidence/{evidence_id}").json()["source"]["id"] == 1


def test_it_answers_a_missing_page_with_a_translated_404(reader) -> None:  # noqa: ANN001
    response = reader.get("/measures/9999")
    assert response.status_code == 404 and "Не найдено" in response.text


def test_the_reports_page_offers_the_session_report(reader) -> None:  # noqa: ANN001
    page = reader.get("/reports").text
    assert "/reports/session.docx" in page and "/reports/session.xlsx" in page
    html = reader.get("/reports/session.html?lang=en&as_of=2026-11-27&since=")
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    docx = reader.get("/reports/session.docx?lang=ru")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    assert "by-kg-2030-report-2026-11-27.docx" in docx.headers["content-disposition"]
    assert reader.get("/reports/session.pdf").status_code == 404


def test_a_session_switches_between_roadmaps(reader, sqlite_db) -> None:  # noqa: ANN001
    from tests import factories

    with sqlite_db.transaction(actor="setup") as s:
        factories.measure(s, factories.roadmap(s, code="by-uz"), "1.1")
    first = reader.get("/").text
    assert 'name="code"' in first and 'value="by-uz"' in first
    reader.get("/roadmaps/choose?code=by-uz&next=/roadmap")
    roadmap = reader.get("/roadmap").text
    assert "Measure 1.1" in roadmap and "мероприятий: 1" in roadmap
    assert "Данных о торговле по этой дорожной карте пока нет." in reader.get("/").text
    assert reader.get("/api/v1/measures?roadmap=by-kg-2030").json()["total"] == 45
    reader.get("/roadmaps/choose?code=nonexistent&next=/")
    assert "Дорожная карта экономического сотрудничества" in reader.get("/").text


def test_a_news_item_the_gate_held_back_says_so_and_is_found_by_search(reader, sqlite_db) -> None:  # noqa: ANN001
    from accord.ingest.run import Ingestor

    with Ingestor(sqlite_db, "accord-ingest") as ingestor:
        status = ingestor.item(
            "https://example.org/metro", "Станция метро открылась в Москве\nМэр Москвы выступил на церемонии.".encode(),
            "text/plain", "test",
        )
    assert status == "skipped"
    results = reader.get("/search?q=станция метро").text
    item_id = int(results.split('href="/news/')[1].split('"')[0])
    page = reader.get(f"/news/{item_id}").text
    assert "фильтр релевантности" in page and "одно государство" in page
    data = reader.get(f"/api/v1/news/{item_id}").json()
    assert data["status"] == "skipped" and data["skip_reason"].startswith("one state only")
    reader.get("/lang/en")
    assert "Held back unread by the relevance gate: one state only" in reader.get(f"/news/{item_id}").text
