"""The roadmap table layout ministries use, read into plain rows and checked cell by cell.

Columns (Russian or English headers, any order): № | Направление | Мероприятие |
Ответственные (BY) | Ответственные (KG) | … | Срок | Ожидаемый результат | Статус |
Примечание — one "Ответственные (XX)" column per party.

Tables as ministries send them are read too: title rows above the header; a
header in two rows («Ответственные исполнители» above one column per party, named
by code or by country); a row of column numbers under the header; the header
repeated where the table continues on the next page; and, instead of a
direction column, rows spanning the table that name the direction of the
measures below them («1. Торговля и поставки»).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from accord.domain.due import Due, DueError, parse_due
from accord.domain.numbering import normalise_number
from accord.domain.status import MeasureStatus, parse_measure_status
from accord.io.problems import TableProblem
from accord.io.table_files import SheetRow, column_letter

#: canonical column -> the headers that name it (compared lower-case, spaces collapsed)
HEADERS: dict[str, tuple[str, ...]] = {
    "number": ("№", "№ п/п", "n п/п", "no", "no.", "number", "номер", "#"),
    "direction": ("направление", "direction", "sector", "направление сотрудничества"),
    "title": (
        "мероприятие",
        "measure",
        "наименование мероприятия",
        "содержание мероприятия",
        "мероприятия",
        "title",
    ),
    "due": ("срок", "срок исполнения", "сроки исполнения", "срок реализации", "due", "deadline"),
    "expected_result": ("ожидаемый результат", "expected result", "результат", "ожидаемые результаты"),
    "status": ("статус", "status"),
    "note": ("примечание", "note", "notes", "ход исполнения", "информация о ходе исполнения"),
}
REQUIRED = ("number", "direction", "title", "due")
RESPONSIBLE_WORDS = (
    r"ответственные исполнители|ответственный исполнитель|ответственные|ответственный|исполнители|responsible"
)
#: «Ответственные (BY)», «Ответственные исполнители (Республика Беларусь)»
RESPONSIBLE = re.compile(rf"^(?:{RESPONSIBLE_WORDS})\s*(?:от\s+)?\(?\s*([^()]+?)\s*\)?$", re.I)
#: a header cell that announces one responsible column per party in the row below
RESPONSIBLE_GROUP = re.compile(rf"^(?:{RESPONSIBLE_WORDS})$", re.I)
#: the number a ministry puts before a direction heading: «1.», «I.», «Раздел 2.»
HEADING_NUMBER = re.compile(r"^(?:раздел|section)?\s*(?:\d+|[IVXLC]+)[.)]?\s+", re.I)
#: how many rows above the header may hold titles and captions
HEADER_SEARCH_ROWS = 15

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


@dataclass(slots=True)
class MeasureRow:
    row: int
    number: str
    direction: str
    title: str
    due: Due
    #: party as the header names it (a code such as BY, or a country's name) -> bodies
    responsible: dict[str, list[str]]
    expected_result: str | None
    status: MeasureStatus | None
    note: str | None


@dataclass
class Layout:
    """Where each column is, found from the header."""

    row: int
    columns: dict[str, int]
    #: party as the header names it -> column index
    parties: dict[str, int]
    names: dict[int, str]
    #: the header rows' cells, to recognise the header repeated on a later page
    repeats: list[list[str]] = field(default_factory=list)

    def label(self, column: str) -> str:
        index = self.columns[column]
        return f"{self.names[index]} ({column_letter(index)})"


@dataclass
class ParsedTable:
    rows: list[MeasureRow] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    problems: list[TableProblem] = field(default_factory=list)


def _key(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def _header_columns(cells: list[str]) -> tuple[dict[str, int], dict[str, int], list[int]]:
    """Known columns, party columns, and responsible groups waiting for their parties below."""
    columns: dict[str, int] = {}
    parties: dict[str, int] = {}
    groups: list[int] = []
    for index, cell in enumerate(cells):
        key = _key(cell)
        if not key:
            continue
        for name, names in HEADERS.items():
            if key in names and name not in columns:
                columns[name] = index
        if RESPONSIBLE_GROUP.match(key):
            groups.append(index)
        elif match := RESPONSIBLE.match(" ".join(cell.split())):
            party = match[1].strip()
            parties.setdefault(party.upper() if len(party) == 2 else party, index)
    return columns, parties, groups


def _sub_header(header: list[str], below: list[str], groups: list[int]) -> dict[str, int]:
    """Party columns named in the row under a «Ответственные исполнители» group cell.

    The group spans its own column and the next ones whose header is empty or the
    same text (a merged cell); each of them names one party in the row below.
    """
    parties: dict[str, int] = {}
    for start in groups:
        index = start
        while index < len(header) and (index == start or not header[index] or header[index] == header[start]):
            name = below[index].strip() if index < len(below) else ""
            if name and name != header[start]:
                parties.setdefault(name.upper() if len(name) == 2 else name, index)
            index += 1
    return parties


def _is_column_numbers(cells: list[str]) -> bool:
    """The row of 1, 2, 3 … official tables put under the header."""
    filled = [c for c in cells if c]
    return (
        len(filled) >= 3
        and all(c.isdigit() for c in filled)
        and [int(c) for c in filled] == sorted(int(c) for c in filled)
        and len(set(filled)) == len(filled)
        and int(filled[0]) == 1
    )


def find_layout(rows: list[SheetRow]) -> Layout | None:
    """The header among the first rows (title rows above it are allowed): where each column is."""
    for position, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns, parties, groups = _header_columns(row.cells)
        if "number" not in columns or "title" not in columns:
            continue
        names = {index: row.cells[index] for index in columns.values()}
        repeats = [row.cells]
        last = row.number
        if groups and position + 1 < len(rows):
            below = rows[position + 1]
            found = _sub_header(row.cells, below.cells, groups)
            if found:
                parties.update(found)
                repeats.append(below.cells)
                last = below.number
        for party, index in parties.items():
            names[index] = responsible_header(party)
        return Layout(last, columns, parties, names, repeats)
    return None


def _direction_heading(row: SheetRow, layout: Layout) -> str | None:
    """The direction a row spanning the table names, when the table has no direction column."""
    if "direction" in layout.columns:
        return None
    number_index = layout.columns["number"]
    texts = {c for i, c in enumerate(row.cells) if c and i != number_index}
    if len(texts) != 1:
        return None
    (text,) = texts
    title_index = layout.columns["title"]
    if title_index >= len(row.cells) or row.cells[title_index] != text:
        return None
    due_index = layout.columns.get("due")
    if due_index is not None and due_index < len(row.cells) and row.cells[due_index] not in ("", text):
        return None
    number = row.cells[number_index] if number_index < len(row.cells) else ""
    if number and number != text and not re.fullmatch(r"(?:\d+|[IVXLC]+)\.?", number):
        return None
    return HEADING_NUMBER.sub("", text).strip() or None


def open_table(
    rows: Iterable[SheetRow], problems: list[TableProblem]
) -> tuple[Layout | None, Iterator[SheetRow]]:
    """The table's layout from its header, and the rows below it; header problems go to `problems`."""
    stream = iter(rows)
    head: list[SheetRow] = []
    for row in stream:
        head.append(row)
        if len(head) > HEADER_SEARCH_ROWS:
            break
    layout = find_layout(head)
    if layout is None:
        problems.append(
            TableProblem(None, None, "no header row with the columns № and Мероприятие (Measure)")
        )
        return None, iter(())
    for name in REQUIRED:
        if name not in layout.columns and name != "direction":  # directions may come as heading rows
            problems.append(TableProblem(layout.row, EXPORT_HEADERS[name], "this required column is missing"))
    if not layout.parties:
        problems.append(
            TableProblem(
                layout.row, "Ответственные (XX)", "no responsible column such as «Ответственные (BY)»"
            )
        )
    below = layout.row

    def rest() -> Iterator[SheetRow]:
        yield from (r for r in head if r.number > below)
        yield from stream

    return layout, rest()


def _filled(cells: list[str]) -> list[str]:
    return [c for c in cells if c]


def measure_rows(
    layout: Layout, rows: Iterable[SheetRow], problems: list[TableProblem]
) -> Iterator[MeasureRow]:
    """Every measure row below the header as a MeasureRow, one at a time; problems go to `problems`.

    A caller must not keep what it made of the rows when `problems` is not empty at the end.
    """
    repeats = [_filled(cells) for cells in layout.repeats]
    seen: dict[str, int] = {}
    direction: str | None = None
    found = False
    after_header = True
    for row in rows:
        if not any(row.cells):
            continue
        if _filled(row.cells) in repeats or (after_header and _is_column_numbers(row.cells)):
            after_header = True  # the header repeated on a new page, and its column numbers
            continue
        after_header = False
        heading = _direction_heading(row, layout)
        if heading is not None:
            direction = heading
            continue
        if direction is None and "direction" not in layout.columns:
            problems.append(
                TableProblem(
                    layout.row,
                    EXPORT_HEADERS["direction"],
                    "this required column is missing (nor does a row spanning the table name the direction "
                    f"of the measures below it, as row {row.number} would need)",
                )
            )
            return
        parsed = _parse_row(row, layout, direction, problems)
        if parsed is None:
            continue
        if parsed.number in seen:
            problems.append(
                TableProblem(
                    row.number,
                    layout.label("number"),
                    f"measure {parsed.number} is already on row {seen[parsed.number]}",
                )
            )
            continue
        seen[parsed.number] = row.number
        found = True
        yield parsed
    if not found and not problems:
        problems.append(TableProblem(None, None, "the table has a header but no measures"))


def parse_table(rows: Iterable[SheetRow]) -> ParsedTable:
    """Every data row as a MeasureRow, or the problems found; never a partial answer."""
    result = ParsedTable()
    layout, below = open_table(rows, result.problems)
    if layout is None or result.problems:
        return result
    result.parties = list(layout.parties)
    result.rows = list(measure_rows(layout, below, result.problems))
    if result.problems:
        result.rows = []
    return result


def _parse_row(
    row: SheetRow, layout: Layout, heading: str | None, problems: list[TableProblem]
) -> MeasureRow | None:
    columns = layout.columns

    def cell(index: int | None) -> str:
        return row.cells[index].strip() if index is not None and index < len(row.cells) else ""

    def problem(column: str, reason: str) -> None:
        label = layout.label(column) if column in columns else EXPORT_HEADERS[column]
        problems.append(TableProblem(row.number, label, reason))

    before = len(problems)
    number = ""
    try:
        number = normalise_number(cell(columns["number"]))
    except ValueError as exc:
        problem("number", str(exc) if cell(columns["number"]) else "the measure number is empty")
    direction = cell(columns["direction"]) if "direction" in columns else heading or ""
    if not direction:
        if "direction" in columns:
            problem("direction", "the direction is empty")
        else:
            problem(
                "direction",
                "no direction: the table has no direction column and no direction row above this one",
            )
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
        responsible={party: split_names(cell(index)) for party, index in layout.parties.items()},
        expected_result=cell(columns.get("expected_result")) or None,
        status=status,
        note=cell(columns.get("note")) or None,
    )
