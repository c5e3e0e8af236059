"""What the fuzzers feed: the news reader and the table readers, each given bytes or text.

Each target returns normally (an object) or raises an error of accord's own that says what is
wrong; any other exception is a crash. Shared by the hypothesis tests and the atheris script.
"""

from __future__ import annotations

import tempfile
from pathlib import Path


def is_clear_error(exc: BaseException) -> bool:
    """A refusal accord means to give: an error kind of its own, with a message."""
    return type(exc).__module__.startswith("accord.") and bool(str(exc))


def read_news_bytes(data: bytes) -> object:
    from accord.news import read_bytes

    return read_bytes(data, "fuzz")


def read_news_text(text: str) -> object:
    """Reading and extracting a text: the whole reader."""
    from accord.news import extract

    return extract(text, source="fuzz").to_dict()


def _through_file(data: bytes, suffix: str, read: object) -> object:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"table{suffix}"
        path.write_bytes(data)
        return read(path)  # type: ignore[operator]


def read_roadmap_table(data: bytes, suffix: str = ".csv") -> object:
    from accord.io.roadmap_table import parse_table
    from accord.io.table_files import read_table

    return _through_file(data, suffix, lambda p: parse_table(read_table(p)))


def read_trade_table(data: bytes, suffix: str = ".csv") -> object:
    from accord.trade.importer import check_file

    return _through_file(data, suffix, check_file)


def run(target: object, *args: object) -> None:
    """Call a target; re-raise anything that is not a clear error."""
    try:
        target(*args)  # type: ignore[operator]
    except Exception as exc:
        if not is_clear_error(exc):
            raise
