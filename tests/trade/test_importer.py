"""`accord import trade`: round trips, every bad input, and a database left untouched by a bad file."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from accord.io.table_files import TableFileError
from accord.store.models import AuditEntry, Country, TradeFlow
from accord.trade.importer import export_rows, import_file, write_csv, write_xlsx

HEADER = "reporter,partner,period,flow,commodity,value,currency,source\n"
GOOD = (
    HEADER
    + "KG,BY,2025-H1,export,TOTAL,22000000,USD,Kyrgyz statistics\n"
    + "KG,BY,2025-H1,import,TOTAL,46000000,USD,Kyrgyz statistics\n"
    + "BY,KG,2024-Q1,export,8429,1234567.89,USD,Belstat\n"
    + "BY,KG,2024-03,import,TOTAL,2500000,BYN,Belstat\n"
)


def snapshot(db) -> tuple[int, int, int]:
    with db.reading() as session:
        return (
            session.scalar(select(func.count(TradeFlow.id))),
            session.scalar(select(func.count()).select_from(Country)),
            session.scalar(select(func.count(AuditEntry.id))),
        )


def run(db, path, skip_bad=False):
    with db.transaction(actor="tester", reason="test import") as session:
        return import_file(session, path, skip_bad)


def test_csv_round_trip(roadmap_db, tmp_path):
    path = tmp_path / "trade.csv"
    path.write_text(GOOD, encoding="utf-8")
    report = run(roadmap_db, path)
    assert (report.rows, report.added, report.errors, report.written) == (4, 4, [], True)
    with roadmap_db.reading() as session:
        exported = write_csv(export_rows(session))
    lines = exported.splitlines()
    assert lines[0] == HEADER.strip() + ",illustrative"
    assert "BY,KG,2024-Q1,export,8429,1234567.89,USD,Belstat,false" in lines
    again = tmp_path / "again.csv"
    again.write_text(exported, encoding="utf-8")
    report = run(roadmap_db, again)
    assert (report.added, report.changed, report.unchanged) == (0, 0, 4)
    with roadmap_db.reading() as session:
        assert write_csv(export_rows(session)) == exported


def test_xlsx_round_trip_with_typed_cells(roadmap_db, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.strip().split(","))
    sheet.append(["KG", "BY", 2024, "export", "TOTAL", 41200000, "USD", "Kyrgyz statistics"])
    sheet.append(["KG", "BY", datetime(2024, 3, 1), "import", "TOTAL", 7.5e6, "USD", "Kyrgyz statistics"])
    source = tmp_path / "trade.xlsx"
    book.save(source)
    report = run(roadmap_db, source)
    assert report.errors == [] and report.added == 2
    with roadmap_db.reading() as session:
        records = export_rows(session)
    assert [(r.period.text, r.value) for r in records] == [("2024", Decimal(41200000)), ("2024-03", Decimal(7500000))]
    out = tmp_path / "out.xlsx"
    write_xlsx(records, out)
    report = run(roadmap_db, out)
    assert (report.added, report.unchanged) == (0, 2)


def test_a_russian_excel_csv_is_accepted(roadmap_db, tmp_path):
    path = tmp_path / "trade.csv"
    text = GOOD.replace(",", ";").replace("1234567.89", "1 234 567,89")
    path.write_bytes(text.replace("Belstat", "Белстат").encode("cp1251"))
    report = run(roadmap_db, path)
    assert report.errors == [] and report.added == 4
    with roadmap_db.reading() as session:
        flow = session.scalars(select(TradeFlow).where(TradeFlow.commodity == "8429")).one()
    assert (flow.value, flow.source) == (Decimal("1234567.89"), "Белстат")


BAD_ROWS = [
    ("KG,BY,2024,export,TOTAL,-5,USD,x", "value", "negative"),
    ("KG,BY,2024,export,TOTAL,abc,USD,x", "value", "not a number"),
    ("KG,BY,2024,export,TOTAL,5,XYZ,x", "currency", "unknown currency"),
    ("KG,QQ,2024,export,TOTAL,5,USD,x", "partner", "unknown country code"),
    ("KG,BY,2024-Q7,export,TOTAL,5,USD,x", "period", "not understood"),
    ("KG,BY,2025-H1,export,TOTAL,5,USD,another source", "period", "duplicate of row 2"),
]


@pytest.mark.parametrize(("row", "column", "message"), BAD_ROWS)
def test_a_file_with_an_error_changes_nothing(roadmap_db, tmp_path, row, column, message):
    path = tmp_path / "trade.csv"
    path.write_text(GOOD + row + "\n", encoding="utf-8")
    before = snapshot(roadmap_db)
    report = run(roadmap_db, path)
    assert not report.written and report.added == 0
    assert [(e.row, e.column) for e in report.errors] == [(6, column)]
    assert message in report.errors[0].message
    assert snapshot(roadmap_db) == before


def test_skip_bad_imports_the_good_rows(roadmap_db, tmp_path):
    path = tmp_path / "trade.csv"
    path.write_text(GOOD + "\n".join(r for r, _, _ in BAD_ROWS) + "\n", encoding="utf-8")
    report = run(roadmap_db, path, skip_bad=True)
    assert report.written and report.added == 4 and report.skipped == len(BAD_ROWS)
    assert snapshot(roadmap_db)[0] == 4


def test_a_corrected_figure_is_updated_and_audited(roadmap_db, tmp_path):
    path = tmp_path / "trade.csv"
    path.write_text(GOOD, encoding="utf-8")
    run(roadmap_db, path)
    path.write_text(GOOD.replace("22000000", "22100000"), encoding="utf-8")
    report = run(roadmap_db, path)
    assert (report.changed, report.unchanged) == (1, 3)
    with roadmap_db.reading() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "trade_flow", AuditEntry.field == "value")
        ).one()
    assert (entry.old, entry.new, entry.actor) == ("22000000", "22100000", "tester")


def test_missing_columns_are_named(roadmap_db, tmp_path):
    path = tmp_path / "trade.csv"
    path.write_text("reporter,partner,period,value\nKG,BY,2024,1\n", encoding="utf-8")
    with pytest.raises(TableFileError, match="missing column\\(s\\) flow, commodity, currency, source"):
        run(roadmap_db, path)


def comtrade(records: list[dict]) -> str:
    base = {
        "typeCode": "C", "freqCode": "A", "refYear": 2024, "period": "2024", "reporterCode": 417,
        "reporterISO": "KGZ", "reporterDesc": "Kyrgyzstan", "partnerCode": 112, "partnerISO": "BLR",
        "partnerDesc": "Belarus", "partner2Code": 0, "customsCode": "C00", "motCode": 0, "cmdCode": "TOTAL",
        "flowCode": "X", "primaryValue": 41200000.0,
    }
    return json.dumps({"elapsedTime": "0.3 secs", "count": len(records), "data": [base | r for r in records], "error": ""})


def test_un_comtrade_json(roadmap_db, tmp_path):
    path = tmp_path / "comtrade.json"
    path.write_text(comtrade([{}, {"flowCode": "M", "primaryValue": 91800000.5}, {"period": "202403", "primaryValue": 3.1e6}]))
    report = run(roadmap_db, path)
    assert report.errors == [] and report.added == 3
    with roadmap_db.reading() as session:
        flows = {(f.period, f.flow): f for f in session.scalars(select(TradeFlow))}
    assert flows[("2024", "import")].value == Decimal("91800000.5")
    assert flows[("2024-03", "export")].value == Decimal(3100000)
    assert flows[("2024", "export")].source == "UN Comtrade (Kyrgyzstan declaration)"
    assert flows[("2024", "export")].currency == "USD" and flows[("2024", "export")].reporter == "KG"


def test_comtrade_re_exports_world_totals_and_breakdowns_are_refused(roadmap_db, tmp_path):
    path = tmp_path / "comtrade.json"
    path.write_text(comtrade([{}, {"flowCode": "RX"}, {"partnerCode": 0, "partnerISO": "W00"}, {"motCode": 2100}]))
    before = snapshot(roadmap_db)
    report = run(roadmap_db, path)
    assert not report.written and snapshot(roadmap_db) == before
    messages = {(e.row, e.column): e.message for e in report.errors}
    assert "neither export nor import" in messages[(2, "flow")]
    assert "unknown country code 'W00'" in messages[(3, "partner")]
    assert "breakdown (transport mode 2100)" in messages[(4, "")]


def test_a_comtrade_error_answer_is_refused(roadmap_db, tmp_path):
    path = tmp_path / "comtrade.json"
    path.write_text(json.dumps({"data": None, "error": "Invalid subscription key"}))
    with pytest.raises(TableFileError, match="Invalid subscription key"):
        run(roadmap_db, path)
