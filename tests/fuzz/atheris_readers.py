"""Coverage-guided fuzzing of the news reader and the table readers with atheris.

    python tests/fuzz/atheris_readers.py -atheris_runs=20000

The first byte picks the target (news bytes, roadmap table, trade table; CSV or XLSX), the rest
is the input. A crash (an exception that is not a clear error of accord's own) stops the run
and leaves the input as crash-<hash>; keep it under tests/fuzz/fixtures/ as news-* or table-*.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import atheris  # noqa: E402

with atheris.instrument_imports():  # the readers are instrumented, so the fuzzer follows their branches
    import accord.io.roadmap_table
    import accord.io.table_files
    import accord.news.reader
    import accord.trade.importer  # noqa: F401
    from tests.fuzz.targets import read_news_bytes, read_roadmap_table, read_trade_table, run

TARGETS = [
    lambda data: run(read_news_bytes, data),
    lambda data: run(read_roadmap_table, data, ".csv"),
    lambda data: run(read_roadmap_table, data, ".xlsx"),
    lambda data: run(read_trade_table, data, ".csv"),
    lambda data: run(read_trade_table, data, ".xlsx"),
]


def one_input(data: bytes) -> None:
    if not data:
        return
    TARGETS[data[0] % len(TARGETS)](data[1:])


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
