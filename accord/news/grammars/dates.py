"""Date and period patterns: header lines, datelines, dates in words, reporting periods."""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
MONTH_WORD = r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
MONTH_ANY = (
    r"(?:январ[ьяюе]|феврал[ьяюе]|март[аеу]?|апрел[ьяюе]|ма[йяюе]|июн[ьяюе]|июл[ьяюе]|август[аеу]?"
    r"|сентябр[ьяюе]|октябр[ьяюе]|ноябр[ьяюе]|декабр[ьяюе])"
)
WEEKDAY = r"(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)"

HEADER = re.compile(r"^\s*date\s+(\d{4})-(\d{2})-(\d{2})\b[^\n]*(?:\n|$)", re.IGNORECASE)
# «Бишкек, 29.09.25 /Кабар/.»  «МИНСК, 29 сентября (БЕЛТА) –»  «Ташкент, 24 апреля 2025 года. /УзА/.»
DATELINE_NUMERIC = re.compile(r"^[A-ZА-ЯЁ][\w\-. ]{1,40},\s*(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})\b")
DATELINE_WORDS = re.compile(
    r"^[A-ZА-ЯЁ][\w\-. ]{1,40},\s*(\d{1,2})\s+(" + MONTH_WORD + r")(?:\s+(\d{4})(?:\s*г(?:ода|\.)?)?)?\s*[.(/–—-]",
    re.IGNORECASE,
)
FULL_DATE = re.compile(r"\b(\d{1,2})\s+(" + MONTH_WORD + r")\s+(\d{4})\s*(?:года|г\.)?", re.IGNORECASE)
WEEKDAY_DATE = re.compile(r"\b" + WEEKDAY + r",?\s+(\d{1,2})\s+(" + MONTH_WORD + r")\s+(\d{4})", re.IGNORECASE)
NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.(\d{2})\.(\d{4})\b")

RANGE_DASH = r"\s*[–—-]\s*"
QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4, "перв": 1, "втор": 2,
            "трет": 3, "четверт": 4}
# Reporting periods, most specific first; each yields a ``period`` string.
PERIOD_JAN_MONTH = re.compile(
    r"(?:январ[ьеяю]\w*|январ\w*)" + RANGE_DASH + r"(" + MONTH_ANY + r")\w*\s+(\d{4})", re.IGNORECASE
)
PERIOD_MONTHS_COUNT = re.compile(
    r"\b(?:за|в|по итогам)\s+(перв\w+\s+)?(два|три|четыре|пять|шесть|семь|восемь|девять|десять|одиннадцать|\d{1,2})"
    r"\s+месяц\w*\s+(\d{4})", re.IGNORECASE,
)
PERIOD_QUARTER = re.compile(r"\b(I{1,3}V?|IV|[1-4]|перв\w*|втор\w*|трет\w*|четверт\w*)[-\s]*(?:м\s+)?квартал\w*\s+(\d{4})",
                            re.IGNORECASE)
PERIOD_HALF = re.compile(r"\b(перв\w*|втор\w*|I|II|1|2)[-\s]*(?:м\s+)?полугоди\w*\s+(\d{4})", re.IGNORECASE)
PERIOD_MONTH = re.compile(r"\b(?:в|за)\s+(" + MONTH_ANY + r")\s+(\d{4})", re.IGNORECASE)
PERIOD_YEAR = re.compile(
    r"\b(?:в|за|по итогам|на|к|по состоянию на конец|в течение)\s+(\d{4})\s*(?:год\w*|г\.)", re.IGNORECASE
)
COUNT_WORDS = {"два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
               "десять": 10, "одиннадцать": 11}
# Horizon of a document: «до 2030 года», «на 2026–2030 годы», «на период до 2030 года».
UNTIL = re.compile(r"\b(?:до|по)\s+(20\d{2})\s*(?:год\w*|г\.)|\bна\s+(?:20\d{2})\s*[–—-]\s*(20\d{2})\s*(?:год|гг)",
                   re.IGNORECASE)


def month_number(word: str) -> int | None:
    w = word.lower()
    for stem_, n in MONTHS.items():
        if w.startswith(stem_) and (stem_ != "ма" or w[:3] in {"мая", "май", "мае", "маю"}):
            return n
    return None


def iso(year: int, month: int, day: int) -> str | None:
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _period_value(kind: str, m: re.Match[str]) -> str | None:
    if kind == "jan":
        month = month_number(m.group(1))
        return f"{m.group(2)}-01..{m.group(2)}-{month:02d}" if month else None
    if kind == "count":
        n = COUNT_WORDS.get(m.group(2).lower()) or (int(m.group(2)) if m.group(2).isdigit() else 0)
        return f"{m.group(3)}-01..{m.group(3)}-{n:02d}" if 1 <= n <= 12 else None
    if kind == "half":
        half = 1 if m.group(1).lower().startswith(("перв", "1")) or m.group(1) == "I" else 2
        return f"{m.group(2)}-H{half}"
    if kind == "quarter":
        key = m.group(1).lower()
        q = QUARTERS.get(key) or next((v for k, v in QUARTERS.items() if key.startswith(k) and len(k) > 2), None)
        return f"{m.group(2)}-Q{q}" if q else None
    if kind == "month":
        month = month_number(m.group(1))
        return f"{m.group(2)}-{month:02d}" if month else None
    return m.group(1)


_PERIOD_PATTERNS = (
    ("jan", PERIOD_JAN_MONTH), ("count", PERIOD_MONTHS_COUNT), ("half", PERIOD_HALF), ("quarter", PERIOD_QUARTER),
    ("month", PERIOD_MONTH), ("year", PERIOD_YEAR),
)


def find_periods(text: str) -> list[tuple[int, str]]:
    """Every reporting period stated in a text, as (offset, period); the most specific wins an overlap."""
    taken: list[tuple[int, int]] = []
    out: list[tuple[int, str]] = []
    for kind, rx in _PERIOD_PATTERNS:
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            value = _period_value(kind, m)
            if value:
                taken.append((m.start(), m.end()))
                out.append((m.start(), value))
    return sorted(out)


def period_for(text: str, offset: int) -> str | None:
    """The period that governs a number at ``offset``: the nearest one before it, else the first after."""
    periods = find_periods(text)
    before = [p for p in periods if p[0] < offset]
    if before:
        return before[-1][1]
    return periods[0][1] if periods else None


# «за восемь месяцев текущего года», «в прошлом году»: years named relative to the item's date.
RELATIVE_YEAR = re.compile(r"\b(текущ|эт|нынешн|прошл|минувш|прошедш)\w*\s+(год\w*)\b", re.IGNORECASE)
PAST_YEAR_STEMS = ("прошл", "минувш", "прошедш")


def resolve_relative_years(text: str, date: str | None) -> str:
    """Write relative years as numbers (same length, so offsets hold): «текущего года» → «2025 года»."""
    if not date:
        return text

    def sub(m: re.Match[str]) -> str:
        year = int(date[:4]) - (1 if m.group(1).lower().startswith(PAST_YEAR_STEMS) else 0)
        out = f"{year} {m.group(2)}"
        return out.ljust(len(m.group(0))) if len(out) <= len(m.group(0)) else m.group(0)

    return RELATIVE_YEAR.sub(sub, text)


def find_period(text: str) -> str | None:
    """The first reporting period a text states, in the contract's notation, or None."""
    periods = find_periods(text)
    return periods[0][1] if periods else None
