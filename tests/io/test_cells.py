"""Numbers and files the way spreadsheets write them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from accord.io.cells import parse_decimal
from accord.io.records import read_records


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1234.5", "1234.5"),
        ("1234,5", "1234.5"),
        ("1 234,50", "1234.50"),
        ("1\u00a0234\u00a0567,8", "1234567.8"),
        ("1,234.5", "1234.5"),
        ("1.234,5", "1234.5"),
        ("-3,2", "-3.2"),
        ("1.2E8", "1.2E8"),
    ],
)
def test_it_reads_numbers(text, value):
    assert parse_decimal(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "abc", "12,3,4", "NaN", "Infinity", "12 руб."])
def test_it_refuses_what_is_not_a_number(text):
    with pytest.raises(ValueError):
        parse_decimal(text)


def test_it_reads_cp1251_semicolon_csv(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes("Страна;Сумма\nКыргызстан;1 234,5\n\n".encode("cp1251"))
    table = read_records(path)
    assert table.columns == ["страна", "сумма"]
    assert table.rows == [(2, {"страна": "Кыргызстан", "сумма": "1 234,5"})]


def test_it_reads_utf8_with_bom(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes("\ufeffa,b\n1,2\n".encode())
    assert read_records(path).rows == [(2, {"a": "1", "b": "2"})]
