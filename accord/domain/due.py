"""Deadlines as ministries write them: a date, a quarter, a year, or "ongoing".

A roadmap's "срок исполнения" is rarely a plain date. We keep the form it was
written in (so the table round-trips) and derive the last day it allows, which
is what overdue and sorting use.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class DueKind(StrEnum):
    DATE = "date"
    QUARTER = "quarter"
    YEAR = "year"
    ONGOING = "ongoing"


class DueError(ValueError):
    """The text does not read as a deadline; the message says why."""


ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
ROMAN_OF = {v: k for k, v in ROMAN.items()}
ONGOING_WORDS = {"постоянно", "на постоянной основе", "ongoing", "permanent", "continuous", "в течение всего периода"}


@dataclass(frozen=True)
class Due:
    kind: DueKind
    on: date | None  # the last day the deadline allows; None for ongoing

    @classmethod
    def ongoing(cls) -> Due:
        return cls(DueKind.ONGOING, None)

    @classmethod
    def of_date(cls, day: date) -> Due:
        return cls(DueKind.DATE, day)

    @classmethod
    def of_quarter(cls, year: int, quarter: int) -> Due:
        if quarter not in ROMAN_OF:
            raise DueError(f"quarter must be 1–4, got {quarter}")
        month = quarter * 3
        return cls(DueKind.QUARTER, date(year, month, calendar.monthrange(year, month)[1]))

    @classmethod
    def of_year(cls, year: int) -> Due:
        return cls(DueKind.YEAR, date(year, 12, 31))

    @property
    def year(self) -> int | None:
        return self.on.year if self.on else None

    @property
    def quarter(self) -> int | None:
        return (self.on.month - 1) // 3 + 1 if self.on else None

    def is_passed(self, today: date) -> bool:
        return self.on is not None and self.on < today

    def format(self, lang: str = "ru") -> str:
        """The deadline as the spreadsheet writes it (parse(format(d)) == d)."""
        if self.kind is DueKind.ONGOING or self.on is None:
            return "постоянно" if lang == "ru" else "ongoing"
        if self.kind is DueKind.YEAR:
            return str(self.on.year)
        if self.kind is DueKind.QUARTER:
            q = ROMAN_OF[self.quarter or 1]
            return f"{q} квартал {self.on.year}" if lang == "ru" else f"Q{self.quarter} {self.on.year}"
        return self.on.strftime("%d.%m.%Y")


_DMY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_YEAR = re.compile(r"^(\d{4})(?:\s*г(?:од|\.)?)?$")
_QUARTER_RU = re.compile(r"^(I{1,3}|IV|[1-4])\s*(?:-?й\s*)?кв(?:артал|\.)?\s*(\d{4})(?:\s*г(?:ода?|\.)?)?$", re.IGNORECASE)
_QUARTER_EN = re.compile(r"^(?:Q([1-4])\s*(\d{4})|(\d{4})\s*-?\s*Q([1-4]))$", re.IGNORECASE)


def _day(y: int, m: int, d: int, text: str) -> date:
    try:
        return date(y, m, d)
    except ValueError as exc:
        raise DueError(f"{text!r} is not a real date ({exc})") from None


def parse_due(text: str) -> Due:
    """Read `31.12.2026`, `2026-12-31`, `IV квартал 2026`, `2026` or `постоянно`."""
    raw = " ".join(str(text).split())
    if not raw:
        raise DueError("the deadline is empty")
    if raw.lower() in ONGOING_WORDS:
        return Due.ongoing()
    if m := _DMY.match(raw):
        return Due.of_date(_day(int(m[3]), int(m[2]), int(m[1]), raw))
    if m := _ISO.match(raw):
        return Due.of_date(_day(int(m[1]), int(m[2]), int(m[3]), raw))
    if m := _YEAR.match(raw):
        return Due.of_year(int(m[1]))
    if m := _QUARTER_RU.match(raw):
        q = m[1].upper()
        return Due.of_quarter(int(m[2]), ROMAN[q] if q in ROMAN else int(q))
    if m := _QUARTER_EN.match(raw):
        return Due.of_quarter(int(m[2] or m[3]), int(m[1] or m[4]))
    raise DueError(
        f"{raw!r} is not a deadline: use 31.12.2026, 2026-12-31, IV квартал 2026, 2026 or постоянно"
    )
