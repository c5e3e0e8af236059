"""`accord ingest | source | watch | review` as a user runs them (in-process, fresh SQLite file, local site)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli.main import app
from accord.ingest import fetch
from tests.ingest import texts
from tests.ingest.conftest import FAST, Site


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ACCORD_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.delenv("ACCORD_USER", raising=False)
    monkeypatch.setattr(fetch, "Policy", lambda: FAST)  # the CLI's default policy, with short waits
    runner = CliRunner()

    def invoke(*args: str, code: int = 0):  # type: ignore[no-untyped-def]
        result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
        assert result.exit_code == code, result.output
        return result

    invoke("demo", "--load", "--no-news")
    return invoke


def test_ingest_prints_a_json_summary_and_a_second_run_adds_nothing(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    news = tmp_path / "news"
    news.mkdir()
    (news / "lifts.txt").write_text(texts.LIFTS, encoding="utf-8")
    (news / "vet.html").write_text(texts.html(texts.VETERINARY), encoding="utf-8")
    first = json.loads(run("ingest", str(news), "--json").stdout)
    assert first["new"] == 2 and first["revised"] == 0 and first["duplicates"] == 0 and first["failed"] == []
    assert first["proposals"] >= 4
    second = json.loads(run("ingest", str(news), "--json").stdout)
    assert second == {
        "new": 0, "revised": 0, "duplicates": 2, "skipped": 0, "reread": 0, "failed": [], "proposals": 0
    }
    assert "new 0, revised 0, duplicates 2, failed 0, proposals 0" in run("ingest", str(news)).output


def test_ingest_exits_2_when_every_source_fails(run, site: Site, unreachable: str) -> None:  # type: ignore[no-untyped-def]
    result = run("ingest", unreachable, site.url("/missing"), "--json", code=2)
    summary = json.loads(result.stdout)
    assert [f["error"][:14] for f in summary["failed"]] == ["cannot connect", "HTTP 404 Not F"]


def test_a_saved_source_shows_its_last_errors(run, site: Site) -> None:  # type: ignore[no-untyped-def]
    run("source", "add", "local-rss", site.url("/rss"), "--kind", "feed")
    assert "already" in run("source", "add", "local-rss", site.url("/rss"), code=1).output
    run("ingest", "local-rss", code=2)  # nothing published yet: 404
    listing = run("source", "list").output
    assert "local-rss" in listing and "HTTP 404" in listing
    shown = run("source", "show", "local-rss").output
    assert "last errors:" in shown and f"{site.url('/rss')}: HTTP 404 Not Found" in shown


def test_watch_polls_saved_sources_for_the_rounds_asked(run, site: Site) -> None:  # type: ignore[no-untyped-def]
    site.publish("/news/lifts", texts.LIFTS)
    site.feed("/rss", [("/news/lifts", "Лифты", "Tue, 03 Nov 2026 10:00:00 +0300")])
    run("source", "add", "local-rss", site.url("/rss"))
    run("source", "add", "broken", site.url("/error"), "--kind", "page")
    out = run("watch", "--every", "0.01s", "--rounds", "2", "--json").stdout
    rounds = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert [r["new"] for r in rounds] == [1, 0]
    assert all(len(r["failed"]) == 1 and r["failed"][0]["error"].startswith("HTTP 500") for r in rounds)
    assert site.hits["/news/lifts"] == 1 and site.hits["/rss"] == 2
    assert "HTTP 500" in run("source", "show", "broken").output


def test_review_lists_accepts_and_rejects(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "lifts.txt").write_text(texts.LIFTS, encoding="utf-8")
    run("ingest", str(tmp_path / "lifts.txt"))
    listing = run("review").output
    assert "measure_progress" in listing and "2.3" in listing
    ids = {m.group(2): m.group(1) for m in re.finditer(r"│ (\d+)\s+│ [\d.]+\s+│ (\w+)", listing)}
    accepted = run("review", "accept", ids["measure_progress"], "--as", "alice").output
    assert f"accepted proposal {ids['measure_progress']} (measure" in accepted
    shown = run("measure", "show", "2.3").output
    assert "in_progress (в работе)" in shown and "Подтверждено новостью" in shown
    run("review", "reject", ids["project_evidence"], "--why", "не тот проект", "--as", "bob")
    again = run("review", "reject", ids["project_evidence"], "--as", "bob", code=1)
    assert "already rejected by bob" in again.output
    assert ids["measure_progress"] not in {
        m.group(1) for m in re.finditer(r"│ (\d+)\s+│", run("review").output)
    }
