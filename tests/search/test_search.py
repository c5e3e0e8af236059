"""Search finds any word form, the same on SQLite and PostgreSQL, and follows every write."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from accord.morphology import lemmatise, query_lemmas
from accord.search.index import search
from accord.store.db import Database
from accord.store.indexing import reindex
from accord.store.models import Agreement, Person, SourceItem
from tests import factories


@pytest.mark.parametrize("text,lemmas", [
    ("соглашения", "соглашение"),
    ("подписали соглашение в Минске", "подписать соглашение в минск"),
    ("Поставки ЛИФТОВ", "поставка лифт"),
    ("Ёлки и NBRB 2024", "елка и nbrb 2024"),
])
def test_it_lemmatises_russian(text: str, lemmas: str) -> None:
    assert lemmatise(text) == lemmas


def test_a_query_has_each_lemma_once() -> None:
    assert query_lemmas("соглашения соглашение") == ["соглашение"]


def titles(db: Database, query: str, kinds: list[str] | None = None) -> list[str]:
    with db.reading() as s:
        hits, total = search(s, query, kinds)
        assert total == len(hits)
        return [h.title for h in hits]


def test_it_finds_any_form_and_keeps_up_with_writes(db: Database) -> None:
    with db.transaction(actor="t") as s:
        rm = factories.roadmap(s)
        m = factories.measure(s, rm, "1.1")
        m.title = "Подготовить соглашение о ветеринарии"
        s.add(Agreement(title="Соглашение о торговле", kind="agreement", level="intergovernmental"))
        s.add(Person(first_name="Александр", last_name="Турчин"))
        s.add(SourceItem(text_hash="x", title="Стороны подписали соглашения", text="В Минске подписаны соглашения."))
    found = titles(db, "соглашения")
    assert "1.1. Подготовить соглашение о ветеринарии" in found and "Соглашение о торговле" in found
    assert "Стороны подписали соглашения" in found
    assert titles(db, "Турчина") == ["Александр Турчин"]
    assert titles(db, "соглашение торговля") == ["Соглашение о торговле"]
    assert titles(db, "соглашения", ["agreement"]) == ["Соглашение о торговле"]
    assert titles(db, "космос") == [] and titles(db, "  ") == []
    with db.transaction(actor="t") as s:
        s.scalars(select(Agreement)).one().title = "Меморандум о туризме"
    assert "Соглашение о торговле" not in titles(db, "соглашение")
    assert titles(db, "туризма") == ["Меморандум о туризме"]
    with db.transaction(actor="t") as s:
        s.delete(s.scalars(select(Agreement)).one())
    assert titles(db, "туризм") == []


def test_reindex_rebuilds_everything(db: Database) -> None:
    with db.transaction(actor="t") as s:
        rm = factories.roadmap(s)
        factories.measure(s, rm, "2.1")
    with db.transaction(actor="t") as s:
        counts = reindex(s)
    assert counts["measure"] == 1 and counts["organization"] == 1
    assert titles(db, "measure") == ["2.1. Measure 2.1"]


def test_a_common_word_is_counted_up_to_the_cap_and_listed_newest_first(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    import accord.search.index as index

    monkeypatch.setattr(index, "RANKED_UP_TO", 3)
    with db.transaction(actor="t") as s:
        for i in range(6):
            s.add(SourceItem(text_hash=f"h{i}", title=f"Соглашение {i}", text="Подписаны соглашения о торговле."))
    with db.reading() as s:
        hits, total = search(s, "соглашения", limit=2)
        assert total == 4  # "more than 3"
        assert [h.title for h in hits] == ["Соглашение 5", "Соглашение 4"]
        hits, total = search(s, "соглашения торговле", kinds=["news"], limit=10, offset=4)
        assert total == 4 and [h.title for h in hits] == ["Соглашение 1", "Соглашение 0"]
        assert search(s, "соглашения", kinds=["measure"]) == ([], 0)


LIBRARY_WRITE = """
import sys
from accord.store.db import Database
from accord.store.models import Agreement, SourceItem

db = Database(sys.argv[1])
with db.transaction(actor="library") as session:
    session.add(Agreement(title="Меморандум о сотрудничестве в области ветеринарии", kind="memorandum",
                          level="interagency"))
    session.add(SourceItem(text_hash="lib", title="Ветеринары обменялись опытом", text="Ветеринарные службы встретились."))
loaded = sorted(m for m in sys.modules if m.startswith(("accord.search", "accord.web", "accord.cli")))
assert not loaded, loaded
"""


def test_a_row_written_through_the_bare_library_is_found(db: Database) -> None:
    """Indexing is wired into every Database: a caller that imports only the store (a benchmark,
    the ingest runner alone) keeps the index current, whatever else was imported before."""
    import subprocess
    import sys

    url = db.engine.url.render_as_string(hide_password=False)
    db.dispose()
    done = subprocess.run([sys.executable, "-c", LIBRARY_WRITE, url], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert titles(db, "ветеринарии") == ["Меморандум о сотрудничестве в области ветеринарии"]
    assert titles(db, "ветеринар", ["news"]) == ["Ветеринары обменялись опытом"]
