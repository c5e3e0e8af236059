"""`accord report` as a user runs it, on a fresh SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook


@pytest.fixture
def run(cli):  # type: ignore[no-untyped-def]
    return cli


def test_report_writes_each_format(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("demo", "--load", "--no-news")
    out = run("report", "--format", "docx", "-o", str(tmp_path / "r.docx")).output
    assert "session report as of" in out
    assert Document(str(tmp_path / "r.docx")).paragraphs
    run(
        "report",
        "--format",
        "xlsx",
        "--lang",
        "en",
        "--roadmap",
        "by-kg-2030",
        "-o",
        str(tmp_path / "r.xlsx"),
    )
    assert load_workbook(tmp_path / "r.xlsx").sheetnames[0] == "Title"
    run(
        "report",
        "--format",
        "html",
        "--as-of",
        "2026-11-27",
        "--since",
        "2026-01-01",
        "-o",
        str(tmp_path / "r.html"),
    )
    assert "Изменения с 01.01.2026" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_report_refuses_bad_input(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("demo", "--load", "--no-news")
    target = str(tmp_path / "r.pdf")
    assert "not supported" in run("report", "--format", "pdf", "-o", target, ok=False).output
    assert (
        "is not a date"
        in run("report", "--format", "docx", "--as-of", "27.11.2026", "-o", target, ok=False).output
    )
    assert (
        "no roadmap 'nope'"
        in run("report", "--format", "docx", "--roadmap", "nope", "-o", target, ok=False).output
    )
    late = run(
        "report", "--format", "docx", "--as-of", "2026-01-01", "--since", "2026-02-01", "-o", target, ok=False
    )
    assert "is after the report date" in late.output
    assert not Path(target).exists()
