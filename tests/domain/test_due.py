from datetime import date

import pytest

from accord.domain.due import Due, DueError, DueKind, parse_due


@pytest.mark.parametrize(
    ("text", "kind", "on"),
    [
        ("31.12.2026", DueKind.DATE, date(2026, 12, 31)),
        ("1.2.2027", DueKind.DATE, date(2027, 2, 1)),
        ("2026-12-31", DueKind.DATE, date(2026, 12, 31)),
        ("IV квартал 2026", DueKind.QUARTER, date(2026, 12, 31)),
        ("I квартал 2027", DueKind.QUARTER, date(2027, 3, 31)),
        ("II квартал 2026 г.", DueKind.QUARTER, date(2026, 6, 30)),
        ("3 квартал 2026", DueKind.QUARTER, date(2026, 9, 30)),
        ("Q2 2026", DueKind.QUARTER, date(2026, 6, 30)),
        ("2026", DueKind.YEAR, date(2026, 12, 31)),
        ("2028 год", DueKind.YEAR, date(2028, 12, 31)),
        ("постоянно", DueKind.ONGOING, None),
        ("Постоянно", DueKind.ONGOING, None),
        ("ongoing", DueKind.ONGOING, None),
    ],
)
def test_it_reads_the_forms_ministries_write(text: str, kind: DueKind, on: date | None) -> None:
    due = parse_due(text)
    assert (due.kind, due.on) == (kind, on)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("31.02.2026", "not a real date"),
        ("2026-13-01", "not a real date"),
        ("V квартал 2026", "not a deadline"),
        ("скоро", "not a deadline"),
        ("", "empty"),
    ],
)
def test_it_refuses_what_is_not_a_deadline(text: str, says: str) -> None:
    with pytest.raises(DueError, match=says):
        parse_due(text)


@pytest.mark.parametrize("due", [Due.of_date(date(2026, 3, 5)), Due.of_quarter(2026, 4), Due.of_year(2029), Due.ongoing()])
def test_format_then_parse_gives_the_same_deadline(due: Due) -> None:
    assert parse_due(due.format()) == due


def test_quarter_and_year_are_read_back_from_the_last_day() -> None:
    due = Due.of_quarter(2026, 3)
    assert (due.year, due.quarter) == (2026, 3)
    assert due.format("en") == "Q3 2026"
