"""A commission protocol's numbered decisions, read from a Word document into plain rows.

Two shapes are read. A table «№ | Решение (Поручение) | Ответственные | Срок»,
as for the roadmap. Or, as most protocols are written, paragraphs after
«РЕШИЛИ:» («Комиссия решила:», «Стороны договорились:»): each decision begins with
its number (typed, «1.» «2.3.», or drawn by Word's list numbering); the lines
«Ответственные: …» and «Срок: …» (also «Срок – до 31 декабря 2026 г.» at the end
of the text) give its bodies and deadline; other paragraphs continue its text.
The block ends at the signatures.

Deadlines: `31.12.2026`, `31 декабря 2026 г.`, `до 1 июля 2026 года`, `IV квартал
2026 года`, `2026 год`, `постоянно`, or none. Bodies: one per line, or separated by
`;`, or by commas before a capital letter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from accord.domain.due import DueError, parse_due
from accord.domain.numbering import normalise_number
from accord.io.docx_tables import ListNumbers, data_rows, document_tables, open_document, paragraph_text
from accord.io.problems import TableProblem
from accord.io.table_files import TableFileError, column_letter

MONTHS = {
    "января": 1,
    "февраля": 2,
    "марта": 3,
    "апреля": 4,
    "мая": 5,
    "июня": 6,
    "июля": 7,
    "августа": 8,
    "сентября": 9,
    "октября": 10,
    "ноября": 11,
    "декабря": 12,
}
DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})\s+([а-яё]+)\s+(\d{4})$", re.I)
#: words around a deadline that say nothing of its date
DUE_NOISE = re.compile(
    r"^(?:в\s+срок\s+до|не\s+позднее|в\s+течение|до)\s+|\s*(?:г\.|гг\.|года|год)\s*\.?$|\.$", re.I
)
MARKER = re.compile(
    r"^(?:(?:комиссия|стороны|заседание|участники)\s+)?(?:решила|решили|постановила|постановили|"
    r"договорились|приняла\s+решения?|приняли\s+решения?)\s*:?\s*$",
    re.I,
)
NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)[.)]?\s+(.*)$", re.S)
FIELD = re.compile(
    r"^(ответственные(?:\s+исполнители)?|ответственный(?:\s+исполнитель)?|исполнители|исполнитель|срок(?:\s+исполнения)?)"
    r"\s*[:–—-]\s*(.*)$",
    re.I | re.S,
)
#: «… Срок – до 31 декабря 2026 г.» at the end of a decision's text
TRAILING_DUE = re.compile(r"^(.*?)[.;,]?\s+срок(?:\s+исполнения)?\s*[:–—-]\s*(.+)$", re.I | re.S)
STOP = re.compile(
    r"^(?:сопредседател|председател|от\s+(?:республики|кыргызской|правительства)|за\s+правительство|"
    r"подписи|совершено\s+в|по\s+\S+\s+вопросу|повестка)",
    re.I,
)
HEADERS: dict[str, tuple[str, ...]] = {
    "number": ("№", "№ п/п", "n п/п", "no", "номер"),
    "text": (
        "решение",
        "решения",
        "поручение",
        "поручения",
        "содержание решения",
        "содержание поручения",
        "принятые решения",
        "decision",
    ),
    "bodies": (
        "ответственные",
        "ответственные исполнители",
        "ответственный",
        "ответственный исполнитель",
        "исполнители",
        "исполнитель",
        "responsible",
    ),
    "due": ("срок", "срок исполнения", "сроки", "due", "deadline"),
}


@dataclass
class ProtocolDecision:
    number: str
    text: str
    bodies: list[str]
    due_on: date | None
    #: where it stands in the document, for messages: «paragraph 14» or «row 3»
    where: str


@dataclass
class Protocol:
    decisions: list[ProtocolDecision] = field(default_factory=list)
    problems: list[TableProblem] = field(default_factory=list)


def parse_deadline(text: str) -> date | None:
    """The last day a protocol's deadline allows, or None for none or «постоянно»; DueError if unreadable."""
    raw = " ".join(text.split()).strip()
    previous = None
    while raw and raw != previous:
        previous, raw = raw, DUE_NOISE.sub("", raw).strip()
    if not raw:
        return None
    if m := DAY_MONTH_YEAR.match(raw):
        month = MONTHS.get(m[2].lower().replace("ё", "е"))
        if month is None:
            raise DueError(f"{text.strip()!r} is not a date: {m[2]!r} is not a month")
        try:
            return date(int(m[3]), month, int(m[1]))
        except ValueError as exc:
            raise DueError(f"{text.strip()!r} is not a real date ({exc})") from None
    try:
        return parse_due(raw).on
    except DueError:
        raise DueError(
            f"{text.strip()!r} is not a deadline: use 31.12.2026, 31 декабря 2026 г., IV квартал 2026, 2026 "
            "or постоянно"
        ) from None


def split_bodies(text: str) -> list[str]:
    """Bodies one per line, or separated by `;`, or by a comma before a capital letter («…, Министерство …»)."""
    parts = re.split(r"[;\n]|,\s*(?=[A-ZА-ЯЁ«\"])", text)
    return [" ".join(p.split()).strip(" .") for p in parts if p.strip(" .")]


def _key(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def _header(rows: list[list[str]]) -> tuple[int, dict[str, int]] | None:
    """The row that names a number and a decision column, and where each known column is."""
    for position, cells in enumerate(rows[:10]):
        columns: dict[str, int] = {}
        for index, cell in enumerate(cells):
            for name, names in HEADERS.items():
                if _key(cell) in names and name not in columns:
                    columns[name] = index
        if "number" in columns and "text" in columns:
            return position, columns
    return None


def _from_table(rows: list[list[str]]) -> Protocol | None:
    """Decisions from a table whose header names a number and a decision column; None without one."""
    found = _header(rows)
    if found is None:
        return None
    position, columns = found
    protocol = Protocol()
    header = [_key(c) for c in rows[position]]

    def cell(cells: list[str], name: str) -> str:
        index = columns.get(name)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    labels = {name: f"{rows[position][index]} ({column_letter(index)})" for name, index in columns.items()}
    for number, cells in enumerate(rows[position + 1 :], start=position + 2):
        if not any(cells) or [_key(c) for c in cells] == header or len(set(cells)) == 1:
            continue  # blank, the header repeated on a new page, a row spanning the table
        if (
            all(c.isdigit() for c in cells if c)
            and cell(cells, "number") == "1"
            and cell(cells, "text") == "2"
        ):
            continue  # the row of column numbers
        fields = {name: cell(cells, name) for name in HEADERS}
        _decision(fields, f"row {number}", protocol, number, labels)
    return protocol


def _decision(
    fields: dict[str, str],
    where: str,
    protocol: Protocol,
    row: int | None = None,
    labels: dict[str, str] | None = None,
) -> None:
    """One decision checked; a problem names the table row and column, or the paragraph."""

    def problem(column: str | None, message: str) -> None:
        if row is None:
            protocol.problems.append(TableProblem(None, None, f"{where}: {message}"))
        else:
            protocol.problems.append(TableProblem(row, (labels or {}).get(column or "", column), message))

    before = len(protocol.problems)
    number_text = fields.get("number", "")
    number = ""
    try:
        number = normalise_number(number_text)
    except ValueError:
        problem(
            "number", f"{number_text!r} is not a decision number" if number_text else "the number is empty"
        )
    text = fields.get("text", "").strip()
    if not text:
        problem("text", f"decision {number_text} has no text")
    due_on = None
    try:
        due_on = parse_deadline(fields.get("due", ""))
    except DueError as exc:
        problem("due", f"decision {number_text}: {exc}")
    if len(protocol.problems) > before:
        return
    first = next((d for d in protocol.decisions if d.number == number), None)
    if first is not None:
        problem("number", f"decision {number} is numbered twice (first at {first.where})")
        return
    protocol.decisions.append(
        ProtocolDecision(number, text, split_bodies(fields.get("bodies", "")), due_on, where)
    )


@dataclass
class _Open:
    number: str
    where: str
    lines: list[str] = field(default_factory=list)
    bodies: str = ""
    due: str = ""


def _from_paragraphs(paragraphs: list[str]) -> Protocol:
    protocol = Protocol()
    inside = False
    current: _Open | None = None

    def close() -> None:
        nonlocal current
        if current is None:
            return
        text = "\n".join(current.lines)
        if not current.due and (m := TRAILING_DUE.match(text)):
            text, current.due = m[1], m[2]
        _decision(
            {"number": current.number, "text": text, "bodies": current.bodies, "due": current.due},
            current.where,
            protocol,
        )
        current = None

    for position, text in enumerate(paragraphs, start=1):
        line = text.strip()
        if not line:
            continue
        if MARKER.match(line):
            close()
            inside = True
            continue
        if not inside:
            continue
        if STOP.match(line):
            close()
            inside = False
            continue
        if m := NUMBERED.match(line):
            close()
            current = _Open(m[1], f"paragraph {position}", [m[2].strip()])
            continue
        if current is None:
            continue
        if m := FIELD.match(line):
            if m[1].lower().startswith("срок"):
                current.due = m[2]
            else:
                current.bodies = f"{current.bodies}\n{m[2]}" if current.bodies else m[2]
            continue
        current.lines.append(line)
    close()
    return protocol


def read_protocol(data: bytes, name: str) -> Protocol:
    """The decisions of a protocol in Word (a table of decisions, else the paragraphs after «РЕШИЛИ:»)."""
    document = open_document(data, name)
    try:
        numbers = ListNumbers(document)
        tables = data_rows(document_tables(document, numbers))
        paragraphs = [paragraph_text(p, numbers) for p in document.paragraphs]
    except Exception as exc:  # noqa: BLE001 - a damaged document fails in many ways while it is read
        raise TableFileError(f"{name} is not a readable Word document: {exc}") from None
    protocol = _from_table(tables)
    if protocol is None:
        protocol = _from_paragraphs(paragraphs)
    if not protocol.decisions and not protocol.problems:
        protocol.problems.append(
            TableProblem(
                None,
                None,
                f"{name}: no decisions found: a protocol lists them numbered after «РЕШИЛИ:» "
                "(or in a table «№ | Решение | Ответственные | Срок»)",
            )
        )
    return protocol
