"""Every interface string has its Russian translation, and the catalogue loads from the .po source."""

from __future__ import annotations

import re
from pathlib import Path

from accord.web import render
from accord.web.i18n import Formats, catalogue, translator
from accord.web.labels import LABELS
from accord.web.routes.errors import TITLES

WEB = Path(render.__file__).parent
CALL = re.compile(r"""\b_\(\s*(['"])((?:(?!\1).)+)\1""")


def interface_strings() -> set[str]:
    found = set()
    for path in WEB.rglob("*"):
        if path.suffix in (".html", ".py"):
            found |= {m.group(2) for m in CALL.finditer(path.read_text(encoding="utf-8"))}
    found |= {v for group, values in LABELS.items() if group != "sector" for v in values.values()}
    found |= {title for _href, title in render.NAV} | set(TITLES.values())
    return found


def test_it_translates_every_interface_string_into_russian() -> None:
    missing = sorted(interface_strings() - set(catalogue("ru")))
    assert not missing, f"add these to accord/web/locale/ru/LC_MESSAGES/messages.po: {missing}"


def test_it_keeps_placeholders_in_translations() -> None:
    ru = translator("ru")
    assert ru("page %(n)s of %(of)s", n=2, of=5) == "стр. 2 из 5"
    assert translator("en")("page %(n)s of %(of)s", n=2, of=5) == "page 2 of 5"


def test_it_formats_dates_and_numbers_per_locale() -> None:
    from datetime import date
    from decimal import Decimal

    assert Formats("ru").date(date(2026, 11, 27)) == "27 нояб. 2026\u202fг."
    assert Formats("en").date(date(2026, 11, 27)) == "Nov 27, 2026"
    assert Formats("ru").number(Decimal("1234567.5"), 1) == "1\xa0234\xa0567,5"
    assert Formats("en").number(Decimal("1234567.5"), 1) == "1,234,567.5"
    assert Formats("ru").millions(Decimal("133000000")) == "133,0"
