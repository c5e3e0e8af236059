"""How long `accord demo --load` takes on a fresh SQLite file: the roadmap, the models, the news.

Usage: python bench/demo_load.py

Prints seconds for loading the example's records, for loading the news reader's models, and
for reading the example's news items (ingest, events, proposals, the declared acceptances),
with the counts the first screen shows.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from accord.demo.example import load_example  # noqa: E402
from accord.demo.news_items import load_news  # noqa: E402
from accord.news import get_models  # noqa: E402
from accord.store import migrate  # noqa: E402
from accord.store.db import Database  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Database(f"sqlite:///{Path(folder) / 'accord.db'}")
        migrate.upgrade(db)
        started = time.perf_counter()
        load_example(db, date.today())
        records = time.perf_counter() - started
        started = time.perf_counter()
        get_models()
        models = time.perf_counter() - started
        news = load_news(db)
        db.dispose()
    print(f"example records: {records:.2f} s")
    print(f"news reader models: {models:.2f} s")
    print(f"news: {news.items} items in {news.seconds:.2f} s ({news.seconds / news.items * 1000:.0f} ms/item), "
          f"{news.events} events, {news.pending} proposals pending, {news.accepted} accepted")
    print(f"total: {records + models + news.seconds:.2f} s")


if __name__ == "__main__":
    main()
