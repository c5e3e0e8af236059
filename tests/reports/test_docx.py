"""The Word document: opened with python-docx as a reader's Word would, checked section by section."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from docx import Document
from docx.document import Document as DocumentType
from docx.enum.section import WD_ORIENT
from docx.table import Table
from sqlalchemy import delete

from accord.reports import render
from accord.store.db import Database
from accord.store.models import ExchangeRate
from accord.store.progress import default_roadmap, find_measure
from tests import factories
from tests.conftest import TODAY

HEADINGS_RU = [
    "1. Сводка исполнения",
    "2. Изменения с прошлого заседания",
    "Мероприятия, изменившие статус",
    "Подписанные и вступившие в силу документы",
    "Новые проекты",
    "3. Просроченные мероприятия",
    "4. Сроки в ближайшие 90 дней",
    "5. Решения прошлого заседания",
    "6. Взаимная торговля",
    "Приложение. Дорожная карта",
]


def open_docx(data: bytes) -> DocumentType:
    return Document(io.BytesIO(data))


def headings(doc: DocumentType) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]


def table_with_header(doc: DocumentType, *names: str) -> Table:
    """The table whose header row (last header row when there are two) holds these names."""
    for table in doc.tables:
        for row in table.rows[:2]:
            cells = [c.text for c in row.cells]
            if all(name in cells for name in names):
                return table
    raise AssertionError(f"no table with columns {names}")


def body_rows(table: Table, header_rows: int = 1) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows[header_rows:]]


@pytest.fixture(scope="module")
def doc(shared_example: Database) -> DocumentType:
    return open_docx(render(shared_example, as_of=TODAY, fmt="docx", lang="ru"))


def test_each_database_gives_the_same_document(example_db: Database, doc: DocumentType) -> None:
    again = open_docx(render(example_db, as_of=TODAY, fmt="docx", lang="ru"))
    assert headings(again) == headings(doc)
    for a, b in zip(again.tables, doc.tables, strict=True):
        assert [[c.text for c in row.cells] for row in a.rows] == [
            [c.text for c in row.cells] for row in b.rows
        ]


def test_it_has_the_sections_in_order(doc: DocumentType) -> None:
    assert headings(doc) == HEADINGS_RU
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "МАТЕРИАЛЫ К ЗАСЕДАНИЮ МЕЖПРАВИТЕЛЬСТВЕННОЙ КОМИССИИ" in text
    assert "Иллюстративные данные" in text  # the example says what it is


def test_the_title_block_names_parties_date_and_co_chairs(doc: DocumentType) -> None:
    block = {row.cells[0].text: row.cells[1].text for row in doc.tables[0].rows}
    assert block["Стороны"] == "Беларусь, Кыргызстан"
    assert block["По состоянию на"] == "27 ноября 2026\u00a0г."
    assert "Беларусь: Сопредседатель от Беларуси" in block["Сопредседатели комиссии"]
    assert "Кыргызстан: Сопредседатель от Кыргызстана" in block["Сопредседатели комиссии"]


def test_the_summary_table_adds_up(doc: DocumentType) -> None:
    rows = body_rows(table_with_header(doc, "Направление", "Всего", "Просрочено"))
    assert len(rows) == 15  # 14 directions and the total
    assert rows[-1][:7] == ["Итого", "45", "7", "16", "20", "2", "11"]
    assert rows[-1][7] == "16,3\u00a0%"
    assert sum(int(r[1]) for r in rows[:-1]) == 45


def test_overdue_measures_show_days_late(shared_example: Database, doc: DocumentType) -> None:
    with shared_example.reading() as session:
        due_on = find_measure(session, default_roadmap(session), "1.3").due_on
    rows = body_rows(table_with_header(doc, "Дней просрочки"))
    assert len(rows) == 11
    row = next(r for r in rows if r[0] == "1.3")
    assert int(row[5]) == (TODAY - due_on).days
    assert row[2] == "МАРТ; МИД Беларуси" and row[3] == "Минэкономкоммерции КР; Мэрия Бишкека"


def test_upcoming_decisions_trade_and_annex(doc: DocumentType) -> None:
    assert len(body_rows(table_with_header(doc, "Дней осталось"))) == 8
    decisions = body_rows(table_with_header(doc, "Поручение", "Исполнитель"))
    assert len(decisions) == 4 and decisions[0][4] == "в работе (просрочено)"
    trade = table_with_header(doc, "Период", "экспорт", "товарооборот")
    assert [c.text for c in trade.rows[0].cells][1:] == ["Беларусь"] * 4 + ["Кыргызстан"] * 4
    rows = body_rows(trade, header_rows=2)
    assert len(rows) == 7
    kg_2024 = next(r for r in rows if r[0] == "2024")
    assert kg_2024[7] == "133,0*"  # Kyrgyz turnover 2024, an illustrative split of the real total
    annex = table_with_header(doc, "№", "Ответственные (BY)", "Ожидаемый результат")
    assert len(body_rows(annex)) == 45


def test_pages_are_numbered_and_the_annex_is_landscape(doc: DocumentType) -> None:
    footer = doc.sections[0].footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "fldChar" in footer
    assert doc.sections[0].orientation == WD_ORIENT.PORTRAIT
    annex = doc.sections[-1]
    assert annex.orientation == WD_ORIENT.LANDSCAPE and annex.page_width > annex.page_height
    assert len(doc.inline_shapes) == 2  # the trade chart and the progress chart


def test_changes_list_evidence(changed_db: Database) -> None:
    doc = open_docx(render(changed_db, as_of=TODAY, fmt="docx"))
    [row] = body_rows(table_with_header(doc, "Был статус", "Подтверждение (источник, дата)"))
    assert row[0] == "2.3" and row[2:4] == ["запланировано", "в работе"]
    news_on = (TODAY - timedelta(days=13)).strftime("%d.%m.%Y")
    assert row[5] == f"БелТА: Лифтовое производство: ТЭО готово, {news_on}"


def test_english_labels(shared_example: Database) -> None:
    doc = open_docx(render(shared_example, as_of=TODAY, fmt="docx", lang="en"))
    assert headings(doc)[0] == "1. Summary" and headings(doc)[-1] == "Annex. The roadmap"
    assert "Illustrative data" in "\n".join(p.text for p in doc.paragraphs)
    assert len(body_rows(table_with_header(doc, "Days late"))) == 11


def test_an_empty_roadmap_gives_a_valid_document_that_says_so(db: Database) -> None:
    with db.transaction(actor="test") as session:
        factories.roadmap(session, code="empty")
    doc = open_docx(render(db, as_of=TODAY, fmt="docx"))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "В дорожной карте нет мероприятий: сообщать не о чем." in text
    assert "Просроченных мероприятий нет." in text and "Данных о взаимной торговле нет." in text
    assert headings(doc)[0] == "1. Сводка исполнения"
    assert len(doc.inline_shapes) == 0


def test_a_three_party_roadmap_without_commission_or_trade(db: Database) -> None:
    with db.transaction(actor="test") as session:
        roadmap = factories.roadmap(session, code="three", parties=("BY", "KG", "KZ"))
        factories.measure(session, roadmap, "1.1", due=TODAY - timedelta(days=3))
    doc = open_docx(render(db, as_of=TODAY, fmt="docx", lang="en"))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert (
        "The commission held no session before this date." in text
        and "No trade figures are recorded." in text
    )
    block = {row.cells[0].text: row.cells[1].text for row in doc.tables[0].rows}
    assert block["Parties"] == "Belarus, Kyrgyzstan, Kazakhstan"
    assert block["Commission"] == "No commission is recorded for the roadmap"
    overdue = table_with_header(doc, "Days late")
    assert [c.text for c in overdue.rows[0].cells][2:5] == [
        "Responsible (BY)",
        "Responsible (KG)",
        "Responsible (KZ)",
    ]
    assert body_rows(overdue)[0][6] == "3"


def test_without_rates_figures_stay_in_their_currency_and_the_report_says_so(sqlite_db: Database) -> None:
    from accord.demo.example import load_example

    load_example(sqlite_db, TODAY)
    with sqlite_db.transaction(actor="test", reason="no rates") as session:
        session.execute(delete(ExchangeRate))
    shared_example = sqlite_db
    doc = open_docx(render(shared_example, as_of=TODAY, fmt="docx", currency="EUR"))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Пересчет в EUR требует официальных курсов, которых нет в системе" in text
    rows = body_rows(table_with_header(doc, "Период", "экспорт", "товарооборот"), header_rows=2)
    first = next(r for r in rows if r[0] == "2020")
    assert first[1] == "50,9 USD*" and first[3] == "—"  # no turnover is made up from unconverted figures
    xlsx = render(shared_example, as_of=TODAY, fmt="xlsx", currency="EUR")
    html = render(shared_example, as_of=TODAY, fmt="html", currency="EUR").decode("utf-8")
    assert xlsx[:2] == b"PK" and "50,9 USD*" in html


def test_the_shipped_rates_convert_and_the_report_calls_them_illustrative(shared_example: Database) -> None:
    doc = open_docx(render(shared_example, as_of=TODAY, fmt="docx", currency="KGS"))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Национальный банк Кыргызской Республики" in text and "иллюстративные курсы из примера" in text
