"""The cost of `accord import roadmap` by the number of rows: seconds, peak memory, and the per-row ratio.

Usage: python bench/import_roadmap.py [--rows 2000,8000,50000,200000] [--format csv|xlsx]
                                      [--db sqlite|postgres] [--pg URL]

For each size a roadmap table is generated (directions, two responsible columns
drawn from a directory of 120 bodies, deadlines in every form, statuses and notes;
one body in eight is new to the directory), then imported into a fresh database
in a separate process, as `accord import roadmap FILE` does it: one transaction,
all rows checked, every change audited and indexed for search. The child reports
the import's wall time and its own peak resident memory (ru_maxrss), so sizes do
not share a heap; a second import of the same file (every row unchanged) is timed
too. The machine may be shared: the per-row ratio (ms per 1,000 rows) is what
shows whether the cost grows linearly.

PostgreSQL: a database named accord_files_bench on the server of --pg, dropped afterwards.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/accord_files_bench"
DIRECTIONS = [
    "Торговля",
    "Промышленность",
    "Сельское хозяйство и АПК",
    "Энергетика",
    "Транспорт и логистика",
    "Инвестиции",
    "Цифровое развитие",
    "Образование и наука",
    "Культура",
    "Туризм",
]
VERBS = ["Организовать", "Провести", "Обеспечить", "Проработать", "Рассмотреть", "Подготовить", "Создать"]
OBJECTS = [
    "поставки сельскохозяйственной техники",
    "совместное производство лифтового оборудования",
    "обмен делегациями деловых кругов",
    "выставку национальных производителей",
    "сборочное производство автобусов",
    "взаимное признание сертификатов",
    "логистический центр на границе",
    "программу обучения специалистов",
    "совместный инвестиционный фонд",
    "цифровую платформу торговли",
]
PLACES = ["в Бишкеке", "в Минске", "в Оше", "в Гомеле", "в Чуйской области", "в Брестской области", ""]
DUES = ["31.12.2027", "2028-06-30", "IV квартал 2027", "2029", "постоянно", "I квартал 2030"]
STATUSES = ["", "", "запланировано", "в работе"]


def bodies(party: str) -> list[str]:
    kinds = ["Министерство", "Государственный комитет", "Агентство", "Департамент", "Национальный центр"]
    fields = [
        "экономики",
        "промышленности",
        "сельского хозяйства",
        "энергетики",
        "транспорта",
        "образования",
        "культуры",
        "туризма",
        "инвестиций",
        "цифрового развития",
        "торговли",
        "финансов",
    ]
    country = "Республики Беларусь" if party == "BY" else "Кыргызской Республики"
    return [f"{kind} {field} {country}" for kind in kinds for field in fields]


def generate(path: Path, rows: int, seed: int = 7) -> None:
    """A roadmap table of `rows` measures, written row by row."""
    rng = random.Random(seed)
    by, kg = bodies("BY"), bodies("KG")
    header = [
        "№",
        "Направление",
        "Мероприятие",
        "Ответственные (BY)",
        "Ответственные (KG)",
        "Срок",
        "Ожидаемый результат",
        "Статус",
        "Примечание",
    ]
    per_direction = -(-rows // len(DIRECTIONS))
    records = (
        [
            f"{d + 1}.{i + 1}",
            DIRECTIONS[d],
            f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(PLACES)}".strip(),
            "; ".join(rng.sample(by, rng.choice((1, 1, 2))))
            if rng.random() > 0.125
            else f"Новый орган BY {n}",
            "; ".join(rng.sample(kg, rng.choice((1, 1, 2))))
            if rng.random() > 0.125
            else f"Новый орган KG {n}",
            rng.choice(DUES),
            f"Результат мероприятия {n}" if rng.random() > 0.5 else "",
            rng.choice(STATUSES),
            f"Примечание {n}" if rng.random() > 0.8 else "",
        ]
        for n, (d, i) in enumerate(((n // per_direction, n % per_direction) for n in range(rows)), start=1)
    )
    if path.suffix == ".xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("Дорожная карта")
        sheet.append(header)
        for record in records:
            sheet.append(record)
        book.save(path)
        return
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(records)


def child(url: str, path: Path) -> None:
    """Runs in its own process: a fresh schema, a roadmap, then the import timed twice."""
    from datetime import date

    from sqlalchemy import select

    from accord.io.roadmap_sync import import_table
    from accord.io.table_files import iter_table
    from accord.store import migrate
    from accord.store.db import Database
    from accord.store.models import Roadmap
    from accord.store.roadmaps import create_roadmap

    db = Database(url)
    migrate.upgrade(db)
    with db.transaction(actor="bench") as session:
        create_roadmap(session, "by-kg-bench", "Дорожная карта (бенчмарк)", ["BY", "KG"], horizon_year=2030)
    timings = []
    for _ in range(2):
        started, cpu = time.perf_counter(), time.process_time()
        with db.transaction(actor="bench", reason="bench import") as session:
            roadmap = session.scalars(select(Roadmap)).one()
            result = import_table(session, iter_table(path), roadmap, "bench", date(2026, 11, 27))
        timings.append(
            (
                time.perf_counter() - started,
                time.process_time() - cpu,
                len(result.created),
                len(result.unchanged),
            )
        )
    db.dispose()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"first": timings[0], "second": timings[1], "peak_mb": peak_kb / 1024}))


def postgres(pg: str, action: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    url = make_url(pg)
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
        if action == "create":
            conn.execute(text(f'CREATE DATABASE "{url.database}"'))
    admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", default="2000,8000,50000,200000", help="sizes, comma separated")
    parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--pg", default=PG_URL, help=f"PostgreSQL URL (default {PG_URL})")
    parser.add_argument("--child", nargs=2, metavar=("URL", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return
    sizes = [int(s) for s in args.rows.split(",")]
    print(f"roadmap import, {args.format}, {args.db}")
    print(
        f"{'rows':>8} {'file MB':>8} {'import s':>9} {'CPU s':>7} {'CPU ms/1k rows':>15} {'again s':>8} "
        f"{'peak RSS MB':>12}"
    )
    with tempfile.TemporaryDirectory(prefix="accord-import-bench-") as tmp:
        for rows in sizes:
            path = Path(tmp) / f"roadmap-{rows}.{args.format}"
            generate(path, rows)
            if args.db == "sqlite":
                url = f"sqlite:///{Path(tmp) / f'bench-{rows}.db'}"
            else:
                postgres(args.pg, "create")
                url = args.pg
            try:
                out = subprocess.run(
                    [sys.executable, __file__, "--child", url, str(path)],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
            finally:
                if args.db == "postgres":
                    postgres(args.pg, "drop")
            figures = json.loads(out.strip().splitlines()[-1])
            seconds, cpu, created, _ = figures["first"]
            again, _, _, unchanged = figures["second"]
            assert created == rows and unchanged == rows, figures
            print(
                f"{rows:>8} {path.stat().st_size / 2**20:>8.1f} {seconds:>9.1f} {cpu:>7.1f} {cpu / rows * 1e6:>15.0f} "
                f"{again:>8.1f} {figures['peak_mb']:>12.0f}",
                flush=True,
            )
            path.unlink()


if __name__ == "__main__":
    main()
