"""Text that a spreadsheet would run as a formula is written as text, and reads back unchanged.

OWASP's CSV-injection payloads (a cell beginning with `=`, `+`, `-`, `@`, tab or
carriage return) go into every free-text field the exports write: the roadmap
table (CSV and XLSX), trade flows (CSV and XLSX) and the session report (XLSX).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import select

from accord.io import roadmap_export
from accord.io.cells import TRIGGERS, guard_csv, guard_xlsx, unguard
from accord.io.roadmap_sync import import_table
from accord.io.table_files import iter_table
from accord.reports import render
from accord.store.db import Database
from accord.store.models import Agreement, Decision, Measure
from accord.store.progress import default_roadmap, find_measure
from tests.conftest import TODAY
from tests.io.payloads import DANGEROUS, PAYLOADS, formula_cells, string_values

# --- the guard itself ---------------------------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_guarded_csv_cell_never_begins_with_a_trigger_and_unguards_to_itself(payload: str) -> None:
    guarded = guard_csv(payload)
    assert guarded[0] not in TRIGGERS
    assert unguard(guarded) == payload
    assert unguard(guard_xlsx(payload)) == payload


@given(
    st.text(alphabet=st.sampled_from(["=", "+", "-", "@", "\t", "\r", "'", "a", "1", " ", "я"]), max_size=6)
)
def test_guard_and_unguard_are_inverse_for_any_text(text: str) -> None:
    assert unguard(guard_csv(text)) == text
    assert unguard(guard_xlsx(text)) == text
    assert not guard_csv(text) or guard_csv(text)[0] not in TRIGGERS


def test_ordinary_text_is_written_as_it_is() -> None:
    for text in ["Поставки лифтов", "2.3", "31.12.2026", "Минпром; ОАО «МАЗ»", "don't", "'"]:
        assert guard_csv(text) == text == unguard(text)


# --- the roadmap table --------------------------------------------------------------------------


def plant(db: Database) -> dict[str, tuple[str, str]]:
    """Each payload as the title of one measure and the note of another: number -> (title, note)."""
    planted = {}
    with db.transaction(actor="mallory", reason="payloads") as session:
        measures = list(session.scalars(select(Measure).order_by(Measure.sort_key)))
        for measure, payload in zip(measures, PAYLOADS, strict=False):
            measure.title = payload
            measure.note = f"{payload} (note)" if payload[0] in TRIGGERS else payload
            planted[measure.number] = (measure.title, measure.note)
    return planted


def snapshot(db: Database) -> list[tuple]:
    with db.reading() as session:
        return [
            (m.number, m.title, m.note, m.status, m.due_kind, m.due_on, m.version)
            for m in session.scalars(select(Measure).order_by(Measure.sort_key))
        ]


def reimport(db: Database, path: Path):  # type: ignore[no-untyped-def]
    with db.transaction(actor="dana", reason="reimport") as session:
        return import_table(session, iter_table(path), default_roadmap(session), "dana", TODAY)


def test_the_roadmap_csv_export_guards_every_payload_and_imports_back_unchanged(
    example_db: Database, tmp_path: Path
) -> None:
    planted = plant(example_db)
    with example_db.reading() as session:
        text = roadmap_export.to_csv(session, default_roadmap(session))
    rows = list(csv.reader(io.StringIO(text, newline="")))
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c and c[0] in TRIGGERS], "a CSV cell begins with a formula trigger"
    by_number = {row[0]: row for row in rows[1:]}
    for number, (title, note) in planted.items():
        assert unguard(by_number[number][2]) == title
        assert unguard(by_number[number][-1]) == note
    path = tmp_path / "roadmap.csv"
    path.write_text(text, encoding="utf-8")
    before = snapshot(example_db)
    result = reimport(example_db, path)
    assert (result.created, result.updated) == ([], [])
    assert snapshot(example_db) == before


def test_the_roadmap_xlsx_export_holds_payloads_as_text_and_imports_back_unchanged(
    example_db: Database, tmp_path: Path
) -> None:
    planted = plant(example_db)
    path = tmp_path / "roadmap.xlsx"
    with example_db.reading() as session, path.open("wb") as stream:
        roadmap_export.write_xlsx(session, default_roadmap(session), stream)
    data = path.read_bytes()
    assert formula_cells(data) == []
    strings = string_values(data)
    for title, note in planted.values():
        assert guard_xlsx(title) in strings and guard_xlsx(note) in strings
    sheet = load_workbook(path).active
    quoted = [
        c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and c.value[:1] in TRIGGERS
    ]
    assert quoted and all(c.quotePrefix for c in quoted)  # Excel keeps them text when edited
    before = snapshot(example_db)
    result = reimport(example_db, path)
    assert (result.created, result.updated) == ([], [])
    assert snapshot(example_db) == before


def test_a_payload_typed_into_an_imported_file_is_stored_as_typed(
    example_db: Database, tmp_path: Path
) -> None:
    """A CSV saved by a spreadsheet from the export: the apostrophe it shows is taken off once."""
    with example_db.reading() as session:
        rows = list(csv.reader(io.StringIO(roadmap_export.to_csv(session, default_roadmap(session)))))
    rows[1][2] = "'=1+1"
    rows[2][2] = "'plain apostrophe"
    path = tmp_path / "typed.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    reimport(example_db, path)
    with example_db.reading() as session:
        roadmap = default_roadmap(session)
        assert find_measure(session, roadmap, rows[1][0]).title == "=1+1"
        assert find_measure(session, roadmap, rows[2][0]).title == "'plain apostrophe"


# --- the session report -------------------------------------------------------------------------


def test_the_report_workbook_holds_no_formula(example_db: Database) -> None:
    with example_db.transaction(actor="mallory", reason="payloads") as session:
        roadmap = default_roadmap(session)
        roadmap.title = PAYLOADS[1]
        overdue = [m for m in session.scalars(select(Measure)) if m.is_overdue(TODAY)]
        for measure, payload in zip(overdue, DANGEROUS, strict=False):
            measure.title = payload
        for decision, payload in zip(session.scalars(select(Decision)), DANGEROUS, strict=False):
            decision.text = payload
        for agreement, payload in zip(session.scalars(select(Agreement)), DANGEROUS, strict=False):
            agreement.title = payload
    assert overdue
    for lang in ("ru", "en"):
        data = render(example_db, as_of=TODAY, fmt="xlsx", lang=lang)
        assert formula_cells(data) == []
        strings = string_values(data)
        assert any(s.startswith(PAYLOADS[1]) for s in strings)
        assert any(s.startswith("=1+1") for s in strings)
