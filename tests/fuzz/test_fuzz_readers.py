"""Hypothesis fuzzing of the news reader and the table readers: every input gives an object or a
clear error of accord's own, never a crash.

Every CI run tries a small sample; `pytest -m slow tests/fuzz` tries 10,000 byte strings and
10,000 texts on the reader's input, 1,000 whole extractions, and 10,000 tables of each kind.
Inputs that once crashed are kept in fixtures/ and replayed here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.targets import read_news_bytes, read_news_text, read_roadmap_table, read_trade_table, run

FIXTURES = Path(__file__).parent / "fixtures"
QUICK = settings(
    max_examples=60, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
)
SLOW = settings(max_examples=10_000, deadline=None, database=None, suppress_health_check=list(HealthCheck))
SLOW_EXTRACT = settings(
    max_examples=1_000, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)

PIECES = st.one_of(
    st.sampled_from(
        list(
            "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ0123456789 .,;:-–—«»\"'()%№$\n\t"
        )
    ),
    st.sampled_from(
        [
            "Беларусь",
            "Кыргызстан",
            "Минск",
            "Бишкек",
            "соглашение",
            "подписали",
            "млн",
            "долларов",
            "2025 года",
            " ноября ",
            "Президент",
            "<p>",
            "</p>",
            "<html>",
            "<title>",
            "---\n",
            "date: ",
            "\r\n",
        ]
    ),
)
RUSSIAN = st.lists(PIECES, max_size=600).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=3000), RUSSIAN)
HEADERS = [
    "№",
    "Направление",
    "Мероприятие",
    "Ответственные (BY)",
    "Ответственные (KG)",
    "Срок",
    "Ожидаемый результат",
    "Статус",
    "Примечание",
    "reporter",
    "partner",
    "period",
    "flow",
    "commodity",
    "value",
    "currency",
    "source",
]
CELLS = st.one_of(
    st.sampled_from(
        [
            "1.1",
            "2.3",
            "IV квартал 2026",
            "31.12.2026",
            "постоянно",
            "BY",
            "KG",
            "export",
            "2024",
            "1 234,5",
            "-5",
            "USD",
            "промышленность",
            "=1+1",
            '"',
            ";",
            "",
        ]
    ),
    st.text(max_size=40),
)


@st.composite
def csv_bytes(draw: st.DrawFn) -> bytes:
    sep = draw(st.sampled_from([",", ";", "\t"]))
    header = draw(st.lists(st.sampled_from(HEADERS), min_size=1, max_size=12))
    rows = draw(st.lists(st.lists(CELLS, max_size=len(header) + 2), max_size=8))
    text = "\n".join(sep.join(r) for r in [header, *rows])
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1251", "utf-16"]))
    return text.encode(encoding, errors="replace")


TABLE_BYTES = st.one_of(csv_bytes(), st.binary(max_size=2000))


def replayed(prefix: str) -> list[bytes]:
    return [p.read_bytes() for p in sorted(FIXTURES.glob(f"{prefix}-*"))]


def test_inputs_that_once_crashed_are_read_now() -> None:
    """Each input a fuzzer once crashed on is kept under fixtures/ (news-*, table-*) and replayed."""
    for data in replayed("news"):
        run(read_news_bytes, data)
        run(read_news_text, data.decode("utf-8", errors="replace"))
    for data in replayed("table"):
        for suffix in (".csv", ".xlsx"):
            run(read_roadmap_table, data, suffix)
            run(read_trade_table, data, suffix)


@QUICK
@given(st.one_of(st.binary(max_size=3000), ANY_TEXT.map(lambda t: t.encode("utf-8"))))
def test_the_reader_takes_any_bytes(data: bytes) -> None:
    run(read_news_bytes, data)


@settings(QUICK, max_examples=15)
@given(ANY_TEXT)
def test_the_reader_extracts_from_any_text(text: str) -> None:
    run(read_news_text, text)


@QUICK
@given(TABLE_BYTES, st.sampled_from([".csv", ".xlsx"]))
def test_the_table_readers_take_any_file(data: bytes, suffix: str) -> None:
    run(read_roadmap_table, data, suffix)
    run(read_trade_table, data, suffix)


@pytest.mark.slow
@SLOW
@given(st.binary(max_size=20_000))
def test_the_reader_takes_ten_thousand_byte_strings(data: bytes) -> None:
    run(read_news_bytes, data)


@pytest.mark.slow
@SLOW
@given(ANY_TEXT)
def test_the_reader_takes_ten_thousand_texts(text: str) -> None:
    run(read_news_bytes, text.encode("utf-8"))


@pytest.mark.slow
@SLOW_EXTRACT
@given(ANY_TEXT)
def test_the_reader_extracts_from_a_thousand_texts(text: str) -> None:
    run(read_news_text, text)


@pytest.mark.slow
@SLOW
@given(TABLE_BYTES, st.sampled_from([".csv", ".xlsx"]))
def test_the_table_readers_take_ten_thousand_files(data: bytes, suffix: str) -> None:
    run(read_roadmap_table, data, suffix)
    run(read_trade_table, data, suffix)
