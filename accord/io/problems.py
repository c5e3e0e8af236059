"""A problem found in a table, where it is: `row N, column X: message`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TableProblem:
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column}")
        return f"{', '.join(where)}: {self.message}" if where else self.message
