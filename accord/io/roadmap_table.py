"""The roadmap table layout ministries use, read into plain rows and checked cell by cell.

Columns (Russian or English headers, any order): № | Направление | Мероприятие |
Ответственные (BY) | Ответственные (KG) | … | Срок | Ожидаемый результат | Статус |
Примечание — one "Ответственные (XX)" column per party.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from accord.domain.due import Due, DueError, parse_due
from accord.domain.numbering import normalise_number
from accord.domain.status import MeasureStatus, parse_measure_status
from accord.io.table_files import SheetRow, column_letter

#: canonical column -> the headers that name it (compared lower-case, spaces collapsed)
HEADERS: dict[str, tuple[str, ...]] = {
    "number": ("№", "№ п/п", "no", "no.", "number", "номер", "#"),
    "direction": ("направление", "direction", "sector"),
    "title": ("мероприятие", "measure", "наименование мероприятия", "title"),
    "due": ("срок", "срок исполнения", "due", "deadline"),
    "expected_result": ("ожидаемый результат", "expected result", "результат"),
    "status": ("статус", "status"),
    "note": ("примечание", "note", "notes", "ход исполнения"),
}
REQUIRED = ("number", "direction", "title", "due")
RESPONSIBLE = re.compile(r"^(?:ответственные|ответственный исполнитель|ответственный|responsible)\s*\(([a-z]{2})\)$", re.I)

#: the header each column is written with on export (Russian, as ministries use)
EXPORT_HEADERS = {
    "number": "№",
    "direction": "Направление",
    "title": "Мероприятие",
    "due": "Срок",
    "expected_result": "Ожидаемый результат",
    "status": "Статус",
    "note": "Примечание",
}


def responsible_header(party: str) -> str:
    return f"Ответственные ({party})"


def export_headers(parties: list[str]) -> list[str]:
    head = [EXPORT_HEADERS[k] for k in ("number", "direction", "title")]
    tail = [EXPORT_HEADERS[k] for k in ("due", "expected_result", "status", "note")]
    return head + [responsible_header(p) for p in parties] + tail


def split_names(cell: str) -> list[str]:
    """Several bodies in one cell, one per line or separated by semicolons."""
    return [" ".join(part.split()) for part in re.split(r"[;\n]", cell) if part.strip()]


@dataclass
class MeasureRow:
    row: int
    number: str
    direction: str
    title: str
    due: Due
    responsible: dict[str, list[str]]
    expected_result: str | None
    status: MeasureStatus | None
    note: str | None


@dataclass
class TableProblem:
    row: int | None
    column: str | None
    reason: str

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column}")
        return f"{', '.join(where)}: {self.reason}" if where else self.reason


@dataclass
class ParsedTable:
    rows: list[MeasureRow] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    problems: list[TableProblem] = field(default_factory=list)


def _key(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def _find_header(rows: list[SheetRow]) -> tuple[int, dict[str, int], dict[str, int]] | None:
    """The header row (title rows above it are allowed): where each column is."""
    for position, row in enumerate(rows[:15]):
        columns: dict[str, int] = {}
        parties: dict[str, int] = {}
        for index, cell in enumerate(row.cells):
            key = _key(cell)
            if not key:
                continue
            for name, names in HEADERS.items():
                if key in names and name not in columns:
                    columns[name] = index
            if match := RESPONSIBLE.match(key):
                parties[match[1].upper()] = index
        if "number" in columns and "title" in columns:
            return position, columns, parties
    return None


def parse_table(rows: list[SheetRow]) -> ParsedTable:
    """Every data row as a MeasureRow, or the problems found; never a partial answer."""
    result = ParsedTable()
    found = _find_header(rows)
    if found is None:
        result.problems.append(TableProblem(None, None, "no header row with the columns № and Мероприятие (Measure)"))
        return result
    position, columns, parties = found
    header = rows[position]
    for name in REQUIRED:
        if name not in columns:
            result.problems.append(
                TableProblem(header.number, EXPORT_HEADERS[name], "this required column is missing")
            )
    if not parties:
        result.problems.append(
            TableProblem(header.number, "Ответственные (XX)", "no responsible column such as «Ответственные (BY)»")
        )
    if result.problems:
        return result
    result.parties = list(parties)
    names = {index: header.cells[index] for index in [*columns.values(), *parties.values()]}
    seen: dict[str, int] = {}
    for row in rows[position + 1 :]:
        if not any(row.cells):
            continue
        parsed = _parse_row(row, columns, parties, names, result.problems)
        if parsed is None:
            continue
        if parsed.number in seen:
            result.problems.append(
                TableProblem(
                    row.number,
                    f"{names[columns['number']]} ({column_letter(columns['number'])})",
                    f"measure {parsed.number} is already on row {seen[parsed.number]}",
                )
            )
            continue
        seen[parsed.number] = row.number
        result.rows.append(parsed)
    if not result.rows and not result.problems:
        result.problems.append(TableProblem(None, None, "the table has a header but no measures"))
    return result


def _parse_row(
    row: SheetRow,
    columns: dict[str, int],
    parties: dict[str, int],
    names: dict[int, str],
    problems: list[TableProblem],
) -> MeasureRow | None:
    def cell(index: int | None) -> str:
        return row.cells[index].strip() if index is not None and index < len(row.cells) else ""

    def problem(column: str, reason: str) -> None:
        index = columns.get(column)
        label = names.get(index, column) if index is not None else column
        problems.append(TableProblem(row.number, f"{label} ({column_letter(index)})" if index is not None else label, reason))

    before = len(problems)
    number = ""
    try:
        number = normalise_number(cell(columns["number"]))
    except ValueError as exc:
        problem("number", str(exc) if cell(columns["number"]) else "the measure number is empty")
    direction = cell(columns["direction"])
    if not direction:
        problem("direction", "the direction is empty")
    title = cell(columns["title"])
    if not title:
        problem("title", "the measure text is empty")
    due = Due.ongoing()
    try:
        due = parse_due(cell(columns["due"]))
    except DueError as exc:
        problem("due", str(exc))
    status = None
    if cell(columns.get("status")):
        try:
            status = parse_measure_status(cell(columns.get("status")))
        except ValueError as exc:
            problem("status", str(exc))
    if len(problems) > before:
        return None
    return MeasureRow(
        row=row.number,
        number=number,
        direction=direction,
        title=title,
        due=due,
        responsible={party: split_names(cell(index)) for party, index in parties.items()},
        expected_result=cell(columns.get("expected_result")) or None,
        status=status,
        note=cell(columns.get("note")) or None,
    )
