"""Ingest throughput, memory and the cost of exactly-once, on SQLite and PostgreSQL.

Usage: python bench/ingest.py [--n 10000] [--db sqlite|postgres|both] [--pg URL]

N synthetic Russian news items are generated one at a time (templates filled from
lexicons of people, offices, cities, bodies, companies, sectors and documents; no
item is ever held with the others) and ingested into a fresh database holding the
example roadmap, exactly as `accord ingest` stores a file: read, hash, check, extract,
resolve, group, propose, one transaction per item. Then the same N items are ingested
again: every one must be found by its hash before any language processing runs.

Reported per database: items/s of the first run, resident memory at a quarter, half
and all of the items (flat when ingest streams), and the second run's time as a share
of the first (the target is under 10%).

Measured in the same run, first: the reader's own items/s on the same N items (read,
hash, extract; nothing stored), and at the end each database's ingest items/s as a
share of it (the target on PostgreSQL is at least 0.5: writing costs at most as much
as reading).
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select, text  # noqa: E402

from accord.demo.example import load_example  # noqa: E402
from accord.ingest.run import Ingestor  # noqa: E402
from accord.ingest.text import text_hash  # noqa: E402
from accord.news import extract_article, get_models, read_bytes  # noqa: E402
from accord.store import migrate  # noqa: E402
from accord.store.db import Database  # noqa: E402
from accord.store.models import Evidence, SourceItem  # noqa: E402

#: a database of its own, so no test run drops the tables from under a long benchmark
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/accord_ingest_bench"

#: (first name, last name, office with the country, in the nominative, country)
PEOPLE = [
    ("Александр", "Турчин", "Премьер-министр Беларуси", "BY"),
    ("Адылбек", "Касымалиев", "Председатель Кабинета министров Кыргызстана", "KG"),
    ("Игорь", "Ковалевич", "Министр сельского хозяйства Беларуси", "BY"),
    ("Бакыт", "Осмонов", "Министр сельского хозяйства Кыргызстана", "KG"),
    ("Сергей", "Мартынюк", "Министр промышленности Беларуси", "BY"),
    ("Нурлан", "Абдраев", "Министр экономики и коммерции Кыргызстана", "KG"),
    ("Виктор", "Лашкевич", "Министр здравоохранения Беларуси", "BY"),
    ("Эркин", "Жусупов", "Министр здравоохранения Кыргызстана", "KG"),
    ("Олег", "Дробыш", "Посол Беларуси в Кыргызстане", "BY"),
    ("Руслан", "Токтогулов", "Посол Кыргызстана в Беларуси", "KG"),
]
CITIES = [
    ("Минске", "Минск"),
    ("Бишкеке", "Бишкек"),
    ("Гомеле", "Гомель"),
    ("Оше", "Ош"),
    ("Могилеве", "Могилев"),
]
MEETINGS = [
    "провели переговоры",
    "встретились",
    "провели рабочую встречу",
    "обсудили по телефону",
    "провели заседание рабочей группы",
]
TOPICS = [
    ("поставки белорусской сельскохозяйственной техники", "agriculture"),
    ("создание сборочного производства тракторов и комбайнов", "industry"),
    ("поставки лифтов и трансформаторов", "industry"),
    ("стажировки врачей и поставки лекарственных средств", "healthcare"),
    ("переработку твердых бытовых отходов", "environment"),
    ("открытие авиасообщения и логистические маршруты", "transport_logistics"),
    ("обучение специалистов ветеринарной службы", "agriculture"),
    ("электронный документооборот между ведомствами", "digital"),
    ("проведение Дней культуры", "culture"),
    ("совместные учебно-тренировочные сборы спортсменов", "sports"),
    ("строительство жилья по белорусским технологиям", "infrastructure"),
    ("наращивание взаимного товарооборота", "trade"),
]
DOCUMENTS = [
    "меморандум о сотрудничестве",
    "соглашение о сотрудничестве",
    "протокол о намерениях",
    "контракт на поставку",
    "программу сотрудничества",
    None,
    None,
]
COMPANIES = [
    "ОАО «Гомсельмаш»",
    "ОАО «Могилевлифтмаш»",
    "Минский тракторный завод",
    "ОАО «БЕЛАЗ»",
    "ОАО «Амкодор»",
]
GOODS = ["тракторов", "комбайнов", "лифтов", "автобусов", "самосвалов", "трансформаторов", "машинокомплектов"]
START = date(2025, 10, 1)


def item(i: int) -> bytes:
    """The i-th synthetic item (the same bytes every time: the generator is seeded by i)."""
    rng = random.Random(i)
    a = rng.choice([p for p in PEOPLE if p[3] == "BY"])
    b = rng.choice([p for p in PEOPLE if p[3] == "KG"])
    where, city = rng.choice(CITIES)
    day = START + timedelta(days=rng.randrange(420))
    topic, _sector = rng.choice(TOPICS)
    other, _ = rng.choice(TOPICS)
    document = rng.choice(DOCUMENTS)
    company = rng.choice(COMPANIES)
    units = rng.randrange(5, 900)
    money = rng.randrange(2, 400) / 10
    name_a = f"{a[0]} {a[1]}" if rng.random() < 0.7 else a[1]
    headline = f"{a[1]} и {b[1]} обсудили {topic}"
    signed = f" По итогам встречи подписан {document}." if document else ""
    body = (
        f"{city}, {day.day} {MONTHS[day.month - 1]}. {a[2]} {name_a} и {b[2][0].lower() + b[2][1:]} {b[0]} {b[1]} "
        f"{rng.choice(MEETINGS)} в {where}. Стороны обсудили {topic}, а также {other}.{signed}\n\n"
        f"По данным сторон, {company} поставит в Кыргызстан {units} {rng.choice(GOODS)} на сумму "
        f"{money:.1f} млн долларов. Договорились провести следующую встречу до конца {day.year + 1} года."
    )
    return f"date {day.isoformat()}\n{headline}\n{body}\n".encode()


MONTHS = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]


def items(n: int) -> Iterator[tuple[str, bytes]]:
    for i in range(n):
        yield f"https://bench.example/news/{i}", item(i)


def rss_mb() -> float:
    """Resident memory now, in MB (Linux)."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def run_once(db: Database, n: int) -> tuple[float, dict[int, float], dict[str, int]]:
    checkpoints = {n // 4: 0.0, n // 2: 0.0, n: 0.0}
    started = time.perf_counter()
    with Ingestor(db, "accord-bench") as ingestor:
        for done, (key, data) in enumerate(items(n), start=1):
            ingestor.item(key, data, None, "bench")
            if done in checkpoints:
                checkpoints[done] = rss_mb()
        summary = ingestor.summary
    elapsed = time.perf_counter() - started
    return (
        elapsed,
        checkpoints,
        {"new": summary.new, "duplicates": summary.duplicates, "proposals": summary.proposals},
    )


def prepare(kind: str, pg_url: str, workdir: Path) -> Database:
    if kind == "sqlite":
        db = Database(f"sqlite:///{workdir / 'bench.db'}")
    else:
        _create_database(pg_url)
        admin = Database(pg_url)
        with admin.engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS accord_bench CASCADE"))
            conn.execute(text("CREATE SCHEMA accord_bench"))
        admin.dispose()
        sep = "&" if "?" in pg_url else "?"
        db = Database(f"{pg_url}{sep}options=-csearch_path%3Daccord_bench")
    migrate.upgrade(db)
    load_example(db, date(2026, 11, 27))
    return db


def _create_database(pg_url: str) -> None:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    url = make_url(pg_url)
    server = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        if not conn.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": url.database}
        ).first():
            conn.execute(text(f'CREATE DATABASE "{url.database}"'))
    server.dispose()


def reader_rate(n: int) -> float:
    """Items/s of the reader alone on the same items: what ingest costs before anything is written."""
    started = time.perf_counter()
    for key, data in items(n):
        article = read_bytes(data, key, None)
        text_hash(article.text)
        extract_article(article).to_dict()
    elapsed = time.perf_counter() - started
    print(f"{'reader':9} N={n}: {elapsed:8.1f} s = {n / elapsed:7.1f} items/s (read, hash, extract; nothing stored)")
    return n / elapsed


def bench(kind: str, n: int, pg_url: str) -> float:
    """Ingest N items into a fresh database twice; returns the first run's items/s."""
    workdir = Path(tempfile.mkdtemp(prefix="accord-bench-"))
    db = prepare(kind, pg_url, workdir)
    try:
        first, memory, counts = run_once(db, n)
        second, _, again = run_once(db, n)
        with db.reading() as session:
            stored = session.scalar(select(func.count()).select_from(SourceItem))
            proposals = session.scalar(select(func.count()).select_from(Evidence))
        assert again["new"] == 0 and again["duplicates"] == n, again
        print(
            f"{kind:9} N={n}: first run {first:8.1f} s = {n / first:7.1f} items/s "
            f"({counts['new']} new, {counts['duplicates']} duplicates, {counts['proposals']} proposals); "
            f"rows: {stored} items, {proposals} evidence"
        )
        print(f"{'':9} resident memory at " + ", ".join(f"{k} items {v:.0f} MB" for k, v in memory.items()))
        print(
            f"{'':9} second run over the same items: {second:.2f} s = {100 * second / first:.1f}% of the first"
        )
        return n / first
    finally:
        db.dispose()
        if kind == "postgres":
            admin = Database(pg_url)
            with admin.engine.begin() as conn:
                conn.execute(text("DROP SCHEMA IF EXISTS accord_bench CASCADE"))
            admin.dispose()
        shutil.rmtree(workdir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="number of items (default 10000)")
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--pg", default=PG_URL, help=f"PostgreSQL URL (default {PG_URL})")
    args = parser.parse_args()
    get_models()  # loaded once, before timing
    print(f"models loaded; resident memory {rss_mb():.0f} MB")
    reader = reader_rate(args.n)
    rates = {kind: bench(kind, args.n, args.pg) for kind in (("sqlite", "postgres") if args.db == "both" else (args.db,))}
    for kind, rate in rates.items():
        print(f"{kind:9} ingest {rate:7.1f} items/s = {rate / reader:.2f} x the reader's {reader:.1f} items/s")


if __name__ == "__main__":
    main()
