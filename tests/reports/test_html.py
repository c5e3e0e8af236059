"""The print view: one self-contained page with a print stylesheet and a landscape annex."""

from __future__ import annotations

import re
from datetime import date

from accord.reports import FORMATS, build, download_name, file_name, render
from accord.store.db import Database
from tests import factories
from tests.conftest import TODAY


def section(page: str, name: str) -> str:
    start = page.index(f'<section id="{name}"')
    return page[start : page.index("</section>", start)]


def test_it_is_a_print_view_with_every_section(example_db: Database) -> None:
    page = render(example_db, as_of=TODAY, fmt="html").decode("utf-8")
    assert FORMATS["html"].content_type.startswith("text/html")
    assert "@page" in page and "@media print" in page and "size: A4 landscape" in page
    ids = re.findall(r'<section id="(\w+)"', page)
    assert ids == ["summary", "changes", "overdue", "upcoming", "decisions", "trade", "annex"]
    assert page.count("<svg") == 2 and "<script" not in page
    assert section(page, "overdue").count("<tr>") == 12  # header and 11 late measures
    assert section(page, "annex").count("<tr>") == 46
    assert "Иллюстративные данные" in page


def test_english_print_view_and_an_empty_roadmap(db: Database) -> None:
    with db.transaction(actor="test") as session:
        factories.roadmap(session, code="empty")
    page = render(db, as_of=TODAY, fmt="html", lang="en").decode("utf-8")
    assert '<html lang="en">' in page
    assert "The roadmap has no measures: there is nothing to report." in page
    assert "No measure is overdue." in page


def test_it_renders_from_an_open_session_too(example_db: Database) -> None:
    with example_db.reading() as session:
        page = render(session, roadmap_code="by-kg-2030", as_of=TODAY, fmt="html", lang="en").decode("utf-8")
    assert "Roadmap of economic cooperation between Belarus and Kyrgyzstan to 2030" in page
    assert "Share done: 16.3%" in page


def test_formats_name_their_content_type_and_file(example_db: Database) -> None:
    assert FORMATS["docx"].extension == ".docx" and "wordprocessingml" in FORMATS["docx"].content_type
    assert "spreadsheetml" in FORMATS["xlsx"].content_type
    assert download_name("by-kg-2030", date(2026, 11, 27), "xlsx") == "by-kg-2030-report-2026-11-27.xlsx"
    assert download_name(None, date(2026, 11, 27), "html") == "report-2026-11-27.html"
    assert (
        file_name(build(example_db, as_of=date(2026, 11, 27)), "docx") == "by-kg-2030-report-2026-11-27.docx"
    )
