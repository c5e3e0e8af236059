"""Items the relevance gate holds back: stored unread with its reason, searchable, read in full with --no-gate."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import func, select

from accord.domain.kinds import ItemStatus
from accord.ingest.run import Ingestor, Summary
from accord.news.gate import ONE_STATE
from accord.search.index import search
from accord.store.db import Database
from accord.store.models import Event, Person, SourceItem
from tests.ingest import texts
from tests.ingest.conftest import FAST

METRO = """date 2026-11-21
В Москве открылась станция метро «Каховская»
Москва, 21 ноября. После реконструкции станция метро «Каховская» приняла первых пассажиров. На церемонии открытия выступил мэр Москвы Сергей Собянин, он рассказал о планах продлить линию до 2028 года.
"""


def ingest(db: Database, folder: Path, gate: bool = True) -> Summary:
    with Ingestor(db, "alice", FAST, gate=gate) as ingestor:
        return ingestor.run([str(folder)])


def stored(db: Database, name: str, folder: Path) -> SourceItem:
    with db.reading() as session:
        return session.scalars(select(SourceItem).where(SourceItem.url == (folder / name).resolve().as_uri())).one()


def mayor(db: Database) -> bool:
    with db.reading() as session:
        return session.scalar(select(Person.id).where(Person.last_name == "Собянин")) is not None


def test_an_item_about_something_else_is_stored_unread_with_the_reason(example_db: Database, tmp_path: Path) -> None:
    (tmp_path / "lifts.txt").write_text(texts.LIFTS, encoding="utf-8")
    (tmp_path / "metro.txt").write_text(METRO, encoding="utf-8")
    with example_db.reading() as session:
        events_before = session.scalar(select(func.count()).select_from(Event))
    summary = ingest(example_db, tmp_path)
    assert (summary.new, summary.skipped, summary.duplicates, summary.failed) == (1, 1, 0, [])
    metro = stored(example_db, "metro.txt", tmp_path)
    assert metro.status == ItemStatus.SKIPPED and metro.skip_reason == ONE_STATE
    assert metro.extraction is None and metro.event_id is None
    assert metro.published_on is not None and metro.published_on.isoformat() == "2026-11-21"
    assert stored(example_db, "lifts.txt", tmp_path).status == ItemStatus.READ
    with example_db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Event)) == events_before + 1  # the lifts contract only
        hits, _ = search(session, "станция метро Каховская", kinds=["news"])
    assert [h.ref_id for h in hits] == [metro.id]
    assert not mayor(example_db)  # unread: nobody it names is put in the directory
    again = ingest(example_db, tmp_path)
    assert (again.new, again.skipped, again.duplicates) == (0, 0, 2)
    assert not mayor(example_db)


def test_no_gate_reads_a_held_back_item_in_full_once(example_db: Database, tmp_path: Path) -> None:
    (tmp_path / "metro.txt").write_text(METRO, encoding="utf-8")
    ingest(example_db, tmp_path)
    held = stored(example_db, "metro.txt", tmp_path)
    assert not mayor(example_db)
    summary = ingest(example_db, tmp_path, gate=False)
    assert (summary.new, summary.reread, summary.skipped, summary.duplicates) == (0, 1, 0, 0)
    read = stored(example_db, "metro.txt", tmp_path)
    assert read.id == held.id and read.revision == held.revision  # the same text, not a new revision
    assert read.status == ItemStatus.READ and read.skip_reason is None
    assert read.extraction is not None and read.extraction["persons"]
    assert mayor(example_db)  # read now: the mayor is in the directory
    again = ingest(example_db, tmp_path, gate=False)
    assert (again.reread, again.duplicates) == (0, 1)


def test_without_the_gate_every_item_is_read(example_db: Database, tmp_path: Path) -> None:
    (tmp_path / "metro.txt").write_text(METRO, encoding="utf-8")
    summary = ingest(example_db, tmp_path, gate=False)
    assert (summary.new, summary.skipped) == (1, 0)
    assert stored(example_db, "metro.txt", tmp_path).status == ItemStatus.READ


def test_the_cli_holds_back_and_no_gate_rereads(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    news = tmp_path / "news"
    news.mkdir()
    (news / "metro.txt").write_text(METRO, encoding="utf-8")
    cli("init")
    first = json.loads(cli("ingest", str(news), "--json").stdout)
    assert (first["new"], first["skipped"]) == (0, 1)
    plain = cli("ingest", str(news)).output
    assert "duplicates 1" in plain
    second = json.loads(cli("ingest", "--no-gate", str(news), "--json").stdout)
    assert (second["reread"], second["skipped"], second["duplicates"]) == (1, 0, 0)
