"""Reading the tables people actually send: CSV in UTF-8 or cp1251, `,` or `;` separated, and XLSX.

Excel in a Russian locale saves CSV in cp1251 with `;` between fields and a
decimal comma; both that and plain UTF-8 CSV are read the same way.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path


class TableError(ValueError):
    """The file as a whole cannot be read as a table."""


@dataclass
class Table:
    columns: list[str]
    #: (row number as the user sees it in the file, values by lower-case column name)
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)

    def missing(self, required: list[str]) -> list[str]:
        return [c for c in required if c not in self.columns]


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) when it decodes, else cp1251."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1251")
    except UnicodeDecodeError as exc:  # a byte cp1251 leaves undefined (0x98): neither encoding
        raise TableError(f"the file is neither UTF-8 nor cp1251 text (byte {exc.start + 1} cannot be read)") from None


def delimiter_of(header: str) -> str:
    counts = {d: header.count(d) for d in (";", "\t", ",")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def norm_header(name: object) -> str:
    return str(name or "").strip().strip("\ufeff").lower()


def read_csv_text(text: str) -> Table:
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise TableError("the file is empty or has no header row")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter_of(lines[0]))
    try:
        header = [norm_header(h) for h in next(reader)]
        table = Table(header)
        for number, values in enumerate(reader, start=2):
            if not any(v.strip() for v in values):
                continue
            row = {name: (values[i].strip() if i < len(values) else "") for i, name in enumerate(header)}
            table.rows.append((number, row))
    except csv.Error as exc:  # a stray quote or line break the CSV rules do not allow
        raise TableError(f"line {reader.line_num}: not readable as CSV ({exc})") from None
    return table


def cell_text(value: object) -> str:
    """An XLSX cell as the text a CSV would have held (dates as YYYY-MM-DD)."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()


def read_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise TableError(f"not a readable XLSX workbook: {exc}") from exc
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        first = next(rows, None)
        if not first:
            raise TableError("the first sheet is empty")
        header = [norm_header(h) for h in first]
        table = Table(header)
        for number, values in enumerate(rows, start=2):
            texts = [cell_text(v) for v in values]
            if not any(texts):
                continue
            table.rows.append((number, {n: (texts[i] if i < len(texts) else "") for i, n in enumerate(header) if n}))
        return table
    finally:
        book.close()


def read_table(path: Path) -> Table:
    """A CSV or XLSX file as rows of text, by the file's extension."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    return read_csv_text(decode(path.read_bytes()))


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
