"""`kill -9` of `accord ingest` at random moments: no half-written item, and a rerun stores each item once.

Every CI run kills an ingest of 30 items twice; `pytest -m slow tests/faults` kills one of 300
items 10 times. The items are written here (short Russian reports, each different).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

CITIES = ["Минске", "Бишкеке", "Оше", "Гомеле", "Бресте", "Караколе", "Витебске", "Нарыне"]
GOODS = ["тракторов", "лифтов", "автобусов", "молочной продукции", "удобрений", "грузовиков", "комбайнов"]


def write_items(folder: Path, n: int) -> None:
    rng = random.Random(n)
    for i in range(n):
        city, good = rng.choice(CITIES), rng.choice(GOODS)
        (folder / f"item-{i:04d}.txt").write_text(
            f"Поставки {good} в {city}: партия {i}\n\n"
            f"{1 + i % 28} ноября 2025 года в {city} состоялась встреча делегаций Беларуси и Кыргызстана. "
            f"Стороны обсудили поставки {good} и договорились расширить сотрудничество. "
            f"Объем поставок в партии номер {i} составит {100 + i} единиц.\n",
            encoding="utf-8",
        )


def accord(args: list[str], env: dict[str, str], capture: bool = True) -> subprocess.Popen[bytes]:
    out = subprocess.PIPE if capture else subprocess.DEVNULL
    return subprocess.Popen([sys.executable, "-m", "accord.cli.main", *args], env=env, stdout=out, stderr=out)


def state(url: str) -> dict[str, int]:
    engine = create_engine(url)
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT count(*), count(DISTINCT url), count(extraction), count(event_id) FROM source_item")
        ).one()
    engine.dispose()
    return {"items": row[0], "urls": row[1], "read": row[2], "with_event": row[3]}


def kill_and_rerun(tmp_path: Path, items: int, kills: int) -> tuple[int, int]:
    """Returns (kills that landed mid-run, items stored after the rerun)."""
    folder = tmp_path / "news"
    folder.mkdir()
    write_items(folder, items)
    url = f"sqlite:///{tmp_path / 'accord.db'}"
    env = {**os.environ, "ACCORD_DATABASE_URL": url, "ACCORD_USER": "faults"}
    assert accord(["init"], env, capture=False).wait(120) == 0
    rng = random.Random(kills)
    landed = 0
    for _ in range(kills):
        before = state(url)["items"]
        if before == items:
            break
        process = accord(["ingest", str(folder), "--json"], env, capture=False)
        # wait until the run is writing (a new item appeared), then a random moment more
        deadline = time.monotonic() + 120
        while state(url)["items"] == before and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(rng.uniform(0.0, 0.3))  # a faster ingest of 30 items can end within a second
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            landed += 1
        process.wait(30)
        now = state(url)
        assert now["items"] == now["urls"] == now["read"] == now["with_event"], f"half-written item: {now}"
    final = accord(["ingest", str(folder), "--json"], env)
    out, err = final.communicate(timeout=1800)
    assert final.returncode == 0, err.decode()[-2000:]
    summary = json.loads(out.decode().strip().splitlines()[-1])
    done = state(url)
    assert done == {"items": items, "urls": items, "read": items, "with_event": items}, done
    assert summary["failed"] == []
    again = accord(["ingest", str(folder), "--json"], env)
    out, _ = again.communicate(timeout=1800)
    assert json.loads(out.decode().strip().splitlines()[-1])["new"] == 0
    assert state(url) == done
    return landed, done["items"]


def test_ingest_killed_twice_leaves_no_half_item_and_the_rerun_stores_each_once(tmp_path: Path) -> None:
    landed, stored = kill_and_rerun(tmp_path, items=30, kills=2)
    assert landed >= 1, "no kill landed while ingest was running"
    print(f"\nkill -9 of ingest: {landed} kills survived, {stored} items stored once each")


@pytest.mark.slow
def test_ingest_killed_ten_times_over_300_items(tmp_path: Path) -> None:
    landed, stored = kill_and_rerun(tmp_path, items=300, kills=10)
    assert landed >= 10
    print(f"\nkill -9 of ingest: {landed} kills survived, {stored} items stored once each")
