"""A table whose first row names its columns (trade flows, exchange rates): rows as dicts by column name."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from accord.io.table_files import SheetRow, TableFileError, iter_table


@dataclass
class Table:
    columns: list[str]
    #: (row number as the user sees it in the file, values by lower-case column name)
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)

    def missing(self, required: list[str]) -> list[str]:
        return [c for c in required if c not in self.columns]


def norm_header(name: str) -> str:
    return name.strip().strip("\ufeff").lower()


def records(rows: Iterable[SheetRow], name: str) -> Table:
    """The first non-empty row is the header; blank rows are skipped; empty header cells name nothing."""
    table: Table | None = None
    for row in rows:
        if not any(row.cells):
            continue
        if table is None:
            table = Table([norm_header(c) for c in row.cells])
            continue
        values = {
            column: (row.cells[i] if i < len(row.cells) else "")
            for i, column in enumerate(table.columns)
            if column
        }
        table.rows.append((row.number, values))
    if table is None:
        raise TableFileError(f"{name} has no header row (the file or its first sheet is empty)")
    return table


def read_records(path: Path) -> Table:
    """A CSV or XLSX file as rows of text keyed by its header."""
    return records(iter_table(path), str(path))
