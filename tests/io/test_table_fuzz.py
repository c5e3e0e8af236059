"""Whatever bytes a file holds, the table reader answers rows or a TableFileError, never a crash."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.io.problems import TableProblem
from accord.io.roadmap_table import parse_table
from accord.io.table_files import TableFileError, iter_table

HEADER = "№;Направление;Мероприятие;Ответственные (BY);Ответственные (KG);Срок\r\n".encode("cp1251")


def read(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    try:
        rows = list(iter_table(path))
    except TableFileError as exc:
        assert str(path) in str(exc)
        return
    table = parse_table(rows)
    assert table.rows or table.problems
    assert all(isinstance(p, TableProblem) for p in table.problems)


def zipped(names: list[str], payload: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in names:
            archive.writestr(name, payload)
    return out.getvalue()


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from(["t.csv", "t.txt", "t.xlsx", "t.docx"]))
def test_any_bytes_under_any_name(tmp_path: Path, data: bytes, name: str) -> None:
    read(tmp_path / name, data)


@FUZZ
@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=400),
    st.sampled_from([";", ",", "\t", '"', "\r\n"]),
)
def test_a_header_followed_by_any_text(tmp_path: Path, text: str, joiner: str) -> None:
    read(tmp_path / "t.csv", HEADER + joiner.join([text, text]).encode("utf-8", errors="replace"))


@FUZZ
@given(
    st.binary(max_size=500),
    st.sampled_from([["xl/workbook.xml"], ["word/document.xml"], ["[Content_Types].xml"]]),
)
def test_a_zip_that_pretends_to_be_a_workbook_or_a_document(
    tmp_path: Path, payload: bytes, names: list[str]
) -> None:
    data = zipped(names, payload)
    read(tmp_path / "t.xlsx", data)
    read(tmp_path / "t.docx", data)


def test_a_workbook_member_needing_a_newer_zip_version_is_a_clear_error(tmp_path: Path) -> None:
    """Found by mutating a saved workbook: zipfile raised NotImplementedError opening the archive."""
    from openpyxl import Workbook

    path = tmp_path / "t.xlsx"
    book = Workbook()
    book.active.append(["№", "Мероприятие"])
    book.save(path)
    data = bytearray(path.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    entry = data.rfind(b"PK\x01\x02", 0, data.rfind(name))  # the sheet's entry in the central directory
    data[entry + 6 : entry + 8] = (208).to_bytes(2, "little")  # «version needed to extract»: 20.8
    path.write_bytes(bytes(data))
    try:
        list(iter_table(path))
    except TableFileError as exc:
        assert str(exc) == f"{path} is not an Excel workbook (.xlsx): it is a damaged zip archive"
    else:
        raise AssertionError("a damaged workbook was read")
