"""The API on both databases: list shape and paging, filters, details, errors, OpenAPI."""

from __future__ import annotations

import pytest

from tests.web.conftest import bearer, make_client

LISTS = ["/api/v1/measures", "/api/v1/roadmaps", "/api/v1/agreements", "/api/v1/projects", "/api/v1/sessions",
         "/api/v1/decisions", "/api/v1/events", "/api/v1/news", "/api/v1/people", "/api/v1/organisations",
         "/api/v1/evidence", "/api/v1/trade/flows"]


@pytest.fixture
def api(web_db, api_tokens):  # noqa: ANN001, ANN201
    with make_client(web_db) as client:
        client.headers.update(bearer(api_tokens["vic"]))
        yield client


def test_it_lists_every_entity_in_one_shape(api) -> None:  # noqa: ANN001
    for path in LISTS:
        body = api.get(path, params={"limit": 2}).json()
        assert set(body) >= {"items", "total", "limit", "offset"}, path
        assert body["limit"] == 2 and body["offset"] == 0, path
        assert len(body["items"]) == min(2, body["total"]), path


def test_it_pages_through_measures(api) -> None:  # noqa: ANN001
    first = api.get("/api/v1/measures", params={"limit": 10}).json()
    second = api.get("/api/v1/measures", params={"limit": 10, "offset": 10}).json()
    assert first["total"] == second["total"] == 45
    assert [m["number"] for m in first["items"]][:3] == ["1.1", "1.2", "1.3"]
    assert not {m["id"] for m in first["items"]} & {m["id"] for m in second["items"]}


def test_it_refuses_a_limit_over_500(api) -> None:  # noqa: ANN001
    assert api.get("/api/v1/measures", params={"limit": 501}).status_code == 422
    assert api.get("/api/v1/measures", params={"limit": 500}).status_code == 200


def test_it_filters_measures_like_the_roadmap_page(api) -> None:  # noqa: ANN001
    overdue = api.get("/api/v1/measures", params={"overdue": "true", "limit": 500}).json()
    assert overdue["total"] > 0 and all(m["overdue"] for m in overdue["items"])
    industry = api.get("/api/v1/measures", params={"direction": "industry"}).json()
    assert {m["direction"] for m in industry["items"]} == {"industry"} and industry["total"] == 5
    due = api.get("/api/v1/measures", params={"due_from": "2027-01-01", "due_to": "2027-12-31", "sort": "-due"}).json()
    dates = [m["due"]["on"] for m in due["items"]]
    assert dates == sorted(dates, reverse=True) and all("2027" in d for d in dates)
    words = api.get("/api/v1/measures", params={"q": "соглашения"}).json()
    assert {"3.1", "10.3"} <= {m["number"] for m in words["items"]}


def test_it_gives_a_measure_with_history_and_indicators(api) -> None:  # noqa: ANN001
    body = api.get("/api/v1/measures/6").json()
    assert body["number"] == "2.1" and body["illustrative"] is True
    assert body["history"] and body["history"][0]["actor"]
    assert {"indicators", "notes", "evidence", "version"} <= set(body)


def test_it_answers_404_for_a_missing_record(api) -> None:  # noqa: ANN001
    assert api.get("/api/v1/measures/9999").status_code == 404
    assert api.get("/api/v1/agreements/9999").json()["detail"] == "no such agreement"


def test_it_serves_the_dashboard_json_from_the_page_data(api) -> None:  # noqa: ANN001
    body = api.get("/api/v1/dashboard").json()
    assert body["totals"]["total"] == 45
    assert sum(d["overdue"] for d in body["directions"]) == len(body["overdue"]) == body["totals"]["overdue"]
    assert body["trade"]["target"]["value"] and body["proposals_waiting"] == 0


def test_it_searches_in_any_word_form(api) -> None:  # noqa: ANN001
    body = api.get("/api/v1/search", params={"q": "соглашения"}).json()
    titles = [h["title"] for h in body["items"]]
    assert any("Соглашение" in t for t in titles)
    only = api.get("/api/v1/search", params={"q": "техники", "kind": "project"}).json()
    assert only["total"] >= 1 and {h["kind"] for h in only["items"]} == {"project"}


def test_it_publishes_openapi_and_docs(web_db) -> None:  # noqa: ANN001
    with make_client(web_db) as client:
        schema = client.get("/api/v1/openapi.json").json()
        assert "/api/v1/measures/{measure_id}" in schema["paths"]
        assert "patch" in schema["paths"]["/api/v1/measures/{measure_id}"]
        docs = client.get("/api/docs")
        assert docs.status_code == 200 and "/api/v1/measures" in docs.text and "cdn" not in docs.text.lower()
        assert "One measure with notes, indicators, evidence and its audit history" in docs.text
        assert schema["paths"]["/api/v1/measures"]["get"]["summary"].startswith("Measures of a roadmap")


def test_it_refuses_anonymous_and_bad_tokens(web_db, api_tokens) -> None:  # noqa: ANN001
    with make_client(web_db) as client:
        assert client.get("/api/v1/measures").status_code == 401
        assert client.get("/api/v1/measures", headers=bearer("acc_not-a-token")).status_code == 401
        me = client.get("/api/v1/me", headers=bearer(api_tokens["ed_by"])).json()
        assert me == {"name": "ed_by", "display_name": None, "role": "editor", "party": "BY", "direction": "industry"}


def test_public_read_lets_anonymous_read_but_not_write(web_db) -> None:  # noqa: ANN001
    with make_client(web_db, public_read=True) as client:
        assert client.get("/api/v1/measures").status_code == 200
        assert client.get("/").status_code == 200
        assert client.patch("/api/v1/measures/1", json={"version": 1, "note": "x"}).status_code == 401
