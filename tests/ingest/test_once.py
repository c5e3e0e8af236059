"""Exactly once under concurrency: two writers racing on the same item, URL or new person make one row.

Each writer is a thread with its own Ingestor (its own catalog read before the race, as a
worker on another machine would have). A barrier holds both until each has looked and
found nothing, so both try to insert: the database's unique keys must settle it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

import accord.ingest.items as items
import accord.ingest.people as people_module
import accord.ingest.run as run
from accord.ingest.run import Ingestor
from accord.store.db import Database
from accord.store.directory import create_organization
from accord.store.models import Organization, Person, SourceItem, SourceItemRevision
from tests.ingest import texts
from tests.ingest.conftest import FAST

MINISTER_1 = """date 2026-11-27
Министр здравоохранения Кыргызстана посетил Минск
Минск, 27 ноября. Министр здравоохранения Кыргызстана Алмаз Турдубаев провел в Минске переговоры с белорусскими коллегами о поставках лекарств.
"""

MINISTER_2 = """date 2026-11-28
Кыргызстан и Беларусь обсудили подготовку врачей
Бишкек, 28 ноября. Министр здравоохранения Кыргызстана Алмаз Турдубаев обсудил с послом Беларуси обучение кыргызских врачей в Минске.
"""


def _hold_first_call(monkeypatch: pytest.MonkeyPatch, module: Any, name: str, barrier: threading.Barrier) -> None:
    """Make each thread wait at the barrier on its first call of ``module.name`` (not on a retry)."""
    real: Callable[..., Any] = getattr(module, name)
    waited = threading.local()

    def held(*args: Any, **kwargs: Any) -> Any:
        if not getattr(waited, "done", False):
            waited.done = True
            barrier.wait(timeout=30)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, held)


def _race(db: Database, items: list[tuple[str, str]]) -> list[str]:
    """Ingest each (url, text) in a thread of its own, all at once; the statuses, in the order given."""
    ingestors = [Ingestor(db, "accord-ingest", FAST) for _ in items]
    for ingestor in ingestors:
        ingestor.catalog()  # read before the race, as a worker elsewhere would have it
    statuses: list[str] = ["" for _ in items]
    errors: list[BaseException] = []

    def one(n: int) -> None:
        url, text = items[n]
        try:
            statuses[n] = ingestors[n].item(url, text.encode("utf-8"), "text/plain", "race")
        except BaseException as exc:  # noqa: BLE001 - reported by the test below
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(n,)) for n in range(len(items))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    for ingestor in ingestors:
        ingestor.close()
    assert not errors, errors
    return statuses


def test_the_same_item_raced_by_two_writers_is_stored_once(
    example_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _hold_first_call(monkeypatch, items, "_item_row", threading.Barrier(2))
    url = "https://news.example.org/vet"
    statuses = _race(example_db, [(url, texts.VETERINARY), (url, texts.VETERINARY)])
    assert sorted(statuses) == ["duplicate", "new"]
    with example_db.reading() as session:
        assert session.scalar(select(func.count()).select_from(SourceItem)) == 1
        assert session.scalar(select(func.count()).select_from(SourceItemRevision)) == 0


def test_the_same_text_under_two_urls_at_once_is_one_item(
    example_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _hold_first_call(monkeypatch, items, "_item_row", threading.Barrier(2))
    statuses = _race(
        example_db, [("https://a.example.org/vet", texts.VETERINARY), ("https://b.example.org/vet", texts.VETERINARY)]
    )
    assert sorted(statuses) == ["duplicate", "new"]
    with example_db.reading() as session:
        assert session.scalar(select(func.count()).select_from(SourceItem)) == 1


def test_the_same_url_with_two_texts_at_once_is_one_item_and_one_revision(
    example_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _hold_first_call(monkeypatch, items, "_item_row", threading.Barrier(2))
    url = "https://news.example.org/vet"
    statuses = _race(example_db, [(url, texts.VETERINARY), (url, texts.VETERINARY_RETOLD)])
    assert sorted(statuses) == ["new", "revised"]
    with example_db.reading() as session:
        item = session.scalars(select(SourceItem)).one()
        revisions = session.scalars(select(SourceItemRevision)).all()
    assert item.revision == 2 and len(revisions) == 1
    retold = ["Минск и Бишкек договорились" in text for text in (item.text, revisions[0].text)]
    assert sorted(retold) == [False, True]  # both texts kept, one as the item, one as its earlier revision


def test_two_writers_meeting_a_new_minister_create_one_person(
    example_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    barrier = threading.Barrier(2)
    if example_db.dialect == "sqlite":
        # SQLite has one writer at a time: hold both before either writes
        _hold_first_call(monkeypatch, run, "save", barrier)
    else:
        # hold both after each has looked the new name up and found nobody
        _hold_first_call(monkeypatch, people_module, "person_key", barrier)
    statuses = _race(
        example_db, [("https://a.example.org/health", MINISTER_1), ("https://b.example.org/health", MINISTER_2)]
    )
    assert statuses == ["new", "new"]
    with example_db.reading() as session:
        people = session.scalars(select(Person).where(Person.last_name == "Турдубаев")).all()
        items = session.scalar(select(func.count()).select_from(SourceItem))
    assert len(people) == 1 and items == 2
    assert people[0].name_key == "KG|турдубаев|а"


def test_two_writers_creating_a_new_body_make_one_row(db: Database) -> None:
    """The loser of the race fails rather than adding a second body, and finds the first one's row when run again."""
    name = "Министерство здравоохранения Кыргызской Республики"
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def create() -> None:
        for _ in range(3):
            try:
                with db.transaction(actor="alice") as session:
                    if not outcomes:
                        barrier.wait(timeout=30)
                    org = create_organization(session, name, "KG")
                outcomes.append(f"ok {org.id}")
                return
            except Exception as exc:  # noqa: BLE001 - a lost race; run again
                outcomes.append(exc.__class__.__name__)

    threads = [threading.Thread(target=create) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Organization)) == 1
    assert len({o for o in outcomes if o.startswith("ok")}) == 1
