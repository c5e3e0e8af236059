"""Kyrgyz-language items are kept, not refused: stored with their language, searchable, shown tagged."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from accord.ingest.run import Ingestor
from accord.store.db import Database
from accord.store.models import Evidence, Person, SourceItem
from tests.ingest.conftest import FAST
from tests.web.conftest import make_client

ITEM = """Экономика
Беларусь менен Кыргызстан айыл чарба техникасын чогултууну кеңейтет
Бишкек, 2026-жылдын 14-майы.
Министрлер кабинетинин төрагасы Адылбек Касымалиев Беларусь Республикасынын Премьер-министри Александр Турчин менен телефон аркылуу сүйлөштү.
Тараптар тракторлорду чогултуу боюнча долбоорду талкуулашты.
"""


def test_a_kyrgyz_item_is_stored_searchable_and_tagged(example_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "ky.txt"
    path.write_text(ITEM, encoding="utf-8")
    with Ingestor(example_db, "alice", FAST) as ingestor:
        summary = ingestor.run([str(path)])
    assert summary.new == 1 and summary.failed == []
    with example_db.reading() as s:
        item = s.scalars(select(SourceItem)).one()
        assert item.language == "ky" and item.published_on.isoformat() == "2026-05-14"
        assert item.title == "Беларусь менен Кыргызстан айыл чарба техникасын чогултууну кеңейтет"
        assert item.extraction["countries"] == ["BY", "KG"]
        # the known heads of government are resolved to the directory, not created again
        assert s.scalar(select(func.count()).select_from(Person).where(Person.last_name == "Касымалиев")) == 1
        assert s.scalar(select(func.count()).select_from(Evidence)) == 0
        item_id = item.id
    with make_client(example_db, public_read=True) as client:
        found = client.get("/api/v1/search", params={"q": "тракторлорду"}).json()
        assert any(hit["url"] == f"/news/{item_id}" for hit in found["items"]), found
        page = client.get(f"/news/{item_id}").text
        assert '<span class="tag lang"' in page and "на кыргызском языке" in page
