"""The spreadsheet round trip: export -> import changes nothing; an edited file changes only the edits."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from accord.io import roadmap_export
from accord.io.roadmap_sync import ImportRefused, import_table
from accord.io.table_files import TableFileError, iter_table, read_table
from accord.store.db import Database
from accord.store.models import AuditEntry, Measure
from accord.store.progress import default_roadmap, find_measure
from tests.conftest import TODAY


def audit_count(db: Database) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry))


def export_csv(db: Database) -> str:
    with db.reading() as session:
        return roadmap_export.to_csv(session, default_roadmap(session))


def import_file(db: Database, path: Path):  # type: ignore[no-untyped-def]
    with db.transaction(actor="dana", reason=f"import {path.name}") as session:
        return import_table(session, iter_table(path), default_roadmap(session), "dana", TODAY)


def snapshot(db: Database) -> list[tuple]:
    with db.reading() as session:
        return [
            (
                m.number,
                m.title,
                m.status,
                m.due_kind,
                m.due_on,
                m.note,
                m.version,
                tuple(a.organization_id for a in m.assignments),
            )
            for m in session.scalars(select(Measure).order_by(Measure.sort_key))
        ]


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_export_then_import_changes_nothing(example_db: Database, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"roadmap.{suffix}"
    with example_db.reading() as session, path.open("wb") as stream:
        rm = default_roadmap(session)
        if suffix == "xlsx":
            roadmap_export.write_xlsx(session, rm, stream)
        else:
            stream.write(roadmap_export.to_csv(session, rm).encode("utf-8"))
    before, audits = snapshot(example_db), audit_count(example_db)
    result = import_file(example_db, path)
    assert (result.created, result.updated, len(result.unchanged)) == ([], [], 45)
    assert snapshot(example_db) == before
    assert audit_count(example_db) == audits


def test_an_edited_file_updates_only_the_edits_and_audits_them(example_db: Database, tmp_path: Path) -> None:
    rows = list(csv.reader(io.StringIO(export_csv(example_db))))
    header = rows[0]
    by_number = {r[0]: r for r in rows[1:]}
    by_number["2.3"][header.index("Статус")] = "в работе"
    by_number["2.3"][header.index("Примечание")] = "Получено ТЭО от производителя"
    by_number["9.3"][header.index("Срок")] = "I квартал 2027"
    rows.append(
        [
            "15.1",
            "Туризм",
            "Новое мероприятие по туризму",
            "Минспорт",
            "Департамент туризма КР",
            "2027",
            "",
            "",
            "",
        ]
    )
    path = tmp_path / "edited.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    before = {row[0]: row for row in snapshot(example_db)}
    result = import_file(example_db, path)
    assert sorted(result.updated) == ["2.3", "9.3"]
    assert result.created == ["15.1"]
    after = {row[0]: row for row in snapshot(example_db)}
    unchanged = set(before) - {"2.3", "9.3"}
    assert all(after[n] == before[n] for n in unchanged)
    with example_db.reading() as session:
        entries = list(session.scalars(select(AuditEntry).where(AuditEntry.actor == "dana")))
        rm = default_roadmap(session)
        new = find_measure(session, rm, "15.1")
        assert new.direction.sector == "tourism"
        assert [o.short_name for o in new.responsible("BY")] == ["Минспорт"]
    changes = {(e.entity_key, e.field): (e.old, e.new) for e in entries if e.action == "update"}
    assert changes[("2.3", "status")] == ("planned", "in_progress")
    assert changes[("2.3", "note")] == (None, "Получено ТЭО от производителя")
    assert changes[("9.3", "due_kind")] == ("date", "quarter")
    assert {e.reason for e in entries} == {"import edited.csv"}


def test_it_reads_a_cp1251_semicolon_csv_as_russian_excel_saves_it(
    example_db: Database, tmp_path: Path
) -> None:
    text = export_csv(example_db)
    rows = list(csv.reader(io.StringIO(text)))
    path = tmp_path / "excel.csv"
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rows)
    path.write_bytes(buffer.getvalue().replace("—", "-").encode("cp1251"))
    result = import_file(example_db, path)
    assert result.created == []


def test_the_xlsx_export_is_a_workbook_ministries_can_filter(example_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "roadmap.xlsx"
    with example_db.reading() as session, path.open("wb") as stream:
        roadmap_export.write_xlsx(session, default_roadmap(session), stream)
    sheet = load_workbook(path).active
    assert "Иллюстративные данные" in sheet["A2"].value
    assert [c.value for c in sheet[3]][:3] == ["№", "Направление", "Мероприятие"]
    assert sheet.freeze_panes == "A4"
    assert sheet.auto_filter.ref.startswith("A3:")
    assert sheet.max_row == 3 + 45


BAD = [
    ("missing.csv", None, "no such file"),
    (
        "picture.xlsx",
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
        "is not an Excel workbook \\(.xlsx\\): it is an image",
    ),
    ("binary.csv", b"\x00\x01\x02" * 40, "binary data"),
    ("notes.pdf", b"hello", "use an .xlsx, .csv or .docx file"),
]


@pytest.mark.parametrize(("name", "content", "says"), BAD)
def test_unreadable_files_are_named(tmp_path: Path, name: str, content: bytes | None, says: str) -> None:
    from accord.io.table_files import TableFileError

    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(TableFileError, match=says):
        read_table(path)


HEADER = "№,Направление,Мероприятие,Ответственные (BY),Ответственные (KG),Срок,Ожидаемый результат,Статус,Примечание\n"
ROW_OK = "1.1,Торговля и поставки,Текст,Минэкономики Беларуси,Минэкономкоммерции КР,2026,,,\n"

TABLE_PROBLEMS = [
    (
        "no_direction_column",
        "№,Мероприятие,Ответственные (BY),Срок\n1.1,Текст,МИД,2026\n",
        ["column Направление: this required column is missing"],
    ),
    (
        "no_responsible",
        "№,Направление,Мероприятие,Срок\n1.1,Торговля,Текст,2026\n",
        ["no responsible column"],
    ),
    (
        "unknown_direction",
        HEADER + "1.1,Космос,Текст,МИД,МИД КР,2026,,,\n",
        ["row 2, column Направление: 'Космос' is neither a direction"],
    ),
    (
        "impossible_date",
        HEADER + ROW_OK + "1.2,Торговля и поставки,Текст,МИД,МИД КР,31.02.2026,,,\n",
        ["row 3, column Срок (F): '31.02.2026' is not a real date"],
    ),
    (
        "duplicate_number",
        HEADER + ROW_OK + ROW_OK.replace("Текст", "Другой"),
        ["row 3, column № (A): measure 1.1 is already on row 2"],
    ),
    (
        "bad_number",
        HEADER + ROW_OK.replace("1.1", "п.1"),
        ["row 2, column № (A): 'п.1' is not a measure number"],
    ),
    (
        "bad_status",
        HEADER + ROW_OK.replace(",,,", ",,почти готово,"),
        ["row 2, column Статус (H): 'почти готово' is not a status"],
    ),
    (
        "unknown_party",
        HEADER.replace("(KG)", "(XX)") + ROW_OK,
        ["Ответственные (XX): XX is not a known country code"],
    ),
    (
        "other_party",
        HEADER.replace("(KG)", "(KZ)") + ROW_OK,
        ["Ответственные (KZ): KZ is not a party to this roadmap"],
    ),
    (
        "done_to_planned",
        HEADER + "1.1,Торговля и поставки,Текст,МИД,МИД КР,2026,,запланировано,\n",
        ["row 2, column Статус: measure 1.1: a measure cannot go from done to planned"],
    ),
    ("header_only", HEADER, ["the table has a header but no measures"]),
    ("not_a_table", "просто текст\nещё строка\n", ["no header row"]),
]


@pytest.mark.parametrize(("name", "content", "expected"), TABLE_PROBLEMS, ids=[t[0] for t in TABLE_PROBLEMS])
def test_bad_tables_are_refused_with_row_and_column_and_nothing_changes(
    example_db: Database, tmp_path: Path, name: str, content: str, expected: list[str]
) -> None:
    path = tmp_path / f"{name}.csv"
    path.write_text(content, encoding="utf-8")
    before, audits = snapshot(example_db), audit_count(example_db)
    with pytest.raises(ImportRefused) as caught:
        import_file(example_db, path)
    messages = [str(p) for p in caught.value.problems]
    for fragment in expected:
        assert any(fragment in m for m in messages), messages
    assert snapshot(example_db) == before
    assert audit_count(example_db) == audits


def test_a_file_with_one_bad_row_imports_nothing_at_all(example_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text(
        HEADER + ROW_OK.replace("1.1", "1.9") + "1.8,Торговля и поставки,Текст,МИД,МИД КР,32.01.2026,,,\n",
        encoding="utf-8",
    )
    before = snapshot(example_db)
    with pytest.raises(ImportRefused, match="row 3"):
        import_file(example_db, path)
    assert snapshot(example_db) == before


def many_rows(count: int) -> str:
    return "".join(
        f"20.{i},Туризм,Мероприятие номер {i},Минспорт,Департамент туризма КР,2027,,,\n"
        for i in range(1, count + 1)
    )


@pytest.mark.parametrize(
    ("tail", "error", "says"),
    [
        ("20.9999,Туризм,Текст,МИД,МИД КР,32.13.2027,,,\n", ImportRefused, "row 1202, column Срок (F)"),
        ("20.9999,Туризм," + "Ж" * 40_000 + ",МИД,МИД КР,2027,,,\n", TableFileError, "row 1202, column C"),
    ],
    ids=["bad row", "oversize cell"],
)
def test_a_problem_after_many_good_rows_leaves_nothing_written(
    example_db: Database, tmp_path: Path, tail: str, error: type[Exception], says: str
) -> None:
    """Rows are written in chunks while the file is clean; a later problem rolls all of them back."""
    path = tmp_path / "long.csv"
    path.write_text(HEADER + many_rows(1200) + tail, encoding="utf-8")
    before, audits = snapshot(example_db), audit_count(example_db)
    with pytest.raises(error, match=re.escape(says)):
        import_file(example_db, path)
    assert snapshot(example_db) == before
    assert audit_count(example_db) == audits


def test_many_rows_import_and_reimport(example_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(HEADER + many_rows(1200), encoding="utf-8")
    first = import_file(example_db, path)
    assert len(first.created) == 1200
    again = import_file(example_db, path)
    assert (again.created, again.updated, len(again.unchanged)) == ([], [], 1200)
    with example_db.reading() as session:
        measure = find_measure(session, default_roadmap(session), "20.777")
        assert [o.label for o in measure.responsible("KG")] == ["Департамент туризма КР"]
