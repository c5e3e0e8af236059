"""Writing read items, with extractions given by hand: offices over time, revisions and decided evidence."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from accord.ingest import accept
from accord.ingest.catalog import Catalog
from accord.ingest.dedupe import check
from accord.ingest.items import Prepared, save
from accord.ingest.run import Ingestor
from accord.ingest.text import text_hash
from accord.news.model import Extraction
from accord.store.db import Database
from accord.store.models import Evidence, Person
from tests.ingest import texts
from tests.ingest.conftest import FAST


def prepared(key: str, text: str, day: date, persons: list[dict[str, Any]], **facts: Any) -> Prepared:
    extraction = Extraction.from_dict({
        "date": day.isoformat(),
        "countries": ["BY", "KG"],
        "persons": persons,
        "events": [],
        "documents": [],
        "sectors": [],
        **facts,
    })
    return Prepared(
        key, text, text_hash(text), text.splitlines()[0], None, "ru", extraction, day, date_basis="header"
    )


def write(db: Database, item: Prepared) -> None:
    with db.reading() as session:
        catalog = Catalog.load(session)
    with db.transaction(actor="accord-ingest") as session:
        save(session, catalog, item)


def test_a_new_office_is_recorded_from_the_day_it_was_reported(example_db: Database) -> None:
    minister = {"name": "Александр Ефимчук", "position": "министр промышленности", "country": "BY"}
    write(example_db, prepared("https://n.by/1", "Ефимчук министр\nтекст один", date(2026, 3, 1), [minister]))
    promoted = {"name": "Ефимчук", "position": "заместитель премьер-министра", "country": "BY"}
    write(
        example_db,
        prepared("https://n.by/2", "Ефимчук вице-премьер\nтекст два", date(2026, 10, 5), [promoted]),
    )
    with example_db.reading() as session:
        person = session.scalars(select(Person).where(Person.last_name == "Ефимчук")).one()
        assert [(p.title, p.start_on) for p in person.positions] == [
            ("министр промышленности", date(2026, 3, 1)),
            ("заместитель премьер-министра", date(2026, 10, 5)),
        ]
        assert person.position_on(date(2026, 6, 1)).title == "министр промышленности"
        assert person.position_on(date(2026, 11, 1)).title == "заместитель премьер-министра"
        assert person.positions[1].source == "https://n.by/2"


def test_a_revision_keeps_decided_evidence_and_remakes_open_proposals(example_db: Database) -> None:
    text = "date 2026-11-03\n" + texts.LIFTS.split("\n", 1)[1]
    facts = {
        "sectors": ["industry"],
        "documents": [{"type": "contract", "countries": ["BY", "KG"], "until": None, "status": "signed"}],
        "events": [{"type": "signing", "countries": ["BY", "KG"], "location": "Минск"}],
    }
    write(example_db, prepared("https://n.by/lifts", text, date(2026, 11, 3), [], **facts))
    with example_db.reading() as session:
        proposals = session.scalars(select(Evidence).order_by(Evidence.id)).all()
    assert {p.proposal for p in proposals} >= {"measure_progress", "new_agreement"}
    kept = next(p for p in proposals if p.proposal == "measure_progress")
    with example_db.transaction(actor="alice") as session:
        accept(session, kept.id, "alice")
    revised = text + "\nДополнено: первая партия отправлена."
    with example_db.reading() as session:
        assert check(session, "https://n.by/lifts", text_hash(revised))[0] == "revision"
        assert check(session, "https://n.by/lifts", text_hash(text))[0] == "duplicate"
    write(example_db, prepared("https://n.by/lifts", revised, date(2026, 11, 3), [], **facts))
    with example_db.reading() as session:
        after = session.scalars(select(Evidence).order_by(Evidence.id)).all()
        assert session.get_one(Evidence, kept.id).state == "accepted"
    open_before = sorted(p.proposal or "" for p in proposals if p.id != kept.id)
    open_after = sorted(p.proposal or "" for p in after if p.state == "proposed")
    assert open_after == open_before  # remade from the new text; the accepted link is not proposed again


def test_an_item_the_reader_cannot_process_is_a_failure_and_the_run_goes_on(
    example_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "1.txt").write_text(texts.LIFTS, encoding="utf-8")
    (tmp_path / "2.txt").write_text(texts.VETERINARY, encoding="utf-8")
    import accord.ingest.run

    real = accord.ingest.run.extract_article

    def fragile(article, models=None):  # type: ignore[no-untyped-def]
        if "лифт" in article.text:
            raise ValueError("unexpected token")
        return real(article)

    monkeypatch.setattr(accord.ingest.run, "extract_article", fragile)
    with Ingestor(example_db, "alice", FAST) as ingestor:
        summary = ingestor.run([str(tmp_path)])
    assert summary.new == 1 and summary.exit_code == 0
    assert summary.failed == [
        {
            "source": f"{tmp_path}: {tmp_path / '1.txt'}",
            "error": "cannot process the item: ValueError: unexpected token",
        }
    ]
