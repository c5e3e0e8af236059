"""Ingest at scale: in-process, on one Celery worker and on two, over a realistic mix of items.

Usage: python bench/scale.py [--n 20000] [--db postgres|sqlite] [--broker amqp|redis] [--pg URL]

N items are generated into a folder: 1 in 20 about cooperation between Belarus and
Kyrgyzstan (bench/ingest.py's generator), the rest general news written here (weather,
sport, city life, markets, courts, culture: no interaction between states). Each run
starts from a fresh database holding the example roadmap:

- in-process: `accord ingest FOLDER` as one process reads it;
- 1 worker, 2 workers: `accord worker --pool solo` subprocesses (started and answering
  before the clock starts), fed by `accord ingest --queue FOLDER`; the clock stops when
  the batch's last row is done.

Printed: items/s of each run, the 2-worker/1-worker ratio, the resident memory of each
worker when a quarter, half and all of the items are done, and the relevance gate's
kept share and recall when this tree has the gate (otherwise it says so).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text  # noqa: E402

from accord.demo.example import load_example  # noqa: E402
from accord.ingest.run import Ingestor  # noqa: E402
from accord.news import get_models  # noqa: E402
from accord.store import migrate  # noqa: E402
from accord.store.db import Database  # noqa: E402
from bench.ingest import MONTHS, _create_database  # noqa: E402
from bench.ingest import item as cooperation_item

PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/accord_scale_bench"
BROKERS = {"amqp": "amqp://guest:guest@127.0.0.1:5672//", "redis": "redis://127.0.0.1:6379/0"}
ROOT = Path(__file__).resolve().parents[1]

CITIES = ["Минске", "Гродно", "Бресте", "Витебске", "Гомеле", "Бобруйске", "Пинске", "Лиде", "Полоцке", "Орше"]
NAMES = [
    ("Андрей", "Карпович"), ("Ольга", "Шевчук"), ("Дмитрий", "Лукашевич"), ("Наталья", "Ковальчук"),
    ("Павел", "Жук"), ("Ирина", "Мельник"), ("Сергей", "Бондарь"), ("Елена", "Савицкая"),
]
WEATHER = [
    "В выходные в {city} ожидается до {n} градусов тепла, местами пройдут кратковременные дожди.",
    "Синоптики предупреждают о гололедице: ночью в {city} похолодает до минус {n} градусов.",
    "Сильный ветер повалил {n} деревьев в {city}, коммунальные службы работают в усиленном режиме.",
]
SPORT = [
    "Футбольный клуб из {city} обыграл соперника со счетом {n}:1 и поднялся на третье место в таблице.",
    "Хоккеисты из {city} проиграли в овертайме, заняв {n}-е место в регулярном чемпионате.",
    "На марафоне в {city} стартовали {n} бегунов, победителем стал {first} {last}.",
]
CITY = [
    "В {city} открыли новую поликлинику на {n} посещений в смену, рассказал главный врач {first} {last}.",
    "Ремонт моста в {city} завершат через {n} месяцев, движение транспорта будет ограничено.",
    "В {city} прошла ярмарка местных производителей, ее посетили около {n} тысяч человек.",
    "Школьники из {city} заняли {n} призовых мест на областной олимпиаде по математике.",
]
MARKET = [
    "Цены на овощи на рынках {city} за месяц выросли на {n} процентов, сообщили в облисполкоме.",
    "Местный молочный комбинат увеличил выпуск сыров на {n} процентов по сравнению с прошлым годом.",
    "Количество новых индивидуальных предпринимателей в {city} выросло до {n} за квартал.",
]
COURT = [
    "Суд в {city} приговорил {n}-летнего водителя к лишению прав за езду в нетрезвом виде.",
    "Милиция задержала подозреваемых в краже {n} велосипедов в {city}.",
]
CULTURE = [
    "Театр в {city} представил премьеру спектакля, билеты на {n} показов уже распроданы.",
    "В музее {city} открылась выставка {n} работ местных художников, куратор — {first} {last}.",
    "Библиотека {city} получила в дар {n} книг от жителей города.",
]
KINDS = [WEATHER, SPORT, CITY, MARKET, COURT, CULTURE]
HEADLINES = {
    id(WEATHER): "Погода", id(SPORT): "Спорт", id(CITY): "Город", id(MARKET): "Экономика региона",
    id(COURT): "Происшествия", id(CULTURE): "Культура",
}
START = date(2025, 10, 1)


def general_item(i: int) -> bytes:
    """The i-th general news item: several sentences of local news, no states interacting."""
    rng = random.Random(1_000_003 * i + 7)
    kind = rng.choice(KINDS)
    day = START + timedelta(days=rng.randrange(420))
    sentences = []
    for _ in range(rng.randrange(3, 7)):
        first, last = rng.choice(NAMES)
        template = rng.choice(rng.choice(KINDS) if rng.random() < 0.3 else kind)
        sentences.append(template.format(city=rng.choice(CITIES), n=rng.randrange(2, 95), first=first, last=last))
    headline = f"{HEADLINES[id(kind)]}: {sentences[0][:60].rstrip(' ,.')}"
    body = f"{rng.choice(CITIES)}, {day.day} {MONTHS[day.month - 1]}. " + " ".join(sentences)
    return f"date {day.isoformat()}\n{headline}\n{body}\nНомер материала {i}.\n".encode()


def generate(folder: Path, n: int) -> int:
    """Write N items (1 in 20 about cooperation); the number of cooperation items."""
    cooperation = 0
    for i in range(n):
        if i % 20 == 0:
            data, cooperation = cooperation_item(i), cooperation + 1
        else:
            data = general_item(i)
        (folder / f"{i // 1000:03d}").mkdir(exist_ok=True)
        (folder / f"{i // 1000:03d}" / f"{i:06d}.txt").write_bytes(data)
    return cooperation


def fresh(kind: str, pg_url: str, workdir: Path) -> Database:
    if kind == "sqlite":
        path = workdir / "scale.db"
        path.unlink(missing_ok=True)
        db = Database(f"sqlite:///{path}")
    else:
        _create_database(pg_url)
        admin = Database(pg_url)
        with admin.engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS accord_scale CASCADE"))
            conn.execute(text("CREATE SCHEMA accord_scale"))
        admin.dispose()
        sep = "&" if "?" in pg_url else "?"
        db = Database(f"{pg_url}{sep}options=-csearch_path%3Daccord_scale")
    migrate.upgrade(db)
    load_example(db, date(2026, 11, 27))
    return db


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def in_process(db: Database, folder: Path, n: int) -> float:
    started = time.perf_counter()
    with Ingestor(db, "accord-bench") as ingestor:
        summary = ingestor.run([str(folder)])
    elapsed = time.perf_counter() - started
    assert summary.new + summary.duplicates == n, summary.to_dict()
    return elapsed


def on_workers(db: Database, folder: Path, n: int, count: int, broker: str) -> tuple[float, list[list[float]]]:
    """Items/s on ``count`` worker subprocesses; memory of each at a quarter, half and all done."""
    from accord.workers.app import make_app
    from accord.workers.batches import pending
    from accord.workers.dispatch import enqueue, wait

    queue = f"accord-bench-{uuid.uuid4().hex[:8]}"
    env = os.environ | {"ACCORD_DATABASE_URL": db.url, "ACCORD_BROKER_URL": broker, "ACCORD_QUEUE": queue}
    os.environ.update({"ACCORD_BROKER_URL": broker, "ACCORD_QUEUE": queue})
    app = make_app()
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "accord.cli.main", "worker", "--pool", "solo", "--name", f"bench{k}@%h",
             "--loglevel", "WARNING"],
            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        for k in range(count)
    ]
    try:
        deadline = time.monotonic() + 300
        while len(app.control.ping(timeout=1.0)) < count:
            if time.monotonic() > deadline:
                raise RuntimeError("workers did not answer within 5 minutes")
        # one item each first, so the reader's models are loaded before the clock starts
        warm = Path(tempfile.mkdtemp(prefix="accord-warm-"))
        for k in range(count):
            (warm / f"{k}.txt").write_bytes(general_item(10_000_000 + k))
        wait(db, enqueue(app, db, "accord-bench", [str(warm)]), every=0.2)
        shutil.rmtree(warm, ignore_errors=True)
        marks = {n // 4: [], n // 2: [], n: []}
        started = time.perf_counter()
        sent = enqueue(app, db, "accord-bench", [str(folder)])

        def sample(done: int, total: int) -> None:
            for mark, seen in marks.items():
                if done >= mark and not seen:
                    seen.extend(rss_mb(w.pid) for w in workers)

        summary = wait(db, sent, sample, every=0.5)
        elapsed = time.perf_counter() - started
        assert pending(db, sent.batch_id)[0] == n and not summary.failed, summary.to_dict()
        return elapsed, list(marks.values())
    finally:
        for w in workers:
            w.terminate()
        for w in workers:
            w.wait(timeout=60)
        with app.connection_for_write() as conn:
            conn.default_channel.queue_delete(queue)


def gate_line() -> str:
    if importlib.util.find_spec("accord.ingest.gate") is None:
        return "relevance gate: absent from this tree (not merged yet): kept share and recall not measured"
    return "relevance gate: present, but this benchmark does not yet call it: kept share and recall not measured"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--db", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--broker", choices=sorted(BROKERS), default="amqp")
    parser.add_argument("--pg", default=PG_URL)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="accord-scale-"))
    folder = workdir / "items"
    folder.mkdir()
    try:
        cooperation = generate(folder, args.n)
        print(f"{args.n} items generated ({cooperation} about cooperation); load average {os.getloadavg()[0]:.1f}")
        get_models()
        db = fresh(args.db, args.pg, workdir)
        t0 = in_process(db, folder, args.n)
        db.dispose()
        print(f"in-process : {t0:8.1f} s = {args.n / t0:6.1f} items/s")
        rates = {}
        for count in (1, 2):
            db = fresh(args.db, args.pg, workdir)
            elapsed, memory = on_workers(db, folder, args.n, count, BROKERS[args.broker])
            db.dispose()
            rates[count] = args.n / elapsed
            print(f"{count} worker{'s' if count > 1 else ' '}  : {elapsed:8.1f} s = {rates[count]:6.1f} items/s")
            for k in range(count):
                at = ", ".join(f"{label} {m[k]:.0f} MB" for label, m in zip(("¼", "½", "all"), memory, strict=True))
                print(f"             worker {k + 1} resident memory at {at}")
        print(f"2 workers / 1 worker: {rates[2] / rates[1]:.2f} (target ≥ 1.7); load average {os.getloadavg()[0]:.1f}")
        print(gate_line())
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
