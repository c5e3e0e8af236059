"""Trade exports write text a spreadsheet would run as a formula as text, and read it back unchanged."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from accord.io.cells import TRIGGERS, guard_xlsx
from accord.store.db import Database
from accord.store.models import TradeFlow
from accord.trade.importer import export_rows, import_file, write_csv, write_xlsx
from accord.trade.periods import parse_period
from tests.io.payloads import PAYLOADS, formula_cells, string_values


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_the_trade_export_guards_every_payload_and_imports_back_unchanged(
    roadmap_db: Database, tmp_path: Path, suffix: str
) -> None:
    sources = [p for p in PAYLOADS if p.strip() == p]  # a source is stored stripped, as every import does
    with roadmap_db.transaction(actor="mallory", reason="payloads") as session:
        for year, source in enumerate(sources, start=2001):
            session.add(
                TradeFlow(
                    reporter="BY",
                    partner="KG",
                    period=str(year),
                    period_start=parse_period(str(year)).start,
                    period_end=parse_period(str(year)).end,
                    flow="export",
                    commodity="TOTAL",
                    value=Decimal(1000),
                    currency="USD",
                    source=source,
                )
            )
    with roadmap_db.reading() as session:
        records = export_rows(session)
    path = tmp_path / f"trade.{suffix}"
    if suffix == "csv":
        path.write_text(write_csv(records), encoding="utf-8")
        cells = [c for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))) for c in row]
        assert not [c for c in cells if c and c[0] in TRIGGERS]
    else:
        write_xlsx(records, path)
        assert formula_cells(path.read_bytes()) == []
        assert {guard_xlsx(s) for s in sources} <= string_values(path.read_bytes())
    with roadmap_db.transaction(actor="dana", reason="reimport") as session:
        report = import_file(session, path)
    assert (report.errors, report.added, report.changed, report.unchanged) == ([], 0, 0, len(sources))
    with roadmap_db.reading() as session:
        assert sorted(session.scalars(select(TradeFlow.source))) == sorted(sources)
