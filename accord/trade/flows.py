"""A trade-flow row checked cell by cell: every problem is reported with its row and column.

Rows come from CSV, XLSX or UN Comtrade JSON as text; this module turns them into
`FlowRecord`s or `TableProblem`s and knows nothing of files or the database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from accord.domain.codes import country_code, is_currency
from accord.io.cells import parse_decimal
from accord.io.problems import TableProblem
from accord.trade.periods import Period, parse_period

COLUMNS = ["reporter", "partner", "period", "flow", "commodity", "value", "currency", "source"]
OPTIONAL = ["illustrative"]
FLOW_WORDS = {"export": "export", "экспорт": "export", "import": "import", "импорт": "import"}
HS_CODE = re.compile(r"^\d{2}(\d{2}){0,4}$")
TRUE_WORDS = {"1", "true", "yes", "да"}
FALSE_WORDS = {"", "0", "false", "no", "нет"}


@dataclass(frozen=True)
class FlowRecord:
    """One reported figure: `reporter`'s export to / import from `partner` in `period`."""

    reporter: str
    partner: str
    period: Period
    flow: str
    commodity: str
    value: Decimal
    currency: str
    source: str
    illustrative: bool = False

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        """What makes two rows the same figure (the source aside)."""
        return (self.reporter, self.partner, self.period.text, self.flow, self.commodity)

    def as_row(self) -> dict[str, str]:
        return {
            "reporter": self.reporter,
            "partner": self.partner,
            "period": self.period.text,
            "flow": self.flow,
            "commodity": self.commodity,
            "value": format(self.value.normalize(), "f"),
            "currency": self.currency,
            "source": self.source,
            "illustrative": "true" if self.illustrative else "false",
        }


def check_row(number: int, raw: dict[str, str]) -> tuple[FlowRecord | None, list[TableProblem]]:
    """One row checked; every bad cell gives its own error."""
    errors: list[TableProblem] = []

    def bad(column: str, message: str) -> None:
        errors.append(TableProblem(number, column, message))

    countries: dict[str, str] = {}
    for column in ("reporter", "partner"):
        text = raw.get(column, "").strip()
        code = country_code(text) if text else None
        if code is None:
            bad(
                column,
                f"unknown country code {text!r} (use ISO 3166 codes such as BY, KG)" if text else "empty",
            )
        else:
            countries[column] = code
    if len(countries) == 2 and countries["reporter"] == countries["partner"]:
        bad("partner", "the partner is the reporter itself")
    period: Period | None = None
    try:
        period = parse_period(raw.get("period", ""))
    except ValueError as exc:
        bad("period", str(exc))
    flow = FLOW_WORDS.get(raw.get("flow", "").strip().lower())
    if flow is None:
        bad("flow", f"flow {raw.get('flow', '')!r} is neither export nor import")
    commodity = raw.get("commodity", "").strip().upper().replace(".", "").replace(" ", "") or "TOTAL"
    if commodity != "TOTAL" and not HS_CODE.match(commodity):
        bad("commodity", f"commodity {raw.get('commodity')!r} is neither TOTAL nor an HS code of 2–10 digits")
    value: Decimal | None = None
    try:
        value = parse_decimal(raw.get("value", ""))
    except ValueError as exc:
        bad("value", "empty" if str(exc) == "empty" else str(exc))
    else:
        if value < 0:
            bad("value", f"negative value {raw.get('value')!r}: a flow is reported as a positive amount")
    currency = raw.get("currency", "").strip().upper()
    if not is_currency(currency):
        bad("currency", f"unknown currency code {raw.get('currency', '')!r} (use ISO 4217: USD, BYN, KGS…)")
    source = raw.get("source", "").strip()
    if not source:
        bad("source", "empty: say where the figure comes from")
    elif len(source) > 200:
        bad("source", "longer than 200 characters")
    flag = raw.get("illustrative", "").strip().lower()
    if flag not in TRUE_WORDS | FALSE_WORDS:
        bad("illustrative", f"{flag!r} is neither true nor false")
    if errors:
        return None, errors
    assert period is not None and value is not None and flow is not None
    record = FlowRecord(
        countries["reporter"],
        countries["partner"],
        period,
        flow,
        commodity,
        value,
        currency,
        source,
        flag in TRUE_WORDS,
    )
    return record, []


def check_rows(rows: Iterable[tuple[int, dict[str, str]]]) -> tuple[list[FlowRecord], list[TableProblem]]:
    """All rows checked, duplicates of the same flow and period included."""
    records: list[FlowRecord] = []
    errors: list[TableProblem] = []
    seen: dict[tuple[str, str, str, str, str], int] = {}
    for number, raw in rows:
        record, row_errors = check_row(number, raw)
        errors.extend(row_errors)
        if record is None:
            continue
        first = seen.get(record.key)
        if first is not None:
            errors.append(
                TableProblem(
                    number,
                    "period",
                    f"duplicate of row {first}: the same reporter, partner, flow, "
                    f"commodity and period {record.period.text}",
                )
            )
            continue
        seen[record.key] = number
        records.append(record)
    return records, errors
