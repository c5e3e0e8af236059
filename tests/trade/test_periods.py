"""Periods as trade statistics name them."""

from __future__ import annotations

from datetime import date

import pytest

from accord.trade.periods import parse_period

CASES = [
    ("2024", "2024", "year", date(2024, 1, 1), date(2024, 12, 31), "2024"),
    ("2025-H1", "2025-H1", "half", date(2025, 1, 1), date(2025, 6, 30), "Jan–Jun 2025"),
    ("2025h2", "2025-H2", "half", date(2025, 7, 1), date(2025, 12, 31), "Jul–Dec 2025"),
    ("2024-Q1", "2024-Q1", "quarter", date(2024, 1, 1), date(2024, 3, 31), "Q1 2024"),
    ("2024q4", "2024-Q4", "quarter", date(2024, 10, 1), date(2024, 12, 31), "Q4 2024"),
    ("2024-03", "2024-03", "month", date(2024, 3, 1), date(2024, 3, 31), "Mar 2024"),
    ("2024-2", "2024-02", "month", date(2024, 2, 1), date(2024, 2, 29), "Feb 2024"),
    ("202402", "2024-02", "month", date(2024, 2, 1), date(2024, 2, 29), "Feb 2024"),
    ("2024-03-01", "2024-03", "month", date(2024, 3, 1), date(2024, 3, 31), "Mar 2024"),
]


@pytest.mark.parametrize(("text", "canonical", "kind", "start", "end", "label"), CASES)
def test_it_parses(text, canonical, kind, start, end, label):
    period = parse_period(text)
    assert (period.text, period.kind, period.start, period.end, period.label()) == (canonical, kind, start, end, label)


@pytest.mark.parametrize("text", ["", "24", "2024-13", "2024-Q5", "2024-H3", "Q1 2024", "2024/03", "1800", "март 2024", "2024-03-15"])
def test_it_refuses(text):
    with pytest.raises(ValueError, match="is not understood"):
        parse_period(text)


def test_it_knows_the_same_period_a_year_before():
    assert parse_period("2025-H1").year_before().text == "2024-H1"
    assert parse_period("2024-03").year_before().text == "2023-03"
    assert parse_period("2024").year_before().months == 12
