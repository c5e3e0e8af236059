"""Every bad cell of a trade row, reported with its row and column."""

from __future__ import annotations

from decimal import Decimal

import pytest

from accord.trade.flows import check_row, check_rows

GOOD = {
    "reporter": "KG", "partner": "BY", "period": "2025-H1", "flow": "export", "commodity": "TOTAL",
    "value": "22000000", "currency": "USD", "source": "Kyrgyz statistics",
}


def test_a_good_row():
    record, errors = check_row(2, GOOD)
    assert errors == []
    assert record.key == ("KG", "BY", "2025-H1", "export", "TOTAL")
    assert record.value == Decimal(22_000_000) and not record.illustrative


@pytest.mark.parametrize(
    ("cells", "column", "message"),
    [
        ({"value": "-5"}, "value", "negative value '-5'"),
        ({"value": "много"}, "value", "not a number"),
        ({"value": ""}, "value", "empty"),
        ({"currency": "XYZ"}, "currency", "unknown currency code 'XYZ'"),
        ({"currency": ""}, "currency", "unknown currency code"),
        ({"reporter": "XX"}, "reporter", "unknown country code 'XX'"),
        ({"partner": "Киргизия"}, "partner", "unknown country code"),
        ({"partner": "KG"}, "partner", "the partner is the reporter itself"),
        ({"period": "2024-13"}, "period", "period '2024-13' is not understood"),
        ({"period": "first half"}, "period", "is not understood"),
        ({"flow": "transit"}, "flow", "neither export nor import"),
        ({"commodity": "8429X"}, "commodity", "neither TOTAL nor an HS code"),
        ({"commodity": "842"}, "commodity", "neither TOTAL nor an HS code"),
        ({"source": " "}, "source", "empty"),
        ({"illustrative": "maybe"}, "illustrative", "neither true nor false"),
    ],
)
def test_each_bad_cell(cells, column, message):
    record, errors = check_row(5, GOOD | cells)
    assert record is None
    assert [(e.row, e.column) for e in errors] == [(5, column)]
    assert message in errors[0].message
    assert str(errors[0]).startswith(f"row 5, column {column}: ")


def test_all_bad_cells_of_a_row_are_listed():
    _, errors = check_row(3, GOOD | {"value": "-1", "currency": "ZZZ", "period": "x"})
    assert sorted(e.column for e in errors) == ["currency", "period", "value"]


def test_accepted_spellings():
    record, errors = check_row(2, GOOD | {"reporter": "kgz", "partner": "112", "flow": "Экспорт",
                                          "commodity": "84.29", "value": "1 234,5", "currency": "usd",
                                          "illustrative": "да"})
    assert errors == []
    assert (record.reporter, record.partner, record.flow, record.commodity, record.value, record.currency) == (
        "KG", "BY", "export", "8429", Decimal("1234.5"), "USD")
    assert record.illustrative


def test_duplicate_rows_for_the_same_flow_and_period():
    other_source = GOOD | {"source": "another office", "value": "21000000"}
    records, errors = check_rows([(2, GOOD), (3, GOOD | {"flow": "import"}), (4, other_source)])
    assert len(records) == 2
    assert [(e.row, e.column) for e in errors] == [(4, "period")]
    assert "duplicate of row 2" in errors[0].message


def test_the_same_period_written_two_ways_is_a_duplicate():
    _, errors = check_rows([(2, GOOD | {"period": "2024-03"}), (3, GOOD | {"period": "202403"})])
    assert len(errors) == 1 and "duplicate of row 2" in errors[0].message
