"""The example's shipped rates: they work on the first run with no network, say they are
illustrative wherever a converted figure shows, and give way to the bank's own."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from accord.demo.rates import RATES_FILE, load_rates
from accord.fx.csvfile import read_rates
from accord.store.models import ExchangeRate
from tests.fx.samples import NBRB_RATES, nbrb_day


def flat(text: str) -> str:
    return " ".join(text.split())


def counts(db) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """(illustrative, official) rates stored."""
    with db.reading() as s:
        illustrative = s.scalar(select(func.count()).where(ExchangeRate.illustrative.is_(True)))
        official = s.scalar(select(func.count()).where(ExchangeRate.illustrative.is_(False)))
    return illustrative, official


def test_the_shipped_file_covers_the_example_years_month_by_month() -> None:
    rates, errors = read_rates(RATES_FILE)
    assert errors == []
    for source, currencies in (("nbrb", {"USD", "EUR", "RUB", "KGS"}), ("nbkr", {"USD", "BYN"})):
        mine = [r for r in rates if r.source == source]
        assert {r.currency for r in mine} == currencies
        months = {(r.on.year, r.on.month) for r in mine}
        assert months == {(y, m) for y in range(2020, 2026) for m in range(1, 13)}


def test_a_fresh_example_converts_with_no_network_and_says_the_rate_is_illustrative(cli) -> None:  # type: ignore[no-untyped-def]
    cli("demo", "--load", "--no-news")
    out = flat(cli("fx", "convert", "100", "USD", "KGS", "--on", "2024-06-03").output)
    assert out.startswith("100.00 USD = ") and "KGS" in out and "of 2024-05-31" in out
    assert "ILLUSTRATIVE rates shipped with the example" in out
    assert '"illustrative": true' in cli("fx", "convert", "100", "USD", "BYN", "--on", "2024-06-03", "--json").output
    assert "Illustrative rates are example data" in flat(cli("fx", "status").output)
    summary = cli("trade", "summary", "--currency", "BYN", "--json").output
    assert '"illustrative_rates": true' in summary


def test_the_banks_own_rates_replace_its_illustrative_ones(cli, bank, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from accord.store.db import Database

    cli("demo", "--load", "--no-news")
    db = Database(cli.url)
    before = counts(db)
    assert before[0] == 432 and before[1] == 0
    bank.route("/rates", lambda p, q: (200, nbrb_day(date.fromisoformat(q["ondate"]), NBRB_RATES), "application/json"))
    monkeypatch.setenv("ACCORD_NBRB_URL", bank.url)
    out = flat(cli("fx", "update", "--from", "2025-09-26", "--to", "2025-09-26", "--source", "nbrb", "--as", "t").output)
    assert "288 illustrative replaced" in out
    with db.reading() as s:
        left = set(s.scalars(select(ExchangeRate.source).where(ExchangeRate.illustrative.is_(True)).distinct()))
    assert left == {"nbkr"} and counts(db)[1] > 0  # the other bank's example rates stay until its own arrive
    converted = flat(cli("fx", "convert", "100", "USD", "BYN", "--on", "2025-09-26").output)
    assert "ILLUSTRATIVE" not in converted and "of 2025-09-26" in converted
    # loading the example's rates again never overwrites a bank's own publication
    with db.transaction(actor="t", reason="reload") as s:
        load_rates(s)
        real = s.scalars(select(ExchangeRate).where(ExchangeRate.on == date(2025, 9, 26))).all()
        assert real and not any(r.illustrative for r in real)
    db.dispose()


def test_the_trade_page_in_kgs_names_the_rates_and_marks_them_illustrative(example_db) -> None:  # type: ignore[no-untyped-def]
    from tests.web.conftest import make_client

    with make_client(example_db, public_read=True) as client:
        page = client.get("/trade?currency=KGS").text
        assert "Использованные курсы" in page and "по иллюстративным курсам" in page
        assert "NBKR: 1 USD = " in page
        in_usd = client.get("/trade?currency=USD").text
        assert "Использованные курсы" not in in_usd  # reported in USD: nothing was converted
