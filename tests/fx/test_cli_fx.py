"""`accord fx …` as a user runs it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from accord.cli.main import app
from accord.store.models import ExchangeRate
from tests.fx.samples import NBRB_RATES, ecb_xml, nbrb_day

runner = CliRunner()
RATES_CSV = "date,currency,rate,scale,source\n2025-09-26,USD,3.2685,1,nbrb\n2025-09-26,KGS,3.7371,100,nbrb\n"


@pytest.fixture
def cli_db(db, monkeypatch):
    monkeypatch.setenv("ACCORD_DATABASE_URL", db.url)
    monkeypatch.setenv("ACCORD_USER", "tester")
    return db


def flat(text: str) -> str:
    return " ".join(text.split())


def rates(db) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count(ExchangeRate.id)))


def test_import_then_convert_says_rate_date_and_source(cli_db, tmp_path):
    path = tmp_path / "rates.csv"
    path.write_text(RATES_CSV, encoding="utf-8")
    result = runner.invoke(app, ["fx", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "2 added" in flat(result.output)
    result = runner.invoke(app, ["fx", "convert", "100", "USD", "KGS", "--on", "2025-09-28", "--source", "nbrb"])
    assert result.exit_code == 0, result.output
    out = flat(result.output)
    assert "100.00 USD = 8,746.09 KGS" in out
    assert "1 USD = 3.2685 BYN of 2025-09-26" in out and "100 KGS = 3.7371 BYN of 2025-09-26" in out
    assert "no NBRB publication on 2025-09-28" in out


def test_convert_json(cli_db, tmp_path):
    path = tmp_path / "rates.csv"
    path.write_text(RATES_CSV, encoding="utf-8")
    runner.invoke(app, ["fx", "import", str(path)])
    result = runner.invoke(app, ["fx", "convert", "1000", "KGS", "BYN", "--on", "2025-09-26", "--json"])
    assert result.exit_code == 0, result.output
    assert '"result": "37.371"' in result.output and '"source": "nbrb"' in result.output


def test_a_file_with_a_bad_row_imports_nothing(cli_db, tmp_path):
    path = tmp_path / "rates.csv"
    path.write_text(RATES_CSV + "2025-09-26,EUR,-1,1,nbrb\n", encoding="utf-8")
    result = runner.invoke(app, ["fx", "import", str(path)])
    assert result.exit_code == 2
    assert "row 4, column rate" in flat(result.output) and "nothing was imported" in flat(result.output)
    assert rates(cli_db) == 0
    result = runner.invoke(app, ["fx", "import", str(path), "--skip-bad"])
    assert result.exit_code == 0 and "1 bad row(s) skipped" in flat(result.output)
    assert rates(cli_db) == 2


def test_convert_without_rates_explains_what_to_do(cli_db):
    result = runner.invoke(app, ["fx", "convert", "1", "USD", "BYN", "--on", "2025-09-26"])
    assert result.exit_code == 1
    out = flat(result.output)
    assert "no NBRB rate for USD" in out and "accord fx update" in out


def test_update_from_a_local_bank_and_an_offline_one(cli_db, bank, offline_url, monkeypatch):
    bank.route("/rates", lambda p, q: (200, nbrb_day(date.fromisoformat(q["ondate"]), NBRB_RATES), "application/json"))
    monkeypatch.setenv("ACCORD_NBRB_URL", bank.url)
    monkeypatch.setenv("ACCORD_NBKR_URL", offline_url)
    result = runner.invoke(app, ["fx", "update", "--from", "2025-09-26", "--to", "2025-09-27",
                                 "--source", "nbrb", "--source", "nbkr"])
    assert result.exit_code == 1
    out = flat(result.output)
    assert "nbrb: 2025-09-26 … 2025-09-27: 8 added" in out
    assert "National Bank of the Kyrgyz Republic (nbkr): cannot connect" in out and "nothing was changed" in out
    assert rates(cli_db) == 8
    status = runner.invoke(app, ["fx", "status"])
    assert status.exit_code == 0 and "2025-09-27" in status.output


def test_an_unknown_source_is_refused(cli_db):
    result = runner.invoke(app, ["fx", "update", "--source", "cbr"])
    assert result.exit_code == 1 and "unknown source 'cbr'" in flat(result.output)


def test_url_points_one_bank_at_a_mirror(cli_db, bank):
    bank.route("/eurofxref-hist.xml", lambda p, q: (200, ecb_xml({date(2025, 9, 26): [("USD", "1.1670")]}), "text/xml"))
    result = runner.invoke(app, ["fx", "update", "--source", "ecb", "--url", bank.url,
                                 "--from", "2025-09-22", "--to", "2025-09-28"])
    assert result.exit_code == 0, result.output
    assert "ecb: 2025-09-22 … 2025-09-28: 1 added" in flat(result.output)
    result = runner.invoke(app, ["fx", "convert", "116.70", "USD", "EUR", "--on", "2025-09-28"])
    assert "116.70 USD = 100.00 EUR" in flat(result.output) and "1 EUR = 1.167 USD of 2025-09-26" in flat(result.output)


def test_url_needs_one_source(cli_db, bank):
    result = runner.invoke(app, ["fx", "update", "--url", bank.url])
    assert result.exit_code == 1 and "--url needs exactly one --source" in flat(result.output)


def test_a_future_end_is_refused(cli_db):
    result = runner.invoke(app, ["fx", "update", "--to", "2999-01-01"])
    assert result.exit_code == 1 and "is in the future" in flat(result.output)
