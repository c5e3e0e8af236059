"""Header, headline and date of an item."""

from __future__ import annotations

import pytest

from accord.news.header import find_date, find_title, split_header

DATES = [
    ("Бишкек, 29.09.25 /Кабар/. Премьер-министры встретились.", "2025-09-29"),
    ("Ташкент, 24 апреля 2025 года. /УзА/. Открылся форум.", "2025-04-24"),
    ("МИНСК, 29 сентября (БЕЛТА) – Министры встретились.", None),
    ("Президент направил 19 апреля 2018 года телеграмму коллеге.", "2018-04-19"),
    ("Распоряжение было подписано в среду, 16 ноября 2016 года.", "2016-11-16"),
    ("Встреча намечена на 11 ноября 2018 года.", None),
    ("Министры обсудили торговлю.", None),
]


@pytest.mark.parametrize(("body", "expected"), DATES)
def test_it_reads_the_date(body: str, expected: str | None) -> None:
    assert find_date(body) == expected


def test_it_takes_the_header_line_off() -> None:
    date, rest = split_header("date 2025-09-29 3.64 BYN\nЗаголовок\nТекст.")
    assert date == "2025-09-29"
    assert rest == "Заголовок\nТекст."


def test_a_first_short_line_is_the_headline() -> None:
    title, start = find_title("\nБеларусь и Китай подписали меморандум .\nМинистры подписали меморандум.")
    assert title == "Беларусь и Китай подписали меморандум"
    assert start > 0


def test_a_long_first_paragraph_is_not_a_headline() -> None:
    text = ("Министры двух стран провели переговоры в столице. Они обсудили торговлю, инвестиции и транспорт, "
            "а также договорились продолжить работу.\nВторой абзац.")
    assert find_title(text) == (None, 0)


def test_the_header_date_wins_over_the_text(run) -> None:
    got = run("date 2025-01-15 site\nЗаголовок\nБишкек, 29.09.25 /Кабар/. Текст новости.")
    assert got.date == "2025-01-15"
    assert got.title == "Заголовок"


def test_a_short_dateline_paragraph_is_not_a_headline() -> None:
    assert find_title("Бишкек, 29.09.25 /Кабар/. Министры встретились.\nВторой абзац.") == (None, 0)
