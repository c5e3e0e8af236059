"""The example shows the loop: its illustrative news are read, grouped, proposed, and a few accepted."""

from __future__ import annotations

import re
import shutil
import socket
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from accord.demo.example import ACTOR, load_example
from accord.demo.news_items import ACCEPTED, NEWS_DIR, DemoNewsError, item_url, load_news, news_files
from accord.ingest import review
from accord.store.db import Database
from accord.store.models import AuditEntry, Event, Evidence, Measure, Person, SourceItem
from tests.conftest import TODAY
from tests.web.conftest import make_client

OLD = "2016-06-14--sodruzhestvo--torgovlya-2016.txt"
VIETNAM = "2026-05-14--sodruzhestvo--belarus-vetnam.html"
MEMORANDUM = "2026-07-02--vestnik--memorandum-obrazovanie.html"


def _item(session: Any, name: str) -> SourceItem:
    return session.scalars(select(SourceItem).where(SourceItem.url == item_url(NEWS_DIR / name))).one()


def test_the_shipped_items_are_many_dated_across_2025_and_2026_and_named_by_outlet() -> None:
    files = news_files()
    assert len(files) >= 25
    years = {f.name[:4] for f in files}
    assert {"2016", "2025", "2026"} <= years
    assert len({item_url(f).split("/")[2] for f in files}) >= 3  # several outlets
    for name, _number in ACCEPTED:
        assert (NEWS_DIR / name).is_file(), name


def test_demo_load_fills_the_first_screen_with_news_proposals_and_evidence(db: Database) -> None:
    load_example(db, TODAY)
    summary = load_news(db)
    assert summary.items >= 25 and summary.pending >= 5 and summary.accepted >= 3
    with db.reading() as session:
        items = session.scalars(select(SourceItem)).all()
        assert len(items) >= 25 and all(i.illustrative for i in items)
        assert sum(1 for i in items if i.published_on and i.published_on.year == 2025) >= 5
        assert sum(1 for i in items if i.published_on and i.published_on.year == 2026) >= 15
        assert review.waiting(session) == summary.pending >= 5

        # events reported by several outlets, the 29 September talks among them
        sources = func.count(SourceItem.id)
        several = session.execute(
            select(SourceItem.event_id, sources).where(SourceItem.event_id.is_not(None))
            .group_by(SourceItem.event_id).having(sources >= 2)
        ).all()
        assert len(several) >= 2
        talks = _item(session, "2025-09-29--ala-too--kasymaliev-v-minske.txt").event
        assert talks is not None and talks.title.startswith("Переговоры глав правительств") and not talks.illustrative
        assert len({s.outlet for s in talks.sources}) == 2
        # an event first reported by an example item is illustrative too
        assert session.scalar(select(func.count(Event.id)).where(Event.illustrative.is_(True))) >= 5

        # the typo «Турчын» is the prime minister already in the directory, not a new person
        call = _item(session, "2026-01-22--sodruzhestvo--telefonnyi-razgovor.txt")
        assert "Турчын" in call.text
        named = {session.get_one(Person, p.person_id).last_name for p in call.event.participants}
        assert "Турчин" in named and "Турчын" not in named

        # the old item and the Belarus–Vietnam item propose nothing, and say why
        for name, why in ((OLD, "history: dated 2016-06-14"), (VIETNAM, "about BY–VN: not between the parties")):
            item = _item(session, name)
            assert session.scalars(select(Evidence).where(Evidence.source_item_id == item.id)).all() == []
            assert any(note.startswith(why) for note in item.proposal_notes or []), item.proposal_notes

        # the memorandum the register lacks waits as a new entry, proposed once for its two reports
        memo = _item(session, MEMORANDUM)
        new = session.scalars(
            select(Evidence).join(SourceItem).where(SourceItem.event_id == memo.event_id,
                                                    Evidence.proposal == "new_agreement")
        ).all()
        assert len(new) == 1 and new[0].state == "proposed" and new[0].fact["document"]["type"] == "memorandum"
        memo_title = new[0].fact["title"]
        assert memo_title and "меморандум" in new[0].source_item.text

        # the declared proposals are accepted as accord-demo, audited, and are evidence on their measures
        accepted = session.scalars(select(Evidence).where(Evidence.state == "accepted")).all()
        assert len(accepted) == len(ACCEPTED) >= 3
        assert {e.decided_by for e in accepted} == {ACTOR}
        numbers = {session.get_one(Measure, e.measure_id).number for e in accepted}
        assert numbers == {number for _name, number in ACCEPTED}
        audited = session.scalars(
            select(AuditEntry).where(AuditEntry.actor == ACTOR, AuditEntry.reason.like("evidence %"))
        ).all()
        assert {a.entity_id for a in audited if a.entity == "evidence"} >= {e.id for e in accepted}
        # the planned measure the veterinary training item reports is now in progress
        assert session.scalars(select(Measure).where(Measure.number == "3.4")).one().status == "in_progress"
        measure_ids = {e.measure_id: (e.source_item.title, e.source_item_id, e.source_item.url) for e in accepted}

    with make_client(db, public_read=True) as client:
        for measure_id, (title, item_id, url) in measure_ids.items():
            page = client.get(f"/measures/{measure_id}").text
            assert title in page and "Подтверждений пока нет" not in page
            # an invented item links to its own page here, never to an outlet that does not exist
            assert f'<a href="/news/{item_id}">{title}</a>' in page
            news = client.get(f"/news/{item_id}").text
            assert "иллюстративно" in news and ".example/" in url
            assert f'href="{url}"' not in news and f'href="{url}"' not in page
        queue = client.get("/review").text
        assert "без цели" not in queue  # «no target»
        assert f"новый документ в реестр</b>: меморандум «{memo_title}», подписано" in queue
        assert "(BY–KG)" in queue and "иллюстративн" in queue
        assert "мероприятия, проекты, новости и часть показателей придуманы" in queue  # the banner says so too


def test_a_declared_proposal_the_reader_does_not_make_stops_the_load(
    sqlite_db: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    shutil.copy(NEWS_DIR / OLD, folder / OLD)
    load_example(sqlite_db, TODAY)
    with pytest.raises(DemoNewsError, match=f"{OLD}: the news reader no longer proposes it for measure 2.1"):
        load_news(sqlite_db, folder, accepted=((OLD, "2.1"),))
    with sqlite_db.reading() as session:  # nothing was accepted, and the item read is still flagged invented
        assert session.scalar(select(func.count(Evidence.id)).where(Evidence.state == "accepted")) == 0
        assert session.scalars(select(SourceItem.illustrative)).all() == [True]


def test_a_file_named_without_a_known_outlet_is_refused(tmp_path: Path) -> None:
    stray = tmp_path / "2026-01-01--nowhere--item.txt"
    stray.write_text("Новость", encoding="utf-8")
    with pytest.raises(DemoNewsError, match="2026-01-01--nowhere--item.txt: name it DATE--OUTLET--SLUG"):
        item_url(stray)


def test_accord_demo_load_reads_the_news_and_converts_with_the_shipped_rates(
    cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = cli("demo", "--load").output
    match = re.search(r"read (\d+) illustrative news items in [\d.]+ s: (\d+) events, (\d+) proposals waiting "
                      r"for review, (\d+) accepted as accord-demo", out)
    assert match, out
    items, events, pending, accepted = map(int, match.groups())
    assert items >= 25 and events >= 10 and pending >= 5 and accepted >= 3
    def no_network(*_args: object, **_kw: object) -> None:
        raise AssertionError("the conversion tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    converted = cli("fx", "convert", "100", "USD", "KGS", "--on", "2024-06-03").output
    assert "KGS" in converted and "illustrative" in converted.lower()
    queue = cli("review", "--limit", "200").output
    assert "adds memorandum «" in queue, queue
    assert "no target" not in queue


def test_the_items_ship_as_package_data() -> None:
    import tomllib

    from setuptools import find_namespace_packages

    project = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = project["tool"]["setuptools"]["package-data"]["*"]
    assert {f"*{f.suffix}" for f in news_files()} <= set(patterns)
    assert "accord.demo.news" in find_namespace_packages(where=str(Path(__file__).parents[2]), include=["accord*"])
