"""Latency of the web app on a large generated record, SQLite and PostgreSQL.

Usage: python bench/web.py [--scale 1.0] [--db sqlite,postgres] [--requests 200]

Builds the record (200 roadmaps, 20,000 measures, 200,000 news items, 1,000,000 audit
rows at --scale 1; fewer with a smaller scale), starts uvicorn on 127.0.0.1 in its own
process, and times requests from this process: the dashboard, a filtered roadmap list,
measure pages, search, and API lists. Prints p50/p95/max per page; the target is
p95 < 100 ms. PostgreSQL: a database `accord_bench` created on the server of ACCORD_BENCH_PG_URL
(default the test server) and dropped afterwards.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import httpx
from sqlalchemy import text
from sqlalchemy.engine import make_url

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

from web_data import generate, scaled  # noqa: E402

from accord.store.db import Database  # noqa: E402

#: a server to create the benchmark's own database on (it is dropped afterwards)
PG_URL = os.environ.get("ACCORD_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
BENCH_DB = "accord_bench"
TODAY = date(2026, 11, 27)
QUERIES = ["соглашения", "сборочного производства лифтов", "заседания рабочей группы в Бишкеке", "туризма",
           "логистических центров", "Турчин"]
TARGET_MS = 100.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _admin(statement: str) -> None:
    admin = Database(PG_URL)
    with admin.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(statement))
    admin.dispose()


def pg_url() -> str:
    """A fresh database of its own, so the benchmark never touches the test suite's tables."""
    _admin(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
    _admin(f'CREATE DATABASE "{BENCH_DB}"')
    return make_url(PG_URL).set(database=BENCH_DB).render_as_string(hide_password=False)


def drop_pg() -> None:
    _admin(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')


def start_server(url: str, var_dir: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {**os.environ, "ACCORD_DATABASE_URL": url, "ACCORD_PUBLIC_READ": "1", "ACCORD_VAR_DIR": str(var_dir),
           "ACCORD_SECRET_KEY": secrets.token_urlsafe(32), "PYTHONWARNINGS": "ignore"}
    process = subprocess.Popen([sys.executable, "-m", "uvicorn", "accord.web.asgi:app", "--host", "127.0.0.1",
                                "--port", str(port), "--log-level", "warning"], env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/login", timeout=2).status_code == 200:
                return process, base
        except httpx.HTTPError:
            pass
        if process.poll() is not None:
            raise RuntimeError("the server exited during start-up")
        time.sleep(0.3)
    process.kill()
    raise RuntimeError("the server did not start within 120 s")


def scenarios(n: dict[str, int], rnd: random.Random) -> dict[str, list[str]]:
    """Each page with a few variants, so caches do not flatter one URL."""
    roadmaps = [f"bench-{i:03d}" for i in range(0, n["roadmaps"] - 1, max(1, n["roadmaps"] // 10))]
    first_bench_measure = 46  # the example's 45 measures come first
    measures = [first_bench_measure + rnd.randrange(n["measures"] - 100) for _ in range(20)]
    return {
        "dashboard": ["/", *[f"/?roadmap={code}" for code in roadmaps[:3]]],
        "roadmap, filtered": [f"/roadmap?roadmap={code}&direction=industry&status=planned" for code in roadmaps]
        + [f"/roadmap?roadmap={code}&overdue=true&sort=-due" for code in roadmaps],
        "measure page": [f"/measures/{m}" for m in measures],
        "search": [f"/search?q={q}" for q in QUERIES],
        "API list": [f"/api/v1/measures?roadmap={code}&limit=100" for code in roadmaps]
        + ["/api/v1/news?limit=100", "/api/v1/agreements?limit=100", "/api/v1/events?limit=100&offset=5000"],
    }


def measure(base: str, pages: dict[str, list[str]], requests: int) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {}
    with httpx.Client(base_url=base, timeout=30) as client:
        for name, urls in pages.items():
            for url in urls:  # warm-up: first hits compile templates and fill caches
                client.get(url).raise_for_status()
            samples = []
            for i in range(requests):
                url = urls[i % len(urls)]
                started = time.perf_counter()
                response = client.get(url)
                samples.append((time.perf_counter() - started) * 1000)
                response.raise_for_status()
            timings[name] = samples
    return timings


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def run(kind: str, scale: float, requests: int, workdir: Path) -> list[tuple[str, str, int, float, float, float]]:
    url = f"sqlite:///{workdir / 'bench.db'}" if kind == "sqlite" else pg_url()
    db = Database(url)
    print(f"{kind}: generating (scale {scale}) …", flush=True)
    made = generate(db, scale, TODAY, log=lambda m: print(m, flush=True))
    db.dispose()
    print(f"{kind}: generated in {made['seconds']} s; timing {requests} requests per page …", flush=True)
    process, base = start_server(url, workdir)
    try:
        timings = measure(base, scenarios(scaled(scale), random.Random(7)), requests)
    finally:
        process.terminate()
        process.wait(timeout=20)
        if kind == "postgres":
            drop_pg()
    return [(kind, name, len(s), statistics.median(s), percentile(s, 95), max(s)) for name, s in timings.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full record (1.0 = 20,000 measures …)")
    parser.add_argument("--db", default="sqlite,postgres", help="sqlite, postgres or both (comma-separated)")
    parser.add_argument("--requests", type=int, default=200, help="timed requests per page")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="accord-bench-") as tmp:
        for kind in args.db.split(","):
            done = run(kind.strip(), args.scale, args.requests, Path(tmp))
            table(done, args.scale)
            rows += done
    if len(rows) > len(done):
        table(rows, args.scale)


def table(rows: list[tuple[str, str, int, float, float, float]], scale: float) -> None:
    n = scaled(scale)
    print(f"\nrecord: {n['roadmaps']} roadmaps, {n['measures']:,} measures, {n['news']:,} news items, "
          f"{n['audit']:,} audit rows; target p95 < {TARGET_MS:.0f} ms\n")
    print(f"| {'database':<9}| {'page':<18}| {'n':>4} | {'p50 ms':>7} | {'p95 ms':>7} | {'max ms':>7} | ok |")
    print(f"|{'-' * 10}|{'-' * 19}|{'-' * 6}|{'-' * 9}|{'-' * 9}|{'-' * 9}|----|")
    for kind, name, count, p50, p95, worst in rows:
        mark = "✓" if p95 < TARGET_MS else "✗"
        print(f"| {kind:<9}| {name:<18}| {count:>4} | {p50:>7.1f} | {p95:>7.1f} | {worst:>7.1f} | {mark}  |")


if __name__ == "__main__":
    main()
