"""`accord ingest --queue`, `accord worker status`, and what they say without a broker."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from celery.worker import WorkController
from typer.testing import CliRunner

from accord.cli.main import app as cli
from accord.store.db import Database
from tests.ingest import texts

pytestmark = pytest.mark.parametrize("db", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)

Workers = Callable[[int], AbstractContextManager[list[WorkController]]]


def test_ingest_queue_prints_the_summary_an_in_process_run_prints_and_status_lists_the_worker(
    db: Database, workers: Workers, tmp_path: Path
) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "1.txt").write_text(texts.VETERINARY, encoding="utf-8")
    (tmp_path / "news" / "2.txt").write_text(texts.LIFTS, encoding="utf-8")
    (tmp_path / "news" / "3.txt").write_text("", encoding="utf-8")
    runner = CliRunner()
    with workers(1) as running:
        done = runner.invoke(cli, ["ingest", "--queue", str(tmp_path / "news"), "--json"])
        assert done.exit_code == 0, done.output
        summary = json.loads(done.stdout)
        assert (summary["new"], summary["duplicates"]) == (2, 0)
        assert [f["source"] for f in summary["failed"]] == [f"{tmp_path / 'news'}: {tmp_path / 'news' / '3.txt'}"]
        status = runner.invoke(cli, ["worker", "status", "--json", "--timeout", "5"])
        assert status.exit_code == 0, status.output
        health = json.loads(status.stdout)
    assert [w["name"] for w in health["workers"]] == [running[0].hostname]
    assert health["workers"][0]["processed"] >= 3
    assert (health["waiting"], health["queued_items"]) == (0, 0)


def test_without_a_broker_the_queued_commands_say_what_to_set(
    db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ACCORD_DATABASE_URL", db.url)
    monkeypatch.delenv("ACCORD_BROKER_URL", raising=False)
    for args in (["ingest", "--queue", str(tmp_path)], ["worker", "status"], ["watch", "--queue", "--rounds", "1"]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2, (args, result.output)
        assert "ACCORD_BROKER_URL" in result.output
