"""`accord import trade`, `accord export trade`, `accord trade summary` as a user runs them."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from accord.cli.main import app
from accord.demo.trade import load_trade
from accord.store.models import Roadmap, TradeFlow

runner = CliRunner()
CSV = (
    "reporter;partner;period;flow;commodity;value;currency;source\n"
    "KG;BY;2024;export;TOTAL;41 200 000;USD;Нацстатком\n"
    "KG;BY;2024;import;TOTAL;91 800 000,0;USD;Нацстатком\n"
    "KG;BY;2023;export;TOTAL;36800000;USD;Нацстатком\n"
    "KG;BY;2023;import;TOTAL;77800000;USD;Нацстатком\n"
)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def cli_db(roadmap_db, monkeypatch):
    monkeypatch.setenv("ACCORD_DATABASE_URL", roadmap_db.url)
    monkeypatch.setenv("ACCORD_USER", "tester")
    return roadmap_db


def flows(db) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count(TradeFlow.id)))


def test_import_a_russian_excel_csv_then_export(cli_db, tmp_path):
    path = tmp_path / "trade.csv"
    path.write_bytes(CSV.encode("cp1251"))
    result = runner.invoke(app, ["import", "trade", str(path)])
    assert result.exit_code == 0, result.output
    assert "4 added, 0 corrected, 0 unchanged" in flat(result.output)
    result = runner.invoke(app, ["export", "trade"])
    assert result.exit_code == 0
    assert "KG,BY,2024,import,TOTAL,91800000,USD,Нацстатком,false" in result.output
    out = tmp_path / "out.csv"
    runner.invoke(app, ["export", "trade", "-o", str(out)])
    result = runner.invoke(app, ["import", "trade", str(out)])
    assert "0 added, 0 corrected, 4 unchanged" in flat(result.output)


def test_errors_are_listed_by_row_and_nothing_is_imported(cli_db, tmp_path):
    path = tmp_path / "trade.csv"
    path.write_bytes((CSV + "KG;BY;2022;export;TOTAL;-1;USD;x\nKG;XX;2022;import;TOTAL;1;RUR1;x\n").encode("cp1251"))
    result = runner.invoke(app, ["import", "trade", str(path)])
    assert result.exit_code == 2
    out = flat(result.output)
    assert "row 6, column value: negative value '-1'" in out
    assert "row 7, column partner: unknown country code 'XX'" in out
    assert "row 7, column currency: unknown currency code 'RUR1'" in out
    assert "nothing was imported, 3 problem(s)" in out
    assert flows(cli_db) == 0
    result = runner.invoke(app, ["import", "trade", str(path), "--skip-bad"])
    assert result.exit_code == 0 and "4 added" in flat(result.output) and "2 bad row(s) skipped" in flat(result.output)
    assert flows(cli_db) == 4


def test_a_missing_file(cli_db, tmp_path):
    result = runner.invoke(app, ["import", "trade", str(tmp_path / "nope.csv")])
    assert result.exit_code == 2 and "no such file" in result.output


def test_summary_table_and_json(cli_db):
    with cli_db.transaction(actor="tester") as session:
        load_trade(session, session.scalars(select(Roadmap)).one())
    result = runner.invoke(app, ["trade", "summary", "--today", "2026-11-27"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    out = flat(result.output)
    assert "Jan–Jun 2025" in out and "133.0" in out and "134.4" in out
    assert "Target: turnover 500.0 million USD by 2030 — at risk" in out
    assert "by KG figures: 133.0 million USD in 2024, growth +16.1%, needs +24.7% a year → at risk" in out
    result = runner.invoke(app, ["trade", "summary", "--json", "--today", "2026-11-27"])
    data = json.loads(result.output)
    assert data["target"]["by_reporter"]["KG"]["required_growth"] == "0.247"
    assert data["reporters"] == ["BY", "KG"]


def test_summary_in_byn_without_rates_says_what_is_missing(cli_db):
    with cli_db.transaction(actor="tester") as session:
        load_trade(session, session.scalars(select(Roadmap)).one())
    result = runner.invoke(app, ["trade", "summary", "--currency", "BYN", "--today", "2026-11-27"],
                           env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    out = flat(result.output)
    assert "not converted: 2024: no NBRB rate for USD on 2024-12-31" in out
    assert "no rate" in out


def test_set_the_target_then_see_it(cli_db):
    result = runner.invoke(app, ["trade", "target", "1 000 000 000", "USD", "--year", "2030", "--base-year", "2024",
                                 "--note", "set at the commission's session"])
    assert result.exit_code == 0, result.output
    assert "bk: turnover target 1,000.0 million USD by 2030" in flat(result.output)
    data = json.loads(runner.invoke(app, ["trade", "summary", "--json"]).output)
    assert data["target"]["value"] == "1000000000" and data["target"]["note"] == "set at the commission's session"
    assert data["target"]["status"] == "no data"


def test_a_target_that_cannot_be_meant_is_refused(cli_db):
    result = runner.invoke(app, ["trade", "target", "--year", "2030", "--", "-5", "USD"])
    assert result.exit_code == 1 and "must be positive" in flat(result.output)


def test_summary_refuses_an_unknown_currency(cli_db):
    result = runner.invoke(app, ["trade", "summary", "--currency", "BYR1"])
    assert result.exit_code == 1 and "unknown currency code 'BYR1'" in flat(result.output)
