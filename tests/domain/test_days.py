"""Date fields read ДД.ММ.ГГГГ and ISO alike, and say which field holds no real day."""

from __future__ import annotations

from datetime import date

import pytest

from accord.domain.days import DayError, day_text, parse_day


@pytest.mark.parametrize("text,expected", [
    ("31.12.2026", date(2026, 12, 31)),
    ("1.2.2027", date(2027, 2, 1)),
    (" 2026-12-31 ", date(2026, 12, 31)),
    ("", None),
    ("   ", None),
    (None, None),
])
def test_it_reads_a_day(text: str | None, expected: date | None) -> None:
    assert parse_day(text, "signed_on") == expected


@pytest.mark.parametrize("text,why", [
    ("31.02.2026", "not a real day"),
    ("2026/12/31", "is not a date"),
    ("завтра", "is not a date"),
    ("12.31.2026", "not a real day"),
])
def test_it_names_the_field_of_a_bad_day(text: str, why: str) -> None:
    with pytest.raises(DayError, match=why) as caught:
        parse_day(text, "in_force_from")
    assert str(caught.value).startswith("in_force_from: ") and caught.value.field == "in_force_from"


@pytest.mark.parametrize("lang,shown", [("ru", "05.03.2026"), ("en", "2026-03-05")])
def test_it_shows_a_day_as_the_form_reads_it_back(lang: str, shown: str) -> None:
    assert day_text(date(2026, 3, 5), lang) == shown
    assert day_text("2026-03-05", lang) == shown
    assert parse_day(shown, "x") == date(2026, 3, 5)
    assert day_text(None, lang) == ""
