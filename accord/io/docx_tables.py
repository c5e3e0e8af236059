"""Tables and numbered paragraphs of a Word document, as the table reader and the protocol reader need them.

Ministries send roadmaps as Word tables: cells merged across the table (a
direction heading) or down it (one direction for several measures) give their
text to every cell they cover; a cell of several paragraphs is one text with a
line per paragraph; a measure number Word draws itself (list numbering) is put in
its cell as the reader sees it. A table continued on the next page as a table of
its own is read on as one (same columns), and a column empty from top to bottom
(a stray one) is left out. Rows are counted from the first row of the first table.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from accord.io.table_files import MAX_CELL_CHARS, SheetRow, TableFileError, column_letter

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: a table narrower than this is a layout table (signatures, an approval block), not data
MIN_COLUMNS = 3
ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]


def open_document(data: bytes, name: str):  # type: ignore[no-untyped-def]  # python-docx's Document
    from docx import Document

    try:
        return Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise TableFileError(f"{name} is not a readable Word document: {exc}") from None
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds for a broken package
        raise TableFileError(f"{name} is not a readable Word document: {exc}") from None


def _roman(number: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out


def _format(number: int, kind: str) -> str:
    if kind == "upperRoman":
        return _roman(number)
    if kind == "lowerRoman":
        return _roman(number).lower()
    if kind in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (number - 1) % 26)
        return letter if kind == "upperLetter" else letter.lower()
    return str(number)


@dataclass
class _Level:
    start: int
    text: str
    kind: str


def _style_numbering(document) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Paragraph styles that number their paragraphs («List Number»): style id -> its numPr."""
    found: dict[str, object] = {}
    styles = {s.get(f"{W}styleId", ""): s for s in document.styles.element.findall(f"{W}style")}
    for style_id in styles:
        current, seen = styles.get(style_id), set()
        while current is not None and style_id not in found and id(current) not in seen:
            seen.add(id(current))
            num_pr = current.find(f"{W}pPr/{W}numPr")
            if num_pr is not None and num_pr.find(f"{W}numId") is not None:
                found[style_id] = num_pr
                break
            based = current.find(f"{W}basedOn")
            current = styles.get(based.get(f"{W}val", "")) if based is not None else None
    return found


class ListNumbers:
    """The numbers Word draws before list paragraphs («1.», «2.3.»), computed in document order."""

    def __init__(self, document) -> None:  # type: ignore[no-untyped-def]
        self.levels: dict[str, dict[int, _Level]] = {}
        self.abstract_of: dict[str, str] = {}
        #: paragraph element -> its label; holding the element keeps lxml's proxy (and its identity) alive
        self.labels: dict[object, str] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstracts: dict[str, dict[int, _Level]] = {}
        for abstract in numbering.findall(f"{W}abstractNum"):
            levels = {}
            for lvl in abstract.findall(f"{W}lvl"):
                start = lvl.find(f"{W}start")
                text = lvl.find(f"{W}lvlText")
                kind = lvl.find(f"{W}numFmt")
                levels[int(lvl.get(f"{W}ilvl", "0"))] = _Level(
                    int(start.get(f"{W}val", "1")) if start is not None else 1,
                    text.get(f"{W}val", "") if text is not None else "",
                    kind.get(f"{W}val", "decimal") if kind is not None else "decimal",
                )
            abstracts[abstract.get(f"{W}abstractNumId", "")] = levels
        for num in numbering.findall(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            if ref is not None:
                abstract_id = ref.get(f"{W}val", "")
                self.abstract_of[num.get(f"{W}numId", "")] = abstract_id
                self.levels[num.get(f"{W}numId", "")] = abstracts.get(abstract_id, {})
        styled = _style_numbering(document)
        counters: dict[str, list[int]] = {}
        for paragraph in document.element.body.iter(f"{W}p"):
            num_pr = paragraph.find(f"{W}pPr/{W}numPr")
            if num_pr is None:
                style = paragraph.find(f"{W}pPr/{W}pStyle")
                num_pr = styled.get(style.get(f"{W}val", "")) if style is not None else None
            if num_pr is None:
                continue
            num_id = num_pr.find(f"{W}numId")
            ilvl = num_pr.find(f"{W}ilvl")
            if num_id is None:
                continue
            num = num_id.get(f"{W}val", "")
            level = int(ilvl.get(f"{W}val", "0")) if ilvl is not None else 0
            levels = self.levels.get(num, {})
            if num == "0" or level not in levels or levels[level].kind in ("bullet", "none"):
                continue
            counter = counters.setdefault(self.abstract_of.get(num, num), [0] * 9)
            counter[level] = counter[level] + 1 if counter[level] else levels[level].start
            for deeper in range(level + 1, 9):
                counter[deeper] = 0
            label = levels[level].text
            for k in range(level + 1):
                value = counter[k] or (levels[k].start if k in levels else 1)
                label = label.replace(
                    f"%{k + 1}", _format(value, levels[k].kind if k in levels else "decimal")
                )
            self.labels[paragraph] = label

    def label(self, paragraph) -> str:  # type: ignore[no-untyped-def]
        return self.labels.get(paragraph._p if hasattr(paragraph, "_p") else paragraph, "")


def paragraph_text(paragraph, numbers: ListNumbers) -> str:  # type: ignore[no-untyped-def]
    """A paragraph's text with the number Word draws before it, if any."""
    label = numbers.label(paragraph)
    text = paragraph.text.strip()
    return f"{label} {text}".strip() if label else text


def _cell_text(cell, numbers: ListNumbers) -> str:  # type: ignore[no-untyped-def]
    """A cell's paragraphs, one per line; a list number alone in its cell is kept as the cell's text."""
    lines = [p.text.strip() for p in cell.paragraphs]
    text = "\n".join(line for line in lines if line)
    if not text and cell.paragraphs:
        return numbers.label(cell.paragraphs[0]).strip()
    return text


def _table_rows(table, numbers: ListNumbers) -> list[list[str]]:  # type: ignore[no-untyped-def]
    rows = [[_cell_text(cell, numbers) for cell in row.cells] for row in table.rows]
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    # a column empty top to bottom (rows spanning the whole table aside) is a stray
    spanning = [r for r in rows if len(set(r)) > 1]
    keep = [i for i in range(width) if any(r[i] for r in spanning)] if spanning else list(range(width))
    return [[r[i] for i in keep] for r in rows]


def document_tables(document, numbers: ListNumbers) -> list[list[list[str]]]:  # type: ignore[no-untyped-def]
    """Every top-level table of the document as rows of cell texts."""
    return [_table_rows(table, numbers) for table in document.tables]


def data_rows(tables: list[list[list[str]]]) -> list[list[str]]:
    """The data table and its continuations: the first table wide enough, then each next one as wide."""
    rows: list[list[str]] = []
    width = None
    for table in tables:
        this = max((len(r) for r in table), default=0)
        if width is None:
            if this >= MIN_COLUMNS:
                width = this
                rows.extend(table)
        elif this == width:
            rows.extend(table)
        else:
            break
    return rows


def docx_rows(data: bytes, name: str) -> Iterator[SheetRow]:
    """The rows of the document's data table (see the module's description)."""
    document = open_document(data, name)
    try:
        numbers = ListNumbers(document)
        rows = data_rows(document_tables(document, numbers))
    except Exception as exc:  # noqa: BLE001 - a damaged document fails in many ways while it is read
        raise TableFileError(f"{name} is not a readable Word document: {exc}") from None
    if not rows:
        raise TableFileError(f"{name} holds no table (a roadmap is read from a Word table)")
    for number, cells in enumerate(rows, start=1):
        for index, text in enumerate(cells):
            if len(text) > MAX_CELL_CHARS:
                raise TableFileError(
                    f"{name}: row {number}, column {column_letter(index)}: the cell holds {len(text):,} characters; "
                    f"a table cell holds at most {MAX_CELL_CHARS:,}"
                )
        yield SheetRow(number, [re.sub(r"[ \t]+", " ", c).strip() for c in cells])
