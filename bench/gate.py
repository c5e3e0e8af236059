"""The relevance gate on a general news stream: its speed, ingest with and without it, and its recall.

Usage: python bench/gate.py DIR… [--every K] [--limit N]

Every text in the folders given is one item: ``*.txt``, ``*.html`` and ``*.md`` files as
`accord ingest` reads them, and ``*.json`` files with a ``"text"`` field (RuCoCo's
layout). Made for the NEREL and RuCoCo corpora (every text, nothing picked), e.g.

    python bench/gate.py ../shared/data/nerel ../shared/data/rucoco

Printed, all measured in this run:

- the gate alone: items/s of the cheap first pass on the texts (no reader, no database);
- ingest with the gate (`accord ingest`) and without it (`accord ingest --no-gate`, the full
  pipeline on every item) into two fresh SQLite databases holding the example roadmap,
  taking turns a chunk of items at a time so both see the same machine: items/s of each and
  their ratio (the target is at least 3);
- recall: of the items the full pipeline finds an interaction in (countries and events both
  non-empty), the share the gate lets through to be read (the target is at least 0.98), and
  the items it held back, with the reason, so a miss can be read.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select  # noqa: E402

from accord.domain.kinds import ItemStatus  # noqa: E402
from accord.ingest.run import Ingestor  # noqa: E402
from accord.morphology import lemma  # noqa: E402
from accord.news import get_models, read_bytes  # noqa: E402
from accord.news.gate import check  # noqa: E402
from accord.store.db import Database  # noqa: E402
from accord.store.models import SourceItem  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import prepare  # noqa: E402

SUFFIXES = (".txt", ".html", ".htm", ".md")


def corpus(folders: list[Path], limit: int | None, every: int = 1) -> list[tuple[str, bytes]]:
    """(key, bytes) of every text in the folders, in a fixed order."""
    out: list[tuple[str, bytes]] = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.name.lower().startswith("readme"):
                continue  # the corpus's own description, not one of its texts
            if path.suffix.lower() in SUFFIXES and path.is_file():
                out.append((path.resolve().as_uri(), path.read_bytes()))
            elif path.suffix.lower() == ".json" and path.is_file():
                text = json.loads(path.read_text(encoding="utf-8")).get("text")
                if isinstance(text, str) and text.strip():
                    out.append((path.resolve().as_uri(), text.encode("utf-8")))
    out = out[::every]
    return out[:limit] if limit else out


def gate_alone(items: list[tuple[str, bytes]]) -> float:
    texts = [read_bytes(data, key, None).text for key, data in items]
    started = time.perf_counter()
    for text in texts:
        check(text)
    return len(texts) / (time.perf_counter() - started)


def ingest_both(dbs: dict[bool, Database], items: list[tuple[str, bytes]], chunk: int = 20) -> dict[bool, float]:
    """Items/s with the gate (True) and without (False), each into its own database.

    The two runs take turns, a chunk of items at a time, first one then the other and the
    other way round the next time: on a shared machine whose load changes by the minute
    both see the same load, and neither always reads the words the other has just warmed."""
    lemma.cache_clear()
    spent = {True: 0.0, False: 0.0}
    ingestors = {gate: Ingestor(db, "accord-bench", gate=gate) for gate, db in dbs.items()}
    try:
        for n, start in enumerate(range(0, len(items), chunk)):
            for gate in (True, False) if n % 2 else (False, True):
                started = time.perf_counter()
                for key, data in items[start : start + chunk]:
                    try:
                        ingestors[gate].item(key, data, "text/plain", "bench")
                    except Exception as exc:  # noqa: BLE001 - an unreadable text is the corpus's, not the gate's
                        print(f"  {key}: {exc}", file=sys.stderr)
                spent[gate] += time.perf_counter() - started
    finally:
        for ingestor in ingestors.values():
            ingestor.close()
    return {gate: len(items) / seconds for gate, seconds in spent.items()}


def stored(db: Database) -> dict[str, tuple[str, str | None, bool]]:
    """url → (status, gate's reason, the reader found an interaction)."""
    with db.reading() as session:
        rows = session.execute(select(SourceItem.url, SourceItem.status, SourceItem.skip_reason, SourceItem.extraction))
        return {
            url: (status, reason, bool(x and x.get("countries") and x.get("events")))
            for url, status, reason, x in rows
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path, metavar="DIR")
    parser.add_argument("--limit", type=int, help="the first N items only")
    parser.add_argument("--every", type=int, default=1, help="every K-th text only (a sample across the corpora)")
    args = parser.parse_args()
    items = corpus(args.folders, args.limit, args.every)
    get_models()  # loaded once, before timing
    print(f"{len(items)} items from {', '.join(str(f) for f in args.folders)}")
    print(f"gate alone            {gate_alone(items):9.1f} items/s")
    workdir = Path(tempfile.mkdtemp(prefix="accord-gate-"))
    try:
        dbs = {}
        for gate in (True, False):
            (workdir / str(gate)).mkdir()
            dbs[gate] = prepare("sqlite", "", workdir / str(gate))
        rates = ingest_both(dbs, items)
        gated_rate, full_rate = rates[True], rates[False]
        gated, full = stored(dbs[True]), stored(dbs[False])
        for db in dbs.values():
            db.dispose()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"ingest with the gate  {gated_rate:9.1f} items/s")
    print(f"ingest without it     {full_rate:9.1f} items/s (the full pipeline on every item)")
    print(f"ratio                 {gated_rate / full_rate:9.2f} (target >= 3)")
    kept = sum(1 for status, _, _ in gated.values() if status == ItemStatus.READ)
    print(f"read in full          {kept} of {len(gated)} items stored ({kept / max(len(gated), 1):.1%})")
    print("held back, by reason  " + "; ".join(f"{r}: {n}" for r, n in Counter(
        reason for status, reason, _ in gated.values() if status == ItemStatus.SKIPPED).most_common()))
    found = [url for url, (_, _, interaction) in full.items() if interaction]
    missed = [url for url in found if gated.get(url, ("", None, False))[0] != ItemStatus.READ]
    recall = 1 - len(missed) / len(found) if found else 1.0
    print(f"interactions found    {len(found)} items by the full pipeline")
    print(f"recall                {recall:9.3f} ({len(found) - len(missed)} of {len(found)} let through; target >= 0.98)")
    for url in missed:
        print(f"  missed {url}: {gated.get(url, ('', 'not stored', False))[1]}")


if __name__ == "__main__":
    main()
