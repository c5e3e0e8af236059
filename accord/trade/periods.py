"""Statistical periods as trade data name them: `2024`, `2024-H1`, `2024-Q1`, `2024-03`.

Statistics offices publish a year, its quarters, its months and its first half
(«январь–июнь»); a period knows its first and last day and which periods of the
year before it compares with.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

PATTERNS = (
    (re.compile(r"^(\d{4})$"), "year"),
    (re.compile(r"^(\d{4})-?H([12])$", re.I), "half"),
    (re.compile(r"^(\d{4})-?Q([1-4])$", re.I), "quarter"),
    (re.compile(r"^(\d{4})-(\d{1,2})$"), "month"),
    (re.compile(r"^(\d{4})(\d{2})$"), "month"),  # UN Comtrade: 202403
    (re.compile(r"^(\d{4})-(\d{2})-01$"), "month"),  # a month Excel turned into its first day
)
MONTHS_EN = ["", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date
    kind: str
    text: str

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def months(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    def label(self) -> str:
        """`2024`, `Jan–Jun 2025`, `Q1 2024`, `Mar 2024`."""
        if self.kind == "year":
            return str(self.year)
        if self.kind == "quarter":
            return f"Q{(self.start.month - 1) // 3 + 1} {self.year}"
        if self.kind == "month":
            return f"{MONTHS_EN[self.start.month]} {self.year}"
        return f"{MONTHS_EN[self.start.month]}–{MONTHS_EN[self.end.month]} {self.year}"

    def year_before(self) -> Period:
        """The same span one year earlier, for year-on-year growth."""
        return parse_period(str(self.year - 1) + self.text[4:])


def _span(year: int, first_month: int, months: int) -> tuple[date, date]:
    last_month = first_month + months - 1
    return date(year, first_month, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])


def parse_period(text: str) -> Period:
    """A period from its text; raises ValueError saying which forms are understood."""
    raw = str(text).strip()
    for pattern, kind in PATTERNS:
        match = pattern.match(raw)
        if not match:
            continue
        year = int(match.group(1))
        if not 1900 <= year <= 2100:
            break
        if kind == "year":
            start, end = _span(year, 1, 12)
            return Period(start, end, kind, f"{year}")
        number = int(match.group(2))
        if kind == "half":
            start, end = _span(year, 6 * (number - 1) + 1, 6)
            return Period(start, end, kind, f"{year}-H{number}")
        if kind == "quarter":
            start, end = _span(year, 3 * (number - 1) + 1, 3)
            return Period(start, end, kind, f"{year}-Q{number}")
        if not 1 <= number <= 12:
            break
        start, end = _span(year, number, 1)
        return Period(start, end, kind, f"{year}-{number:02d}")
    raise ValueError(f"period {raw!r} is not understood: use 2024, 2024-H1, 2024-Q1 or 2024-03")
