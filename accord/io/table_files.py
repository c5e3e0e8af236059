"""Reading tables from the files ministries pass around: .xlsx, .csv (any usual dialect), .docx.

The one reader for roadmap, trade and rate files. Rows keep the number a
spreadsheet shows (1-based, header rows included), so every error can name it;
cells come back as stripped text with the export's formula guard taken off
(`accord.io.cells`). Rows are yielded one at a time, so a large file is never
held whole as Python objects.

Whatever is wrong with the file itself (a folder, an empty or binary file, a
workbook named .csv, a cell longer than a spreadsheet allows) is a
`TableFileError` naming the file, and the row and column where there is one.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from accord.io.cells import cell_text, unguard

#: Excel's own limit for the text of one cell; anything longer is not a spreadsheet cell
MAX_CELL_CHARS = 32_767
#: the largest file read at all (a 200,000-measure roadmap is about 60 MB as CSV)
MAX_FILE_BYTES = 256 * 1024 * 1024

TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
DOCX_SUFFIXES = (".docx",)
KINDS = {"csv": "a CSV text", "xlsx": "an Excel workbook (.xlsx)", "docx": "a Word document (.docx)"}


class TableFileError(ValueError):
    """The file cannot be read as a table at all."""


@dataclass(frozen=True, slots=True)
class SheetRow:
    number: int  # as the spreadsheet shows it (1-based, header rows included)
    cells: list[str]


def column_letter(index: int) -> str:
    """0 -> A, 26 -> AA: how a spreadsheet names a column."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def check_path(path: Path) -> None:
    """Refuse what is not one readable file of a size we read: a folder, a missing or empty file."""
    name = str(path)
    if not path.exists():
        raise TableFileError(f"{name}: no such file" + (" (a broken link)" if path.is_symlink() else ""))
    if path.is_dir():
        raise TableFileError(f"{name} is a folder, not a file: give one .xlsx, .csv or .docx file")
    if not path.is_file():
        raise TableFileError(f"{name} is not a regular file")
    size = path.stat().st_size
    if size == 0:
        raise TableFileError(f"{name} is empty")
    if size > MAX_FILE_BYTES:
        raise TableFileError(
            f"{name} is {size // 2**20} MB; files over {MAX_FILE_BYTES // 2**20} MB are not read (split the table)"
        )
    if not os.access(path, os.R_OK):
        raise TableFileError(f"{name}: no permission to read it")


def load(path: Path) -> bytes:
    """The file's bytes, or an error saying why it is not a file that can be read."""
    check_path(path)
    try:
        data = path.read_bytes()
    except PermissionError:
        raise TableFileError(f"{path}: no permission to read it") from None
    except OSError as exc:
        raise TableFileError(f"{path} cannot be read: {exc.strerror or exc}") from None
    if not data.strip():
        raise TableFileError(f"{path} is empty")
    return data


def content_kind(data: bytes) -> str:
    """What the bytes are, whatever the file is called: xlsx, docx, csv, or a named foreign format."""
    if data[:4] == b"PK\x03\x04":
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            return "a damaged zip archive"
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "word/document.xml" in names:
            return "docx"
        return "a zip archive"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "an old Office 97–2003 file (.xls or .doc): save it as .xlsx or .docx"
    if data[:5] == b"%PDF-":
        return "a PDF document"
    if data[:4] in (b"\x89PNG", b"GIF8") or data[:3] == b"\xff\xd8\xff":
        return "an image"
    return "csv"


def expected_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return "xlsx"
    if suffix in DOCX_SUFFIXES:
        return "docx"
    if suffix in TEXT_SUFFIXES:
        return "csv"
    raise TableFileError(f"{path}: use an .xlsx, .csv or .docx file (got {suffix or 'no extension'})")


def check_kind(path: Path, data: bytes) -> str:
    """The kind to read `path` as; a file whose content is not what its name says is refused."""
    wanted = expected_kind(path)
    found = content_kind(data)
    if found == wanted or (wanted == "csv" and found == "csv"):
        return wanted
    if found in KINDS:
        suffix = {"xlsx": ".xlsx", "docx": ".docx", "csv": ".csv"}[found]
        raise TableFileError(
            f"{path} is named {path.suffix.lower()} but holds {KINDS[found]}: rename it to {path.stem}{suffix}"
        )
    raise TableFileError(f"{path} is not {KINDS[wanted]}: it is {found}")


def iter_table(path: Path) -> Iterator[SheetRow]:
    """Every row of the first sheet of an .xlsx, of a .csv, or of the tables of a .docx, in order."""
    data = load(path)
    kind = check_kind(path, data)
    if kind == "xlsx":
        yield from xlsx_rows(data, str(path))
    elif kind == "docx":
        from accord.io.docx_tables import docx_rows

        yield from docx_rows(data, str(path))
    else:
        yield from csv_rows(data, str(path))


def read_table(path: Path) -> list[SheetRow]:
    """All rows at once (for small files; `iter_table` streams)."""
    return list(iter_table(path))


# --- CSV -----------------------------------------------------------------------------------------

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _is_utf8(data: bytes) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for start in range(0, len(data), 1 << 20):
            decoder.decode(data[start : start + (1 << 20)])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _plain_share(text: str) -> float:
    """How much of `text` is in the scripts a table of ours is written in (Latin, Cyrillic, punctuation)."""
    plain = sum(
        1
        for ch in text
        if ch in "\t\r\n" or " " <= ch <= "\u024f" or "\u0400" <= ch <= "\u04ff" or "\u2000" <= ch <= "\u218f"
    )
    return plain / max(1, len(text))


def _bomless_utf16(head: bytes) -> str | None:
    """Excel's "Unicode text" saved without its BOM: UTF-16 whose decoding reads as text."""
    head = head[: len(head) // 2 * 2]
    for encoding in ("utf-16-le", "utf-16-be"):
        text = head.decode(encoding, errors="replace")
        if _plain_share(text) > 0.95:
            return encoding
    return None


def encoding_of(data: bytes, name: str) -> str:
    """UTF-8/16/32 by their BOM, UTF-8 when it decodes, else what charset-normalizer finds (cp1251)."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding
    head = data[:4096]
    if b"\x00" in head:
        guessed = _bomless_utf16(head)
        if guessed is None:
            raise TableFileError(f"{name} is not a text table (it contains binary data)")
        return guessed
    if _is_utf8(data):
        return "utf-8"
    best = from_bytes(data[: 1 << 20]).best()
    if best is None:
        raise TableFileError(f"{name}: cannot tell the text encoding (save it as UTF-8)")
    return best.encoding


@contextmanager
def _field_limit(limit: int) -> Iterator[None]:
    """The csv module refuses fields over 128 KB with an error naming no column: lift it, check ourselves."""
    before = csv.field_size_limit()
    csv.field_size_limit(max(before, limit))
    try:
        yield
    finally:
        csv.field_size_limit(before)


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    first = sample.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        counts = {d: first.count(d) for d in (";", "\t", ",")}
        best = max(counts, key=lambda d: counts[d])
        dialect = csv.excel_tab if best == "\t" else csv.excel
        if best == ";":

            class Semicolon(csv.excel):
                delimiter = ";"

            return Semicolon
        return dialect


def csv_rows(data: bytes, name: str) -> Iterator[SheetRow]:
    encoding = encoding_of(data, name)
    try:
        sample = data[:65536].decode(encoding, errors="ignore")
    except LookupError:
        raise TableFileError(f"{name}: unknown text encoding {encoding}") from None
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n")
    if control > max(4, len(sample) // 100):
        raise TableFileError(f"{name} is not a text table (it contains binary data)")
    dialect = _dialect(sample.lstrip("\ufeff")[:16384])
    text = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, errors="strict", newline="")
    reader = csv.reader(text, dialect)
    number = 0
    with _field_limit(len(data) + 1):
        try:
            for record in reader:
                number += 1
                cells = [_csv_cell(c, name, number, index) for index, c in enumerate(record)]
                if number == 1 and cells:
                    cells[0] = cells[0].lstrip("\ufeff").strip()
                yield SheetRow(number, cells)
        except UnicodeDecodeError:
            raise TableFileError(f"{name}: row {number + 1} is not valid {encoding} text") from None
        except csv.Error as exc:
            raise TableFileError(f"{name}: row {number + 1}: {exc}") from None


def _csv_cell(raw: str, name: str, row: int, index: int) -> str:
    if len(raw) > MAX_CELL_CHARS:
        raise TableFileError(
            f"{name}: row {row}, column {column_letter(index)}: the cell holds {len(raw):,} characters; "
            f"a spreadsheet cell holds at most {MAX_CELL_CHARS:,}"
        )
    return unguard(raw.strip()).strip()


# --- XLSX ----------------------------------------------------------------------------------------


def xlsx_rows(data: bytes, name: str) -> Iterator[SheetRow]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for broken files
        raise TableFileError(f"{name} is not a readable .xlsx workbook: {exc}") from None
    try:
        if not book.worksheets:
            raise TableFileError(f"{name}: the workbook has no sheets")
        sheet = book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = []
            for index, value in enumerate(values):
                text = cell_text(value)
                if len(text) > MAX_CELL_CHARS:
                    raise TableFileError(
                        f"{name}: row {number}, column {column_letter(index)}: the cell holds {len(text):,} "
                        f"characters; a spreadsheet cell holds at most {MAX_CELL_CHARS:,}"
                    )
                cells.append(unguard(text).strip() if isinstance(value, str) else text)
            yield SheetRow(number, cells)
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        if isinstance(exc, TableFileError):
            raise
        raise TableFileError(f"{name} is not a readable .xlsx workbook: {exc}") from None
    finally:
        book.close()
