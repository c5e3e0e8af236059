"""Ingesting into the example: an old item, an undated item and another pair's item propose no progress or
evidence, and the item's record says why; a current item on a measure's subject still does."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from accord.ingest.run import Ingestor
from accord.store.db import Database
from accord.store.models import Evidence, SourceItem
from tests.ingest.conftest import FAST, Site

#: 2016: before the example's roadmap (signed 29 September 2025), about the same assembly plant as measure 2.1
OLD = """В СОДРУЖЕСТВЕ
Белорусские комбайны будут собирать в Кыргызстане
Бишкек, 3 ноября 2016 года. ОАО «Гомсельмаш» и Министерство сельского хозяйства Кыргызстана подписали соглашение о создании сборочного производства зерноуборочных комбайнов в Чуйской области. Беларусь и Кыргызстан рассчитывают, что сборочное производство белорусской сельскохозяйственной техники позволит снизить ее стоимость для кыргызских аграриев.
"""

#: the same subject with no date anywhere
UNDATED = """Промышленность
Сборочное производство белорусской техники в Чуйской области выходит на проектную мощность
На сборочном производстве сельскохозяйственной техники в Чуйской области, созданном Беларусью и Кыргызстаном при участии ОАО «Гомсельмаш», собран сотый зерноуборочный комбайн. Кыргызские аграрии получают белорусскую технику в лизинг.
"""

#: dated inside the roadmap's window, on the same subject, but between Belarus and Vietnam
OTHER_PAIR = """Экономика
Беларусь и Вьетнам расширят сборку сельскохозяйственной техники
Ханой, 11 февраля 2026 года. Беларусь и Вьетнам договорились расширить сборочное производство белорусской сельскохозяйственной техники во Вьетнаме. Соответствующий протокол подписали в Ханое заместитель премьер-министра Беларуси и министр промышленности и торговли Вьетнама.
"""

#: the same subject between the roadmap's parties, inside its window
CURRENT = """Промышленность
В Чуйской области заработала сборка белорусской сельскохозяйственной техники
Бишкек, 19 октября 2026 года. На площадке в Чуйской области Кыргызстана собран первый трактор из белорусских машинокомплектов. Сборочное производство сельскохозяйственной техники создано ОАО «Гомсельмаш» совместно с кыргызским партнером при поддержке министерств промышленности Беларуси и экономики Кыргызстана.
"""

PROGRESS_OR_EVIDENCE = {
    "measure_progress",
    "measure_evidence",
    "agreement_evidence",
    "agreement_signed",
    "agreement_negotiating",
    "project_evidence",
}


def ingest(db: Database, folder: Path, **items: str) -> dict[str, SourceItem]:
    for name, text in items.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    with Ingestor(db, "accord-ingest", FAST) as ingestor:
        assert ingestor.run([str(folder)]).new == len(items)
    with db.reading() as session:
        return {Path(i.url or "").stem: i for i in session.scalars(select(SourceItem))}


def proposals(db: Database, item: SourceItem) -> list[Evidence]:
    with db.reading() as session:
        return list(session.scalars(select(Evidence).where(Evidence.source_item_id == item.id)))


def test_old_undated_and_other_pair_items_propose_no_progress_or_evidence_and_say_why(
    example_db: Database, tmp_path: Path
) -> None:
    items = ingest(example_db, tmp_path, old=OLD, undated=UNDATED, other_pair=OTHER_PAIR, current=CURRENT)

    old = items["old"]
    assert old.published_on is not None and old.published_on.year == 2016
    assert not {e.proposal for e in proposals(example_db, old)} & PROGRESS_OR_EVIDENCE
    assert any(
        n.startswith("history: ") and "before roadmap by-kg-2030 was signed" in n
        for n in old.proposal_notes or []
    )

    undated = items["undated"]
    assert undated.published_on is None and undated.date_basis is None
    assert proposals(example_db, undated) == []
    assert any(n.startswith("undated: ") for n in undated.proposal_notes or [])

    other = items["other_pair"]
    assert other.published_on is not None and other.published_on.year == 2026
    assert proposals(example_db, other) == []
    assert any(
        "not between the parties of roadmap by-kg-2030 (BY–KG)" in n for n in other.proposal_notes or []
    )

    current = items["current"]
    assert current.published_on is not None and current.date_basis is not None
    made = {e.proposal for e in proposals(example_db, current)}
    assert made & {"measure_evidence", "project_evidence"}, current.proposal_notes


def test_the_item_is_named_by_the_readers_headline_not_the_pages_title(
    example_db: Database, tmp_path: Path
) -> None:
    page = (
        "<html><head><title>Новости | Экономика | Сайт</title></head><body><article>"
        + "".join(f"<p>{line}</p>" for line in CURRENT.splitlines()[1:])
        + "</article></body></html>"
    )
    items = ingest(example_db, tmp_path, page=page)
    item = items["page"]
    assert item.extraction is not None and item.title == item.extraction["title"]


def test_a_feed_entrys_published_date_is_known_for_a_page_without_one(
    example_db: Database, site: Site
) -> None:
    site.publish("/news/assembly", UNDATED)
    feed = site.feed("/rss", [("/news/assembly", "Сборка", "Mon, 19 Oct 2026 10:00:00 +0300")])
    with Ingestor(example_db, "accord-ingest", FAST) as ingestor:
        assert ingestor.run([feed]).new == 1
    with example_db.reading() as session:
        item = session.scalars(select(SourceItem)).one()
    assert (item.published_on, item.date_basis) == (date(2026, 10, 19), "feed")
    assert not any(n.startswith("undated") for n in item.proposal_notes or [])
