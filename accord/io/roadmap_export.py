"""Writing the roadmap back out in the table layout it came in: .xlsx, .csv, JSON.

Export then import of the same file changes nothing: cells are written exactly
as the reader reads them, and no cell is ever a formula (see `accord.io.cells`).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from sqlalchemy.orm import Session

from accord.domain.status import MEASURE_STATUS_RU, MeasureStatus
from accord.io.cells import append_row, guard_csv
from accord.io.roadmap_table import export_headers
from accord.store.models import Measure, Roadmap
from accord.store.progress import measures_of

ILLUSTRATIVE_RU = "Иллюстративные данные: мероприятия примера не являются текстом подписанной дорожной карты"


def measure_cells(measure: Measure, parties: list[str]) -> list[str]:
    responsible = ["; ".join(o.name for o in measure.responsible(p)) for p in parties]
    return [
        measure.number,
        measure.direction.title,
        measure.title,
        *responsible,
        measure.due.format(),
        measure.expected_result or "",
        MEASURE_STATUS_RU[MeasureStatus(measure.status)],
        measure.note or "",
    ]


def table(session: Session, roadmap: Roadmap) -> tuple[list[str], list[list[str]]]:
    parties = roadmap.party_codes
    return export_headers(parties), [measure_cells(m, parties) for m in measures_of(session, roadmap)]


def to_csv(session: Session, roadmap: Roadmap) -> str:
    headers, rows = table(session, roadmap)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # CRLF: a CR inside a cell is then quoted too
    writer.writerow(headers)
    writer.writerows([guard_csv(cell) for cell in row] for row in rows)
    return out.getvalue()


def to_json(session: Session, roadmap: Roadmap) -> dict[str, Any]:
    parties = roadmap.party_codes
    measures = []
    for m in measures_of(session, roadmap):
        measures.append(
            {
                "number": m.number,
                "direction": m.direction.sector,
                "direction_title": m.direction.title,
                "title": m.title,
                "responsible": {p: [o.name for o in m.responsible(p)] for p in parties},
                "due": m.due.format(),
                "due_kind": m.due_kind,
                "due_on": m.due_on.isoformat() if m.due_on else None,
                "expected_result": m.expected_result,
                "status": m.status,
                "note": m.note,
                "illustrative": m.illustrative,
            }
        )
    return {
        "roadmap": {
            "code": roadmap.code,
            "title": roadmap.title,
            "parties": parties,
            "signed_on": roadmap.signed_on.isoformat() if roadmap.signed_on else None,
            "horizon_year": roadmap.horizon_year,
            "illustrative": roadmap.illustrative,
        },
        "measures": measures,
    }


def write_xlsx(session: Session, roadmap: Roadmap, stream: io.BufferedIOBase | io.BytesIO) -> None:
    """A workbook a ministry can work in: title, bold frozen header, filters, wrapped text."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    headers, rows = table(session, roadmap)
    book = Workbook()
    sheet = book.active
    sheet.title = "Дорожная карта"
    append_row(sheet, [roadmap.title])
    sheet["A1"].font = Font(bold=True, size=13)
    append_row(sheet, [ILLUSTRATIVE_RU if roadmap.illustrative else ""])
    if roadmap.illustrative:
        sheet["A2"].font = Font(italic=True, color="9C5700")
    append_row(sheet, headers)
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE6F0")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        append_row(sheet, row)
    widths = {"№": 7, "Направление": 22, "Мероприятие": 60, "Срок": 16, "Статус": 14}
    for index, header in enumerate(headers, start=1):
        letter = sheet.cell(row=header_row, column=index).column_letter
        sheet.column_dimensions[letter].width = widths.get(header, 32)
        for cell in sheet[letter][header_row:]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    sheet.auto_filter.ref = f"A{header_row}:{sheet.cell(row=sheet.max_row, column=len(headers)).coordinate}"
    book.save(stream)
