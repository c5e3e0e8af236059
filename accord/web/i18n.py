"""Russian by default, English on request: gettext catalogues read from the .po files at startup.

The .po files are the source (no compile step, so a fresh clone works); Babel
formats dates and numbers in the reader's locale.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path

from babel.dates import format_date, format_datetime
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent

LANGUAGES = ("ru", "en")
DEFAULT = "ru"
LOCALE_DIR = Path(__file__).parent / "locale"
#: msgids are English; Russian is the translation and the default
SOURCE_LANGUAGE = "en"


@cache
def catalogue(lang: str) -> dict[str, str]:
    path = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    if lang == SOURCE_LANGUAGE or not path.exists():
        return {}
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    return {str(m.id): str(m.string) for m in catalog if m.id and m.string and not m.fuzzy}


def pick(lang: str | None) -> str:
    return lang if lang in LANGUAGES else DEFAULT


def translator(lang: str) -> Callable[..., str]:
    table = catalogue(pick(lang))

    def gettext(message: str, **values: object) -> str:
        text = table.get(message, message)
        return text % values if values else text

    return gettext


class Formats:
    """Dates, numbers and money as the reader's locale writes them."""

    def __init__(self, lang: str) -> None:
        self.lang = pick(lang)

    def date(self, value: date | str | None, style: str = "medium") -> str:
        """A date, a timestamp, or either as the ISO text the JSON of a record carries."""
        if value is None or value == "":
            return "—"
        if isinstance(value, str):
            value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
        if isinstance(value, datetime):
            return format_datetime(value, "medium", locale=self.lang)
        return format_date(value, style, locale=self.lang)

    def number(self, value: Decimal | float | int | None, places: int = 0) -> str:
        if value is None:
            return "—"
        pattern = "#,##0" + ("." + "0" * places if places else "")
        return format_decimal(value, format=pattern, locale=self.lang)

    def percent(self, value: Decimal | float | None) -> str:
        return "—" if value is None else format_percent(value, format="#,##0.#%", locale=self.lang)

    def millions(self, value: Decimal | float | None) -> str:
        return "—" if value is None else format_decimal(Decimal(value) / Decimal(1_000_000), format="#,##0.0", locale=self.lang)
