"""`accord fx import`: rows checked one by one, cp1251 and decimal commas accepted."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from accord.fx.csvfile import check_rate_rows, read_rates
from accord.fx.rates import Rate


def test_it_reads_a_russian_excel_csv(tmp_path):
    path = tmp_path / "rates.csv"
    path.write_bytes("date;currency;rate;scale;source\n29.09.2025;RUB;3,9472;100;nbrb\n2025-09-29;USD;87,45;;NBKR\n"
                     .encode("cp1251"))
    rates, errors = read_rates(path)
    assert errors == []
    assert rates == [
        Rate("nbrb", date(2025, 9, 29), "RUB", "BYN", Decimal("3.9472"), 100),
        Rate("nbkr", date(2025, 9, 29), "USD", "KGS", Decimal("87.45"), 1),
    ]


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        ({"date": "2025-13-01"}, "date", "is not YYYY-MM-DD"),
        ({"currency": "XYZ"}, "currency", "unknown currency code 'XYZ'"),
        ({"currency": "BYN"}, "currency", "home currency of nbrb"),
        ({"rate": "-3.2"}, "rate", "must be positive"),
        ({"rate": "abc"}, "rate", "not a number"),
        ({"scale": "0"}, "scale", "whole number"),
        ({"scale": "1.5"}, "scale", "whole number"),
        ({"source": "cbr"}, "source", "unknown source 'cbr'"),
    ],
)
def test_every_bad_cell_is_named(row, column, message):
    good = {"date": "2025-09-29", "currency": "USD", "rate": "3.27", "scale": "1", "source": "nbrb"}
    rates, errors = check_rate_rows([(7, good | row)])
    assert rates == []
    assert [(e.row, e.column) for e in errors] == [(7, column)]
    assert message in errors[0].message


def test_a_duplicate_row_is_refused():
    row = {"date": "2025-09-29", "currency": "USD", "rate": "3.27", "scale": "1", "source": "nbrb"}
    rates, errors = check_rate_rows([(2, row), (3, row | {"rate": "3.28"})])
    assert len(rates) == 1 and [str(e) for e in errors] == [
        "row 3, column date: duplicate of row 2: nbrb USD on 2025-09-29"
    ]


def test_it_reads_an_xlsx_with_date_cells(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["date", "currency", "rate", "scale", "source"])
    book.active.append([date(2025, 9, 1), "RUB", 3.9472, 100, "nbrb"])
    path = tmp_path / "rates.xlsx"
    book.save(path)
    rates, errors = read_rates(path)
    assert errors == [] and rates == [Rate("nbrb", date(2025, 9, 1), "RUB", "BYN", Decimal("3.9472"), 100)]
