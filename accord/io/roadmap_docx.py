"""The roadmap as a Word document, laid out as ministries send it: a row per direction spanning the table.

Landscape A4, the header repeated on every page, each direction a shaded row
across the table with its measures below, several bodies in a cell one per
line. `accord import roadmap FILE.docx` reads it back to the same roadmap.
"""

from __future__ import annotations

import io
from itertools import groupby

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt, RGBColor
from sqlalchemy.orm import Session

from accord.domain.labels import label
from accord.domain.status import MeasureStatus
from accord.io.docx_layout import cell_text, keep_together, repeat_header, shade
from accord.io.roadmap_export import ILLUSTRATIVE_RU
from accord.io.roadmap_table import EXPORT_HEADERS, responsible_header
from accord.store.models import Measure, Roadmap
from accord.store.progress import measures_of

FONT = "Times New Roman"
HEADER_FILL = "DDE6F0"
DIRECTION_FILL = "F2F2F2"
SIZE = 9.5
#: column widths in cm on a landscape A4 page (25.7 cm of text width), by column
WIDTHS = {
    "number": 1.3,
    "title": 7.0,
    "responsible": 4.0,
    "due": 2.2,
    "expected_result": 3.6,
    "status": 2.0,
    "note": 3.0,
}


def _headers(parties: list[str]) -> list[tuple[str, str]]:
    head = [("number", EXPORT_HEADERS["number"]), ("title", EXPORT_HEADERS["title"])]
    tail = [(k, EXPORT_HEADERS[k]) for k in ("due", "expected_result", "status", "note")]
    return head + [("responsible", responsible_header(p)) for p in parties] + tail


def _cells(measure: Measure, parties: list[str]) -> list[str]:
    return [
        measure.number,
        measure.title,
        *("\n".join(o.name for o in measure.responsible(p)) for p in parties),
        measure.due.format(),
        measure.expected_result or "",
        label(MeasureStatus(measure.status), "ru"),
        measure.note or "",
    ]


def write_docx(session: Session, roadmap: Roadmap, stream: io.BufferedIOBase | io.BytesIO) -> None:
    parties = roadmap.party_codes
    columns = _headers(parties)
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin = section.bottom_margin = Cm(1.5)
    title = doc.add_paragraph()
    run = title.add_run(roadmap.title)
    run.bold, run.font.size = True, Pt(14)
    if roadmap.illustrative:
        warning = doc.add_paragraph().add_run(ILLUSTRATIVE_RU)
        warning.italic, warning.font.color.rgb = True, RGBColor(0x9C, 0x57, 0x00)
    grid = doc.add_table(rows=1, cols=len(columns))
    grid.style = "Table Grid"
    grid.autofit = False
    header = grid.rows[0]
    repeat_header(header)
    for cell, (_key, text) in zip(header.cells, columns, strict=True):
        cell_text(cell, text, SIZE - 1, bold=True)
        shade(cell, HEADER_FILL)
    measures = sorted(
        measures_of(session, roadmap), key=lambda m: (m.direction.ordinal, m.direction_id, m.sort_key)
    )
    for _direction_id, group in groupby(measures, key=lambda m: m.direction_id):
        members = list(group)
        row = grid.add_row()
        keep_together(row)
        merged = row.cells[0].merge(row.cells[-1])
        cell_text(merged, members[0].direction.title, SIZE, bold=True)
        shade(merged, DIRECTION_FILL)
        for measure in members:
            row = grid.add_row()
            keep_together(row)
            for cell, text in zip(row.cells, _cells(measure, parties), strict=True):
                cell_text(cell, text, SIZE)
    for row in grid.rows:
        for cell, (key, _text) in zip(row.cells, columns, strict=False):
            cell.width = Cm(WIDTHS[key])
    doc.core_properties.title = roadmap.title
    doc.save(stream)
