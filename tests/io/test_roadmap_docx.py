"""Roadmaps in Word: the export reads back to the same roadmap, and a ministry's messy table is read too.

The documents are made here with python-docx, at test time, in the shapes
ministries send: title paragraphs, a caption row, a header in two rows with a
row of column numbers, directions as rows spanning the table, measure numbers
drawn by Word's list numbering, cells of several lines, the table continued on
the next page as a second table that repeats the header, and a stray empty column.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from docx import Document
from sqlalchemy import func, select

from accord.io.roadmap_docx import write_docx
from accord.io.roadmap_sync import ImportRefused, import_table
from accord.io.table_files import TableFileError, iter_table
from accord.store.db import Database
from accord.store.models import AuditEntry, Measure
from accord.store.progress import default_roadmap, find_measure
from accord.store.roadmaps import create_roadmap
from tests.conftest import TODAY


def snapshot(db: Database) -> list[tuple]:
    with db.reading() as session:
        return [
            (
                m.roadmap_id,
                m.number,
                m.title,
                m.status,
                m.due_kind,
                m.due_on,
                m.expected_result,
                m.note,
                m.version,
                m.direction_id,
                tuple((a.organization_id, a.country_code, a.ordinal) for a in m.assignments),
            )
            for m in session.scalars(select(Measure).order_by(Measure.roadmap_id, Measure.sort_key))
        ]


def audits(db: Database) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def run_import(db: Database, path: Path, code: str | None = None):  # type: ignore[no-untyped-def]
    with db.transaction(actor="dana", reason=f"import {path.name}") as session:
        return import_table(session, iter_table(path), default_roadmap(session, code), "dana", TODAY)


def test_the_word_export_imports_back_to_the_same_roadmap(example_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "roadmap.docx"
    with example_db.reading() as session, path.open("wb") as stream:
        write_docx(session, default_roadmap(session), stream)
    document = Document(str(path))
    assert len(document.tables) == 1 and "Иллюстративные данные" in document.paragraphs[1].text
    before, audited = snapshot(example_db), audits(example_db)
    result = run_import(example_db, path)
    assert (result.created, result.updated, len(result.unchanged)) == ([], [], 45)
    assert snapshot(example_db) == before and audits(example_db) == audited


def test_an_edited_word_export_changes_only_the_edits(example_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "roadmap.docx"
    with example_db.reading() as session, path.open("wb") as stream:
        write_docx(session, default_roadmap(session), stream)
    document = Document(str(path))
    table = document.tables[0]
    row = next(r for r in table.rows if r.cells[0].text == "2.3")
    row.cells[-2].text = "в работе"
    row.cells[-1].text = "Получено ТЭО\nот производителя"
    document.save(str(path))
    result = run_import(example_db, path)
    assert result.updated == ["2.3"] and result.created == []
    with example_db.reading() as session:
        measure = find_measure(session, default_roadmap(session), "2.3")
        assert (measure.status, measure.note) == ("in_progress", "Получено ТЭО\nот производителя")


# --- a ministry's own document -------------------------------------------------------------------

HEADER_TOP = [
    "№ п/п",
    "Наименование мероприятия",
    "Ответственные исполнители",
    "Ответственные исполнители",
    "Срок исполнения",
    "Ожидаемый результат",
]
HEADER_SUB = [
    "№ п/п",
    "Наименование мероприятия",
    "Республика Беларусь",
    "Кыргызская Республика",
    "Срок исполнения",
    "Ожидаемый результат",
]
MEASURES = [
    (
        "Торговля",
        [
            (
                "Провести бизнес-форум\nи выставку национальных производителей",
                "Министерство экономики Республики Беларусь\nБелорусская торгово-промышленная палата",
                "Министерство экономики и коммерции Кыргызской Республики",
                "IV квартал 2026",
                "Подписаны контракты",
            ),
            (
                "Организовать поставки сельскохозяйственной техники",
                "ОАО «Гомсельмаш»",
                "Министерство сельского хозяйства Кыргызской Республики",
                "31.12.2027",
                "",
            ),
        ],
    ),
    (
        "Образование и наука",
        [
            (
                "Обмен студентами технических вузов",
                "Министерство образования Республики Беларусь",
                "Министерство образования и науки Кыргызской Республики",
                "постоянно",
                "Не менее 100 студентов в год",
            ),
            (
                "Совместные научные исследования в области энергетики",
                "Национальная академия наук Беларуси",
                "Национальная академия наук Кыргызской Республики",
                "2028",
                "",
            ),
        ],
    ),
]


def _merged_row(table, text: str, bold: bool = True) -> None:  # type: ignore[no-untyped-def]
    row = table.add_row()
    cell = row.cells[0].merge(row.cells[-1])
    cell.text = text
    cell.paragraphs[0].runs[0].bold = bold


def _header(table, stray: bool) -> None:  # type: ignore[no-untyped-def]
    top, sub = table.add_row(), table.add_row()
    # «Ответственные исполнители» spans the two party columns; № and the rest span both header rows
    merged = {2: top.cells[2].merge(top.cells[3])}
    for index in (0, 1, 4, 5):
        merged[index] = top.cells[index].merge(sub.cells[index])
    for index, cell in merged.items():
        cell.text = HEADER_TOP[index]
    sub.cells[2].text, sub.cells[3].text = HEADER_SUB[2], HEADER_SUB[3]
    numbers = table.add_row()
    for index, cell in enumerate(numbers.cells[:6], start=1):
        cell.text = str(index)


def _measure_row(table, measure: tuple[str, ...], stray: bool) -> None:  # type: ignore[no-untyped-def]
    row = table.add_row()
    number = row.cells[0].paragraphs[0]
    number.style = "List Number"  # Word draws the number; the cell holds no text
    for cell, text in zip(row.cells[1:], measure, strict=False):
        lines = text.split("\n")
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    if stray:
        row.cells[-1].text = ""


def messy_document(path: Path) -> None:
    document = Document()
    document.add_paragraph("УТВЕРЖДЕНО").alignment = 2
    document.add_paragraph("протоколом заседания Межправительственной комиссии")
    document.add_paragraph("ПЛАН МЕРОПРИЯТИЙ («дорожная карта») по развитию сотрудничества на 2026–2028 годы")
    first = document.add_table(rows=0, cols=6)
    _merged_row(first, "План мероприятий на 2026–2028 годы", bold=False)  # a caption inside the table
    _header(first, stray=False)
    (direction, measures), (second_direction, more) = MEASURES
    _merged_row(first, f"1. {direction}")
    for measure in measures:
        _measure_row(first, measure, stray=False)
    document.add_page_break()
    # the table continues on the next page as a table of its own, with the header again and a stray column
    second = document.add_table(rows=0, cols=7)
    _header(second, stray=True)
    _merged_row(second, f"2. {second_direction}")
    for measure in more:
        _measure_row(second, measure, stray=True)
    document.add_paragraph("От Республики Беларусь ____________      От Кыргызской Республики ____________")
    signatures = document.add_table(rows=1, cols=2)
    signatures.rows[0].cells[0].text, signatures.rows[0].cells[1].text = "Подпись", "Подпись"
    document.save(str(path))


@pytest.fixture
def fresh_roadmap(db: Database) -> Database:
    with db.transaction(actor="tester") as session:
        create_roadmap(session, "by-kg-plan", "План мероприятий", ["BY", "KG"], horizon_year=2028)
    return db


def test_a_messy_ministry_document_is_read_whole(fresh_roadmap: Database, tmp_path: Path) -> None:
    path = tmp_path / "план мероприятий.docx"
    messy_document(path)
    result = run_import(fresh_roadmap, path, "by-kg-plan")
    assert result.created == ["1", "2", "3", "4"]
    with fresh_roadmap.reading() as session:
        roadmap = default_roadmap(session, "by-kg-plan")
        forum = find_measure(session, roadmap, "1")
        assert forum.title == "Провести бизнес-форум\nи выставку национальных производителей"
        assert forum.direction.sector == "trade"
        assert [o.name for o in forum.responsible("BY")] == [
            "Министерство экономики Республики Беларусь",
            "Белорусская торгово-промышленная палата",
        ]
        assert [o.name for o in forum.responsible("KG")] == [
            "Министерство экономики и коммерции Кыргызской Республики"
        ]
        assert (forum.due_kind, forum.due_on.isoformat(), forum.expected_result) == (
            "quarter",
            "2026-12-31",
            "Подписаны контракты",
        )
        exchange = find_measure(session, roadmap, "3")
        assert exchange.direction.sector == "education_science" and exchange.due_kind == "ongoing"
    again = run_import(fresh_roadmap, path, "by-kg-plan")
    assert (again.created, again.updated, len(again.unchanged)) == ([], [], 4)


def _bad_date(path: Path) -> None:
    messy_document(path)
    document = Document(str(path))
    row = document.tables[1].rows[-1]
    row.cells[4].text = "31.02.2028"
    document.save(str(path))


def _no_table(path: Path) -> None:
    document = Document()
    document.add_paragraph("1. Провести бизнес-форум — IV квартал 2026")
    document.save(str(path))


def _broken(path: Path) -> None:
    messy_document(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _workbook(path: Path) -> None:
    from openpyxl import Workbook

    Workbook().save(path)


BAD_DOCUMENTS = [
    (
        _bad_date,
        ImportRefused,
        re.escape("row 13, column Срок исполнения (E): '31.02.2028' is not a real date"),
    ),
    (_no_table, TableFileError, "holds no table"),
    (_broken, TableFileError, "is not a readable Word document|is not a Word document"),
    (_workbook, TableFileError, re.escape("is named .docx but holds an Excel workbook (.xlsx)")),
]


@pytest.mark.parametrize(
    ("make", "error", "says"), BAD_DOCUMENTS, ids=[b[0].__name__.strip("_") for b in BAD_DOCUMENTS]
)
def test_a_bad_word_document_changes_nothing(
    fresh_roadmap: Database, tmp_path: Path, make, error: type[Exception], says: str
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.docx"
    make(path)
    before, audited = snapshot(fresh_roadmap), audits(fresh_roadmap)
    with pytest.raises(error, match=says):
        run_import(fresh_roadmap, path, "by-kg-plan")
    assert snapshot(fresh_roadmap) == before and audits(fresh_roadmap) == audited


def test_the_export_command_writes_word(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("demo", "--load", "--no-news")
    path = tmp_path / "roadmap.docx"
    cli("export", "roadmap", "--format", "docx", "-o", str(path))
    assert "45 unchanged" in cli("import", "roadmap", str(path), "--as", "dana").output
    assert Document(io.BytesIO(path.read_bytes())).tables[0].rows[0].cells[0].text == "№"
