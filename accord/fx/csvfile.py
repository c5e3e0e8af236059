"""`accord fx import FILE.csv`: official rates from a file, for networks with no internet access.

Columns `date,currency,rate,scale,source`: `rate` units of the source's home
currency for `scale` units of `currency` (NBRB: `2025-09-29,RUB,3.5383,100,nbrb`).
Every row is checked before anything is stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from accord.domain.codes import is_currency
from accord.fx import sources
from accord.fx.rates import Rate
from accord.io.cells import parse_decimal
from accord.io.problems import TableProblem
from accord.io.records import read_records
from accord.io.table_files import TableFileError

COLUMNS = ["date", "currency", "rate", "scale", "source"]


def parse_date(text: str) -> date:
    raw = text.strip()
    if len(raw) == 10 and raw[2] == "." and raw[5] == ".":
        raw = f"{raw[6:]}-{raw[3:5]}-{raw[:2]}"
    return date.fromisoformat(raw)


def check_rate_rows(rows: Iterable[tuple[int, dict[str, str]]]) -> tuple[list[Rate], list[TableProblem]]:
    rates: list[Rate] = []
    errors: list[TableProblem] = []
    seen: dict[tuple[str, date, str], int] = {}
    for number, raw in rows:
        row_errors: list[TableProblem] = []

        def bad(
            column: str, message: str, number: int = number, row_errors: list[TableProblem] = row_errors
        ) -> None:
            row_errors.append(TableProblem(number, column, message))

        on = None
        try:
            on = parse_date(raw.get("date", ""))
        except ValueError:
            bad("date", f"date {raw.get('date', '')!r} is not YYYY-MM-DD (or DD.MM.YYYY)")
        source = raw.get("source", "").strip().lower()
        if source not in sources.SOURCES:
            bad("source", f"unknown source {raw.get('source', '')!r}: use {', '.join(sources.SOURCES)}")
        currency = raw.get("currency", "").strip().upper()
        if not is_currency(currency):
            bad("currency", f"unknown currency code {raw.get('currency', '')!r}")
        elif source in sources.SOURCES and currency == sources.SOURCES[source].home:
            bad("currency", f"{currency} is the home currency of {source}: it has no rate there")
        rate = None
        try:
            rate = parse_decimal(raw.get("rate", ""))
            if rate <= 0:
                bad("rate", f"rate {raw.get('rate')!r} must be positive")
        except ValueError as exc:
            bad("rate", str(exc))
        scale_text = raw.get("scale", "").strip() or "1"
        scale = int(scale_text) if scale_text.isdigit() else 0
        if scale <= 0:
            bad("scale", f"scale {raw.get('scale')!r} must be a whole number of units such as 1 or 100")
        if row_errors:
            errors.extend(row_errors)
            continue
        assert on is not None and rate is not None
        key = (source, on, currency)
        if key in seen:
            errors.append(
                TableProblem(number, "date", f"duplicate of row {seen[key]}: {source} {currency} on {on}")
            )
            continue
        seen[key] = number
        rates.append(Rate(source, on, currency, sources.SOURCES[source].home, rate, scale))
    return rates, errors


def read_rates(path: Path) -> tuple[list[Rate], list[TableProblem]]:
    table = read_records(path)
    missing = table.missing([c for c in COLUMNS if c != "scale"])
    if missing:
        raise TableFileError(
            f"{path}: missing column(s) {', '.join(missing)}; the header must name {','.join(COLUMNS)}"
        )
    return check_rate_rows(table.rows)
