"""The workbook: one sheet per section, frozen filtered headers, numbers and dates as such."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from accord.reports import render
from accord.store.db import Database
from accord.store.progress import default_roadmap, find_measure
from tests import factories
from tests.conftest import TODAY

SHEETS_RU = [
    "Титул",
    "1 Сводка",
    "2 Изменения",
    "3 Просрочено",
    "4 Ближайшие сроки",
    "5 Решения",
    "6 Торговля",
    "Приложение",
]


def open_xlsx(data: bytes) -> Workbook:
    return load_workbook(io.BytesIO(data))


def header_row(sheet: Worksheet) -> int:
    """The frozen header row: the one just above the freeze line."""
    assert sheet.freeze_panes is not None
    return int(sheet.freeze_panes[1:]) - 1


def records(sheet: Worksheet) -> list[dict[str, object]]:
    """The rows of the filtered range as dicts by header."""
    top = header_row(sheet)
    last = int(sheet.auto_filter.ref.split(":")[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    headers = [c.value for c in sheet[top]]
    return [dict(zip(headers, (c.value for c in sheet[r]), strict=False)) for r in range(top + 1, last + 1)]


@pytest.fixture(scope="module")
def book(shared_example: Database) -> Workbook:
    return open_xlsx(render(shared_example, as_of=TODAY, fmt="xlsx"))


def test_each_database_gives_the_same_workbook(example_db: Database, book: Workbook) -> None:
    again = open_xlsx(render(example_db, as_of=TODAY, fmt="xlsx"))
    assert again.sheetnames == book.sheetnames
    for name in book.sheetnames:
        assert list(again[name].values) == list(book[name].values), name


def test_one_sheet_per_section_each_table_frozen_and_filtered(book: Workbook) -> None:
    assert book.sheetnames == SHEETS_RU
    for sheet in book.worksheets[1:]:
        top = header_row(sheet)
        assert sheet.auto_filter.ref.startswith(f"A{top}:"), sheet.title
        assert sheet.cell(row=top, column=1).font.bold


def test_summary_rows_and_totals(book: Workbook) -> None:
    sheet = book["1 Сводка"]
    rows = records(sheet)
    assert len(rows) == 14  # the filter covers the directions; the total row sits below it
    total = [c.value for c in sheet[header_row(sheet) + 15]]
    assert total[:7] == ["Итого", 45, 7, 16, 20, 2, 11]
    assert (
        total[7] == pytest.approx(7 / 43)
        and sheet.cell(row=header_row(sheet) + 15, column=8).number_format == "0.0%"
    )
    assert sum(r["Всего"] for r in rows) == 45  # type: ignore[misc]
    assert len(sheet._images) == 2


def test_overdue_days_late_are_numbers(shared_example: Database, book: Workbook) -> None:
    with shared_example.reading() as session:
        due_on = find_measure(session, default_roadmap(session), "12.1").due_on
    rows = records(book["3 Просрочено"])
    assert len(rows) == 11
    row = next(r for r in rows if r["№"] == "12.1")
    assert row["Дней просрочки"] == (TODAY - due_on).days == 10
    assert row["Ответственные (KG)"] == "Чуйская область; Мэрия Бишкека"


def test_decisions_dates_trade_numbers_and_annex(book: Workbook) -> None:
    decisions = book["5 Решения"]
    rows = records(decisions)
    assert len(rows) == 4 and isinstance(rows[0]["Срок"], datetime)
    assert decisions.cell(row=header_row(decisions) + 1, column=4).number_format == "DD.MM.YYYY"
    trade = book["6 Торговля"]
    rows = records(trade)
    assert len(rows) == 7
    kg_2024 = next(r for r in rows if r["Период"] == "2024")
    assert kg_2024["Кыргызстан: товарооборот"] == pytest.approx(133.0)
    assert kg_2024["Беларусь: товарооборот"] == pytest.approx(
        134.4
    )  # mirror figures side by side, not summed
    assert trade.cell(row=header_row(trade) + 1, column=2).number_format == "#,##0.0"
    notes = [c.value for c in trade["A"] if isinstance(c.value, str)]
    assert any("USD, пересчет не требовался" in n for n in notes)
    assert len(records(book["Приложение"])) == 45


def test_changes_share_one_table(changed_db: Database) -> None:
    rows = records(open_xlsx(render(changed_db, as_of=TODAY, fmt="xlsx"))["2 Изменения"])
    assert [r["Раздел"] for r in rows] == [
        "Мероприятия, изменившие статус",
        "Подписанные и вступившие в силу документы",
        "Новые проекты",
    ]
    assert rows[0]["Был статус"] == "запланировано" and "БелТА" in str(
        rows[0]["Подтверждение (источник, дата)"]
    )


def test_english_sheets(shared_example: Database) -> None:
    book = open_xlsx(render(shared_example, as_of=TODAY, fmt="xlsx", lang="en"))
    assert book.sheetnames[:3] == ["Title", "1 Summary", "2 Changes"]
    assert len(records(book["3 Overdue"])) == 11


def test_an_empty_roadmap_gives_a_valid_workbook_that_says_so(db: Database) -> None:
    with db.transaction(actor="test") as session:
        factories.roadmap(session, code="empty")
    book = open_xlsx(render(db, as_of=TODAY, fmt="xlsx"))
    assert book.sheetnames == SHEETS_RU
    title = [c.value for c in book["Титул"]["A"]]
    assert "В дорожной карте нет мероприятий: сообщать не о чем." in title
    assert records(book["3 Просрочено"]) == []
