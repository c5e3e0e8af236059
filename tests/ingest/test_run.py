"""Ingest runs end to end: exactly once, revisions, one event per story, faults, crashes, conditional polls."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from accord.ingest import items
from accord.ingest.run import Ingestor, Summary
from accord.store.db import Database
from accord.store.models import (
    AuditEntry,
    Event,
    Evidence,
    FetchFailure,
    NewsSource,
    Person,
    Position,
    SourceItem,
    SourceItemRevision,
)
from tests.ingest import texts
from tests.ingest.conftest import FAST, Site

TABLES = (SourceItem, SourceItemRevision, Event, Evidence, Person, Position, AuditEntry)


def ingest(db: Database, *sources: str) -> Summary:
    with Ingestor(db, "alice", FAST) as ingestor:
        return ingestor.run(list(sources))


def counts(db: Database) -> dict[str, int]:
    with db.reading() as session:
        return {t.__tablename__: session.scalar(select(func.count()).select_from(t)) or 0 for t in TABLES}


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_ingesting_a_folder_twice_adds_nothing_the_second_time(example_db: Database, tmp_path: Path) -> None:
    write(tmp_path, "a/lifts.txt", texts.LIFTS)
    write(tmp_path, "a/b/vet.html", texts.html(texts.VETERINARY))
    write(tmp_path, "call.md", texts.CALL_WITH_TYPO)
    write(tmp_path, "notes.csv", "не новость;1;2")
    first = ingest(example_db, str(tmp_path))
    assert (first.new, first.revised, first.duplicates, first.failed) == (3, 0, 0, [])
    assert first.proposals > 0 and first.exit_code == 0
    before = counts(example_db)
    second = ingest(example_db, str(tmp_path))
    assert (second.new, second.duplicates, second.proposals) == (0, 3, 0)
    assert counts(example_db) == before


def test_the_same_text_under_another_url_is_a_duplicate(example_db: Database, tmp_path: Path) -> None:
    one = write(tmp_path, "one.txt", texts.LIFTS)
    two = write(
        tmp_path, "copy/two.txt", texts.LIFTS.replace("\n", "\n\n").replace("«", '"').replace("»", '"')
    )
    summary = ingest(example_db, str(one), str(two))
    assert (summary.new, summary.duplicates) == (1, 1)


def test_a_changed_text_at_the_same_url_is_a_new_revision_of_the_same_item(
    example_db: Database, site: Site
) -> None:
    url = site.publish("/news/lifts", texts.LIFTS)
    assert ingest(example_db, url).new == 1
    site.publish("/news/lifts", texts.LIFTS.replace("в 2027 году", "уже в первом квартале 2027 года"))
    summary = ingest(example_db, url)
    assert (summary.new, summary.revised) == (0, 1)
    with example_db.reading() as session:
        (item,) = session.scalars(select(SourceItem)).all()
        assert item.revision == 2 and "первом квартале" in item.text
        (old,) = session.scalars(select(SourceItemRevision)).all()
        assert old.source_item_id == item.id and old.revision == 1 and "в 2027 году" in old.text
    again = ingest(example_db, url)  # unchanged since: the server answers 304
    assert (again.new, again.revised, again.duplicates) == (0, 0, 1)


def test_two_outlets_telling_one_story_make_one_event_with_two_sources(
    example_db: Database, site: Site
) -> None:
    a = site.publish("/belta/vet", texts.VETERINARY)
    b = site.publish("/kabar/vet", texts.VETERINARY_RETOLD)
    summary = ingest(example_db, a, b)
    assert summary.new == 2
    with example_db.reading() as session:
        items = session.scalars(select(SourceItem).order_by(SourceItem.id)).all()
        assert items[0].event_id is not None and items[0].event_id == items[1].event_id
        event = session.get_one(Event, items[0].event_id)
        assert event.kind == "signing" and event.location == "Бишкек" and len(event.sources) == 2
        assert {"BY", "KG"} <= set(event.country_codes) and len(event.participants) == 2
        assert {i.outlet for i in items} == {"127.0.0.1"}


def test_faults_in_a_feed_are_recorded_and_the_run_goes_on(example_db: Database, site: Site) -> None:
    site.publish("/news/lifts", texts.LIFTS)
    site.publish("/news/english", texts.ENGLISH)
    site.publish("/news/kyrgyz", texts.KYRGYZ)
    feed = site.feed(
        "/rss",
        [
            ("/news/lifts", "Лифты", "Tue, 03 Nov 2026 10:00:00 +0300"),
            ("/news/english", "English", "Fri, 20 Nov 2026 10:00:00 +0300"),
            ("/news/kyrgyz", "Кыргызча", "Fri, 20 Nov 2026 11:00:00 +0300"),
            ("/news/gone", "Удалено", "Fri, 20 Nov 2026 12:00:00 +0300"),
            ("/error", "Ошибка", "Fri, 20 Nov 2026 13:00:00 +0300"),
            ("/image.png", "Картинка", "Fri, 20 Nov 2026 14:00:00 +0300"),
        ],
    )
    summary = ingest(example_db, feed)
    assert summary.new == 2 and summary.exit_code == 0  # the Russian item and the Kyrgyz one
    reasons = {f["source"].rsplit("/", 1)[-1]: f["error"] for f in summary.failed}
    assert reasons == {
        "english": "item is in another language (not Cyrillic), not Russian or Kyrgyz",
        "gone": "HTTP 404 Not Found",
        "error": "HTTP 500 Internal Server Error",
        "image.png": "not a news page or feed: content type image/png",
    }
    with example_db.reading() as session:
        assert session.scalar(select(func.count()).select_from(FetchFailure)) == 4
        kyrgyz = session.scalars(select(SourceItem).where(SourceItem.language == "ky")).one()
        assert kyrgyz.title.startswith("Беларусь менен Кыргызстан") and kyrgyz.published_on == date(2026, 11, 20)
        assert kyrgyz.extraction["countries"] == ["BY", "KG"] and kyrgyz.extraction["events"] == []
        assert kyrgyz.extraction["extra"]["language"] == "ky"
        assert session.scalar(select(func.count()).select_from(Evidence).where(Evidence.source_item_id == kyrgyz.id)) == 0


def test_when_every_source_fails_the_exit_code_is_2(
    example_db: Database, site: Site, unreachable: str
) -> None:
    site.feed("/broken.xml", [], body="<?xml version='1.0'?><rss><channel><item><title>Обрыв")
    sources = [
        unreachable,
        site.url("/slow"),
        site.url("/loop"),
        site.url("/image.png"),
        site.url("/huge"),
        site.url("/broken.xml"),
        "/no/such/folder",
    ]
    summary = ingest(example_db, *sources)
    assert summary.exit_code == 2 and summary.new == 0 and len(summary.failed) == len(sources)
    errors = [f["error"] for f in summary.failed]
    assert errors[0].startswith("cannot connect") and errors[1].startswith("timed out")
    assert "too many redirects" in errors[2] and "image/png" in errors[3]
    assert errors[4] == "page is larger than 5 MB (cut off while reading)"
    assert errors[5].startswith("malformed feed") and errors[6] == "no such file, folder, URL or saved source"
    assert site.hits["/huge:sent"] < 50 * 1024 * 1024  # the download was abandoned, not finished


def test_one_good_source_among_failing_ones_gives_exit_code_0(
    example_db: Database, site: Site, unreachable: str
) -> None:
    summary = ingest(example_db, unreachable, site.publish("/news/lifts", texts.LIFTS))
    assert summary.exit_code == 0 and summary.new == 1 and len(summary.failed) == 1


class Killed(BaseException):
    """Stands for the process being killed in the middle of writing an item."""


def test_a_crash_mid_item_leaves_nothing_half_written_and_the_next_run_picks_up(
    example_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, text in (("1.txt", texts.LIFTS), ("2.txt", texts.VETERINARY), ("3.txt", texts.CALL_WITH_TYPO)):
        write(tmp_path, name, text)
    before = counts(example_db)
    real_save = items.save
    calls = {"n": 0}

    def save_then_die(session, catalog, item):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        saved = real_save(session, catalog, item)
        if calls["n"] == 2:
            raise Killed  # everything of item 2 is flushed but not committed
        return saved

    monkeypatch.setattr("accord.ingest.run.save", save_then_die)
    with pytest.raises(Killed):
        ingest(example_db, str(tmp_path))
    with example_db.reading() as session:
        assert session.scalars(select(SourceItem.url)).all() == [(tmp_path / "1.txt").resolve().as_uri()]
    after_crash = counts(example_db)
    monkeypatch.setattr("accord.ingest.run.save", real_save)
    summary = ingest(example_db, str(tmp_path))
    assert (summary.new, summary.duplicates) == (2, 1)
    assert after_crash["source_item"] == before["source_item"] + 1
    assert counts(example_db)["source_item"] == before["source_item"] + 3


def test_a_saved_feed_is_polled_with_conditional_gets(example_db: Database, site: Site) -> None:
    site.publish("/news/lifts", texts.LIFTS)
    feed = site.feed("/rss", [("/news/lifts", "Лифты", "Tue, 03 Nov 2026 10:00:00 +0300")])
    with example_db.transaction() as session:
        session.add(NewsSource(name="local-rss", url=feed, kind="feed"))
    assert ingest(example_db, "local-rss").new == 1
    assert ingest(example_db, "local-rss").to_dict() == {
        "new": 0,
        "revised": 0,
        "duplicates": 0,
        "skipped": 0,
        "reread": 0,
        "failed": [],
        "proposals": 0,
    }
    assert (
        site.hits["/rss"] == 2 and site.hits["/news/lifts"] == 1
    )  # 304 on the feed; the page not asked again
    site.publish("/news/vet", texts.VETERINARY)
    site.feed(
        "/rss",
        [
            ("/news/lifts", "Лифты", "Tue, 03 Nov 2026 10:00:00 +0300"),
            ("/news/vet", "Ветеринария", "Fri, 20 Nov 2026 10:00:00 +0300"),
        ],
    )
    third = ingest(example_db, "local-rss")
    assert (third.new, third.duplicates) == (1, 1)
    assert site.hits["/news/lifts"] == 1 and site.hits["/news/vet"] == 1
    with example_db.reading() as session:
        source = session.scalar(select(NewsSource).where(NewsSource.name == "local-rss"))
        assert source is not None and source.etag and source.last_ok_at and source.last_error is None


def test_an_entry_that_failed_is_retried_on_the_next_poll(example_db: Database, site: Site) -> None:
    site.publish("/news/lifts", texts.LIFTS)
    feed = site.feed(
        "/rss",
        [
            ("/news/lifts", "Лифты", "Tue, 03 Nov 2026 10:00:00 +0300"),
            ("/news/vet", "Ветеринария", "Fri, 20 Nov 2026 10:00:00 +0300"),
        ],
    )
    with example_db.transaction() as session:
        session.add(NewsSource(name="local-rss", url=feed, kind="feed"))
    first = ingest(example_db, "local-rss")
    assert first.new == 1 and first.failed[0]["error"] == "HTTP 404 Not Found"
    with example_db.reading() as session:
        source = session.scalars(select(NewsSource)).one()
        assert source.etag is None and source.last_error == "HTTP 404 Not Found" and source.last_ok_at
    site.publish("/news/vet", texts.VETERINARY)  # the page appears later
    second = ingest(example_db, "local-rss")
    assert (second.new, second.duplicates, second.failed) == (1, 1, [])
    assert site.hits["/news/lifts"] == 1 and site.hits["/news/vet"] == 2
    with example_db.reading() as session:
        source = session.scalars(select(NewsSource)).one()
        assert source.etag and source.last_error is None
