"""Measure numbers such as `2.3` or `10.1.2`: validation and natural order."""

from __future__ import annotations

import re

_NUMBER = re.compile(r"^\d+(\.\d+)*$")


def normalise_number(text: object) -> str:
    """`2.3`, ` 2.3. ` and a spreadsheet's float 2.3 all give `2.3`."""
    raw = str(text).strip().rstrip(".")
    if not _NUMBER.match(raw):
        raise ValueError(f"{str(text).strip()!r} is not a measure number such as 2.3")
    return ".".join(str(int(part)) for part in raw.split("."))


def sort_key(number: str) -> str:
    """A string that sorts `2.10` after `2.9` in SQL as well as in Python."""
    return ".".join(part.zfill(4) for part in number.split("."))
