"""`accord review --json`: the queue with each proposal's target and item, as a program reads it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli.main import app
from tests.ingest import texts

ITEM_KEYS = {"id", "kind", "score", "reason", "target", "item"}


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ACCORD_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.delenv("ACCORD_USER", raising=False)
    runner = CliRunner()

    def invoke(*args: str) -> str:
        result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.output
        return result.stdout

    invoke("demo", "--load", "--no-news")
    return invoke


def test_review_json_lists_each_proposal_with_its_target_and_item(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert json.loads(run("review", "--json")) == {"items": [], "total": 0}
    (tmp_path / "lifts.txt").write_text(texts.LIFTS, encoding="utf-8")
    run("ingest", str(tmp_path / "lifts.txt"))
    queue = json.loads(run("review", "--json"))
    assert set(queue) == {"items", "total"} and queue["total"] == len(queue["items"]) >= 3
    for entry in queue["items"]:
        assert set(entry) == ITEM_KEYS
        assert isinstance(entry["id"], int) and 0.0 < entry["score"] <= 1.0 and entry["reason"]
        assert entry["item"] == {
            "title": "В Бишкеке начнут собирать белорусские лифты",
            "date": "2026-11-03",
            "date_basis": "header",
            "url": (tmp_path / "lifts.txt").resolve().as_uri(),
        }
    scores = [e["score"] for e in queue["items"]]
    assert scores == sorted(scores, reverse=True)
    by_kind = {e["kind"]: e["target"] for e in queue["items"]}
    assert by_kind["measure_progress"]["type"] == "measure" and by_kind["measure_progress"]["number"] == "2.3"
    assert by_kind["measure_progress"]["status"] == "planned"
    assert (
        by_kind["project_evidence"]["type"] == "project"
        and "лифтового" in by_kind["project_evidence"]["title"]
    )
    new = by_kind["new_agreement"]
    assert new["type"] == "agreement" and new["id"] is None and new["new"] is True
    assert (new["kind"], new["parties"], new["signed_on"]) == ("contract", ["BY", "KG"], "2026-11-03")

    limited = json.loads(run("review", "--json", "--limit", "1"))
    assert len(limited["items"]) == 1 and limited["total"] == queue["total"]
    listing = run("review")
    assert "В Бишкеке начнут собирать белорусские лифты" in listing and "2026-11-03 (header)" in listing
