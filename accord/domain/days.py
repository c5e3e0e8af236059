"""Calendar days as people type them in forms: `31.12.2026` (ДД.ММ.ГГГГ) or `2026-12-31`.

Forms show Russian readers ДД.ММ.ГГГГ and English readers YYYY-MM-DD; either is read back
in either language, so a pasted date never fails for its shape alone.
"""

from __future__ import annotations

import re
from datetime import date

_DMY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")

#: what a date field shows as its placeholder, per interface language
DAY_PATTERN = {"ru": "ДД.ММ.ГГГГ", "en": "YYYY-MM-DD"}


class DayError(ValueError):
    """A date field that holds no real day; the message names the field and what was typed."""

    def __init__(self, field: str, text: str, why: str) -> None:
        super().__init__(f"{field}: {text!r} {why}")
        self.field, self.text = field, text


def parse_day(text: str | None, field: str) -> date | None:
    """An empty field is no date; anything else must be one real day."""
    raw = (text or "").strip()
    if not raw:
        return None
    if m := _DMY.match(raw):
        y, mo, d = int(m[3]), int(m[2]), int(m[1])
    elif m := _ISO.match(raw):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    else:
        raise DayError(field, raw, "is not a date: write it as ДД.ММ.ГГГГ (31.12.2026) or 2026-12-31")
    try:
        return date(y, mo, d)
    except ValueError as exc:
        raise DayError(field, raw, f"is not a real day ({exc})") from None


def day_text(value: date | str | None, lang: str) -> str:
    """A day as the form for `lang` shows it (the inverse of `parse_day`)."""
    if not value:  # None, "", or a template's undefined value
        return ""
    if isinstance(value, str):
        try:
            day = date.fromisoformat(value[:10])
        except ValueError:
            return value  # what the person typed, shown back to them with the error
    else:
        day = value
    return day.strftime("%d.%m.%Y") if lang == "ru" else day.isoformat()
