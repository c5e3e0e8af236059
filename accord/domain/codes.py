"""Country and currency codes: ISO 3166-1 (alpha-2, alpha-3, numeric) and ISO 4217, from Babel's CLDR data."""

from __future__ import annotations

from functools import cache

from babel import Locale
from babel.core import get_global
from babel.numbers import list_currencies

#: CLDR territories that are not countries a customs office reports for
NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"})


@cache
def countries() -> dict[str, tuple[str, str]]:
    """alpha-2 code → (English name, Russian name)."""
    en, ru = Locale("en").territories, Locale("ru").territories
    return {
        code: (en[code], ru.get(code, en[code]))
        for code in en
        if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES
    }


def is_country(code: str) -> bool:
    return code.upper() in countries()


def country_code(value: str | int) -> str | None:
    """An ISO alpha-2 code from alpha-2, alpha-3 or a numeric code (UN Comtrade uses M49 numbers)."""
    text = str(value).strip().upper()
    if len(text) == 2 and is_country(text):
        return text
    aliases = get_global("territory_aliases")
    key = text.zfill(3) if text.isdigit() else text
    targets = aliases.get(key)
    if targets and len(targets) == 1 and is_country(targets[0]):
        return targets[0]
    return None


@cache
def currencies() -> frozenset[str]:
    return frozenset(list_currencies())


def is_currency(code: str) -> bool:
    return code.upper() in currencies()
