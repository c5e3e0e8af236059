"""`accord import roadmap|trade` and `accord fx import` with files that are not what they should be.

Each gets one clear line naming the file (and the row and column where there is
one), exit code 2, no traceback, and the database exactly as it was.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from accord.store.db import Database
from accord.store.models import AuditEntry, ExchangeRate, Measure, TradeFlow

HEADER = ["№", "Направление", "Мероприятие", "Ответственные (BY)", "Ответственные (KG)", "Срок"]
ROW = ["15.1", "Туризм", "Обмен туристическими группами", "Минспорт", "Департамент туризма", "2027"]


def counts(url: str) -> tuple[int, int, int, int]:
    db = Database(url)
    try:
        with db.reading() as session:
            return tuple(  # type: ignore[return-value]
                session.scalar(select(func.count()).select_from(model))
                for model in (Measure, AuditEntry, TradeFlow, ExchangeRate)
            )
    finally:
        db.dispose()


def csv_bytes(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def make(tmp_path: Path, case: str) -> Path:
    """A bad file for each case; the name says what it pretends to be."""
    if case == "folder":
        path = tmp_path / "tables"
        path.mkdir()
        (path / "roadmap.csv").write_text(csv_bytes([HEADER, ROW]), encoding="utf-8")
        return path
    if case == "missing":
        return tmp_path / "nowhere.csv"
    if case == "dangling link":
        path = tmp_path / "link.csv"
        path.symlink_to(tmp_path / "gone.csv")
        return path
    path = (
        tmp_path
        / {
            "empty": "empty.csv",
            "blank": "blank.csv",
            "binary": "data.csv",
            "huge cell": "huge.csv",
            "xlsx named csv": "book.csv",
            "csv named xlsx": "table.xlsx",
            "pdf named csv": "scan.csv",
            "wrong extension": "roadmap.pages",
            "unreadable": "secret.csv",
        }[case]
    )
    if case == "empty":
        path.write_bytes(b"")
    elif case == "blank":
        path.write_bytes(b" \r\n\t\r\n")
    elif case == "binary":
        path.write_bytes(bytes(range(256)) * 64)
    elif case == "huge cell":
        path.write_text(csv_bytes([HEADER, ROW[:2] + ["Ж" * 140_000] + ROW[3:]]), encoding="utf-8")
    elif case == "xlsx named csv":
        from openpyxl import Workbook

        book = Workbook()
        book.active.append(HEADER)
        book.save(path)
    elif case == "csv named xlsx":
        path.write_text(csv_bytes([HEADER, ROW]), encoding="utf-8")
    elif case == "pdf named csv":
        path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    elif case == "wrong extension":
        path.write_text(csv_bytes([HEADER, ROW]), encoding="utf-8")
    elif case == "unreadable":
        path.write_text(csv_bytes([HEADER, ROW]), encoding="utf-8")
        path.chmod(0)
    return path


CASES = [
    ("folder", "is a folder, not a file"),
    ("missing", "no such file"),
    ("dangling link", "no such file (a broken link)"),
    ("empty", "is empty"),
    ("blank", "is empty"),
    ("binary", "is not a text table (it contains binary data)"),
    (
        "huge cell",
        "row 2, column C: the cell holds 140,000 characters; a spreadsheet cell holds at most 32,767",
    ),
    ("xlsx named csv", "is named .csv but holds an Excel workbook (.xlsx): rename it to book.xlsx"),
    ("csv named xlsx", "is named .xlsx but holds a CSV text: rename it to table.csv"),
    ("pdf named csv", "is not a CSV text: it is a PDF document"),
    ("wrong extension", "use an .xlsx, .csv or .docx file (got .pages)"),
    ("unreadable", "no permission to read it"),
]
COMMANDS = [("import", "roadmap"), ("import", "trade"), ("fx", "import")]


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
@pytest.mark.parametrize(("case", "says"), CASES, ids=[c[0] for c in CASES])
def test_a_bad_file_is_refused_with_its_name_and_nothing_is_written(
    cli, tmp_path: Path, command: tuple[str, str], case: str, says: str
) -> None:  # type: ignore[no-untyped-def]
    if case == "unreadable" and os.geteuid() == 0:
        pytest.skip("root reads every file")
    cli("demo", "--load", "--no-news")
    before = counts(cli.url)
    path = make(tmp_path, case)
    result = cli(*command, str(path), "--as", "mallory", ok=False)
    output = " ".join(result.output.split())
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert str(path) in output and " ".join(says.split()) in output
    assert counts(cli.url) == before


def test_an_excel_unicode_text_file_is_read(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Excel's "Unicode text" is UTF-16 with a BOM and tabs; saved without the BOM it still reads."""
    cli("demo", "--load", "--no-news")
    before = counts(cli.url)
    with_bom = tmp_path / "unicode.txt"
    with_bom.write_bytes(csv_bytes([HEADER, ROW], "\t").encode("utf-16"))
    assert "1 created" in cli("import", "roadmap", str(with_bom), "--as", "dana").output
    without_bom = tmp_path / "unicode-le.csv"
    row = ROW[:2] + ["Обмен туристическими группами, второй этап"] + ROW[3:]
    without_bom.write_bytes(csv_bytes([HEADER, row], "\t").encode("utf-16-le"))
    assert "1 updated" in cli("import", "roadmap", str(without_bom), "--as", "dana").output
    assert counts(cli.url)[0] == before[0] + 1


def test_a_long_cell_within_the_spreadsheet_limit_is_read(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The csv module's own 128 KB field limit is not the limit: a spreadsheet cell's is."""
    cli("demo", "--load", "--no-news")
    path = tmp_path / "long.csv"
    note = "Ход исполнения. " * 2000  # 32,000 characters, 60 KB in UTF-8
    path.write_text(csv_bytes([[*HEADER, "Примечание"], [*ROW, note.strip()]]), encoding="utf-8")
    assert "1 created" in cli("import", "roadmap", str(path), "--as", "dana").output
