"""Reading tables from the files ministries pass around: .xlsx and .csv (any usual dialect).

Rows keep the number the spreadsheet shows, so every error can name it.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from charset_normalizer import from_bytes


class TableFileError(ValueError):
    """The file cannot be read as a table at all."""


@dataclass(frozen=True)
class SheetRow:
    number: int  # as the spreadsheet shows it (1-based, header rows included)
    cells: list[str]


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) first, else what charset-normalizer finds (cp1251 from Russian Excel)."""
    if b"\x00" in data[:4096]:
        raise TableFileError(f"{name} is not a text table (it contains binary data)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise TableFileError(f"{name}: cannot tell the text encoding")
    return str(best)


def read_csv(data: bytes, name: str) -> list[SheetRow]:
    text = decode(data, name)
    sample = text[:8192]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    rows = []
    for record in reader:
        rows.append(SheetRow(reader.line_num, [c.strip() for c in record]))
    return rows


def read_xlsx(data: bytes, name: str) -> list[SheetRow]:
    from openpyxl import load_workbook

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TableFileError(f"{name} is not an .xlsx workbook")
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for broken files
        raise TableFileError(f"{name} is not a readable .xlsx workbook: {exc}") from None
    sheet = book.worksheets[0]
    rows = []
    for index, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        rows.append(SheetRow(index, [cell_text(v) for v in values]))
    book.close()
    return rows


def read_table(path: Path) -> list[SheetRow]:
    """All rows of the first sheet of an .xlsx, or of a .csv."""
    if not path.exists():
        raise TableFileError(f"{path}: no such file")
    data = path.read_bytes()
    if not data.strip():
        raise TableFileError(f"{path} is empty")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return read_xlsx(data, str(path))
    if suffix in (".csv", ".txt"):
        return read_csv(data, str(path))
    raise TableFileError(f"{path}: use an .xlsx or .csv file (got {suffix or 'no extension'})")


def column_letter(index: int) -> str:
    """0 -> A, 26 -> AA: how a spreadsheet names a column."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
