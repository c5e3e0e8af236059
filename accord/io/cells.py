"""Cell values going into and out of spreadsheets: text, numbers, and no cell ever run as a formula.

A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula
to Excel and LibreOffice when they open a CSV file (OWASP, "CSV injection"). In a
CSV we prefix such a cell with an apostrophe, which both show as text; in an
XLSX we store it as a string cell, which neither evaluates. The reader takes the
apostrophe off again, so an export imports back unchanged.

A real value that itself begins with an apostrophe and then one of those
characters (or a second apostrophe) gets one more apostrophe on the way out, so
that taking one off on the way in gives the value back: `guard` and `unguard`
are exact inverses.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

#: what makes a spreadsheet read a CSV cell as a formula
TRIGGERS = frozenset("=+-@\t\r")
PREFIX = "'"


def _escaped(text: str) -> bool:
    """Whether `text` is a prefix followed by something the prefix protects."""
    return len(text) > 1 and text[0] == PREFIX and (text[1] in TRIGGERS or text[1] == PREFIX)


def guard_csv(text: str) -> str:
    """A value as it is written into a CSV cell: never a formula, read back by `unguard`."""
    if text and (text[0] in TRIGGERS or _escaped(text)):
        return PREFIX + text
    return text


def guard_xlsx(text: str) -> str:
    """A value as it is written into an XLSX string cell (which is never a formula by itself).

    Only a value that looks escaped gets the prefix, so that one saved from a CSV
    export by a spreadsheet reads back the same as one written here.
    """
    return PREFIX + text if _escaped(text) else text


def unguard(text: str) -> str:
    """The value behind a cell written by `guard_csv` or `guard_xlsx` (other text unchanged)."""
    return text[1:] if _escaped(text) else text


def _keep_text(cell: Cell, value: str) -> None:
    """openpyxl turns a string beginning with `=` into a formula: make it a string cell again.

    Excel's quote prefix keeps the cell text when someone edits it later.
    """
    if cell.data_type == "f":
        cell.data_type = "s"
    if value[:1] in TRIGGERS:
        cell.quotePrefix = True


def text_cell(cell: Cell, value: Any, readable: bool = True) -> Cell:
    """Store `value` in `cell`; text is stored as a string cell, never as a formula.

    `readable`: the workbook is one accord reads back (an export), so text that
    looks escaped is escaped once more (`guard_xlsx`); a report is only read by people.
    """
    if isinstance(value, str):
        cell.value = guard_xlsx(value) if readable else value
        _keep_text(cell, value)
    else:
        cell.value = value
    return cell


def append_row(sheet: Worksheet, values: Iterable[Any], readable: bool = True) -> None:
    """`sheet.append(values)`, with text stored as text (`readable` as for `text_cell`)."""
    values = list(values)
    sheet.append([guard_xlsx(v) if readable and isinstance(v, str) else v for v in values])
    if values:
        for cell, value in zip(sheet[sheet.max_row], values, strict=False):
            if isinstance(value, str):
                _keep_text(cell, value)


def cell_text(value: object) -> str:
    """An XLSX cell as the text a CSV would have held: dates as YYYY-MM-DD, whole floats without `.0`."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()


def parse_decimal(text: str) -> Decimal:
    """`1234.5`, `1 234,5`, `1,234.5`, `1.234,5` → Decimal; raises ValueError with the reason.

    With both separators the last one is the decimal point; a lone comma is a
    decimal comma (what a Russian-locale spreadsheet writes).
    """
    raw = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if not raw:
        raise ValueError("empty")
    if "," in raw and "." in raw:
        if raw.rfind(",") > raw.rfind("."):
            raw = raw.replace(".", "").replace(",", ".")
        else:
            raw = raw.replace(",", "")
    elif "," in raw:
        if raw.count(",") > 1:
            raise ValueError(f"not a number: {text!r}")
        raw = raw.replace(",", ".")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValueError(f"not a number: {text!r}") from None
    if not value.is_finite():
        raise ValueError(f"not a number: {text!r}")
    return value
