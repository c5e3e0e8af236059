"""Each bank's answer parsed, fetched from a local server, and stored all-or-nothing."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from accord.fx import ecb, http, nbkr, nbrb
from accord.fx.rates import Rate
from accord.fx.update import update_source
from accord.net import FetchError
from accord.store.db import Database
from accord.store.models import ExchangeRate
from tests.fx.samples import NBKR_RATES, NBRB_RATES, ecb_xml, nbkr_daily, nbrb_day

MON, TUE, WED, THU, FRI, SAT, SUN = (date(2025, 9, 22) + timedelta(days=i) for i in range(7))


def count(db: Database, source: str | None = None) -> int:
    with db.reading() as session:
        query = select(func.count(ExchangeRate.id))
        if source:
            query = query.where(ExchangeRate.source == source)
        return session.scalar(query) or 0


# --- parsing each bank's format ---------------------------------------------------------------


def test_nbrb_rates_keep_scale_and_exact_decimals():
    rates = nbrb.parse(nbrb_day(FRI, NBRB_RATES))
    rub = next(r for r in rates if r.currency == "RUB")
    assert rub == Rate("nbrb", FRI, "RUB", "BYN", Decimal("3.9472"), 100)
    assert {r.currency for r in rates} == {"USD", "EUR", "RUB", "KGS"}


def test_nbrb_holiday_answers_an_empty_list():
    assert nbrb.parse(b"[]") == []


def test_nbkr_reads_cp1251_and_comma_decimals():
    rates = nbkr.parse(nbkr_daily(FRI, NBKR_RATES))
    assert Rate("nbkr", FRI, "USD", "KGS", Decimal("87.45"), 1) in rates
    assert Rate("nbkr", FRI, "KZT", "KGS", Decimal("0.161"), 1) in rates


def test_ecb_reads_every_day_of_a_history_file():
    rates = ecb.parse(ecb_xml({THU: [("USD", "1.1668")], FRI: [("USD", "1.1670"), ("JPY", "174.5")]}))
    assert {(r.on, r.currency) for r in rates} == {(THU, "USD"), (FRI, "USD"), (FRI, "JPY")}
    jpy = next(r for r in rates if r.currency == "JPY")
    assert (jpy.rate, jpy.scale) == (Decimal(10), 1745)


@pytest.mark.parametrize(
    ("parse", "payload", "message"),
    [
        (nbrb.parse, b"<html>maintenance</html>", "not JSON"),
        (nbrb.parse, b'[{"Cur_Abbreviation":"USD"}]', "unexpected shape"),
        (nbkr.parse, b"<html><body>503</body></html>", "CurrencyRates"),
        (nbkr.parse, b'<CurrencyRates Date="29.09.2025"><Currency ISOCode="USD"><Nominal>1</Nominal>'
                     b"<Value>n/a</Value></Currency></CurrencyRates>", "unreadable rate for USD"),
        (ecb.parse, b"not xml", "not its reference rates"),
        (ecb.parse, b"<root/>", "no Cube"),
    ],
)
def test_a_wrong_answer_is_a_clear_fetch_error(parse, payload, message):
    with pytest.raises(FetchError, match=message):
        parse(payload)


# --- fetching from a local server --------------------------------------------------------------


def test_nbrb_fetches_one_day_at_a_time(bank):
    holiday = WED
    bank.route("/rates", lambda path, q: (200, b"[]" if q["ondate"] == holiday.isoformat()
                                          else nbrb_day(date.fromisoformat(q["ondate"]), NBRB_RATES), "application/json"))
    with http.client() as client:
        rates = nbrb.fetch(client, bank.url, MON, FRI)
    assert sorted({r.on for r in rates}) == [MON, TUE, THU, FRI]
    assert all("periodicity=0" in r for r in bank.requests) and len(bank.requests) == 5


def test_nbkr_stores_the_date_the_file_states(bank):
    # Wednesday is a holiday: the bank's file still carries Tuesday's date
    def daily(path, q):
        asked = date(int(q["date"][6:]), int(q["date"][3:5]), int(q["date"][:2]))
        return 200, nbkr_daily(TUE if asked == WED else asked, NBKR_RATES), "application/xml"

    bank.route("/daily.xml", daily)
    with http.client() as client:
        rates = nbkr.fetch(client, bank.url, MON, SUN)
    assert sorted({r.on for r in rates}) == [MON, TUE, THU, FRI]
    assert len(bank.requests) == 5  # no requests for Saturday and Sunday
    assert len(rates) == 4 * len(NBKR_RATES)


def test_ecb_picks_the_file_that_covers_the_range():
    today = date(2025, 9, 29)
    assert ecb.document(today, today, today) == "eurofxref-daily.xml"
    assert ecb.document(today - timedelta(days=30), today, today) == "eurofxref-hist-90d.xml"
    assert ecb.document(date(2020, 1, 1), today, today) == "eurofxref-hist.xml"


def test_ecb_fetch_keeps_the_range_only(bank):
    bank.route("/eurofxref-hist.xml", lambda p, q: (200, ecb_xml({MON: [("USD", "1.1")], FRI: [("USD", "1.2")]}), "text/xml"))
    with http.client() as client:
        rates = ecb.fetch(client, bank.url, TUE, SUN, today=date(2026, 1, 1))
    assert [(r.on, r.currency) for r in rates] == [(FRI, "USD")]


# --- updating the database ---------------------------------------------------------------------


def test_update_stores_the_rates_once(db, bank, monkeypatch):
    monkeypatch.setenv("ACCORD_NBRB_URL", bank.url)
    bank.route("/rates", lambda p, q: (200, nbrb_day(date.fromisoformat(q["ondate"]), NBRB_RATES), "application/json"))
    with http.client() as client:
        first = update_source(db, client, "nbrb", MON, TUE, "tester")
        again = update_source(db, client, "nbrb", None, TUE, "tester")
    assert first.ok and first.saved is not None and first.saved.added == 8
    assert again.start == TUE and again.saved is not None and again.saved.unchanged == 4
    assert count(db, "nbrb") == 8


def test_an_offline_bank_changes_nothing_and_says_so(db, bank, offline_url, monkeypatch):
    monkeypatch.setenv("ACCORD_NBRB_URL", bank.url)
    bank.route("/rates", lambda p, q: (200, nbrb_day(date.fromisoformat(q["ondate"]), NBRB_RATES), "application/json"))
    with http.client() as client:
        update_source(db, client, "nbrb", MON, MON, "tester")
        monkeypatch.setenv("ACCORD_NBRB_URL", offline_url)
        outcome = update_source(db, client, "nbrb", TUE, FRI, "tester")
    assert not outcome.ok
    assert "connection refused" in outcome.error and "4 stored nbrb rates are kept" in outcome.error
    assert count(db) == 4


def test_a_failure_halfway_writes_nothing(db, bank, monkeypatch):
    monkeypatch.setenv("ACCORD_NBKR_URL", bank.url)

    def daily(path, q):
        if q["date"].startswith(f"{THU.day:02d}."):
            return 500, b"Internal Server Error", "text/plain"
        asked = date(int(q["date"][6:]), int(q["date"][3:5]), int(q["date"][:2]))
        return 200, nbkr_daily(asked, NBKR_RATES), "application/xml"

    bank.route("/daily.xml", daily)
    with http.client() as client:
        outcome = update_source(db, client, "nbkr", MON, FRI, "tester")
    assert not outcome.ok and "HTTP 500" in outcome.error
    assert count(db) == 0


def test_a_corrected_rate_replaces_the_stored_one(db, bank, monkeypatch):
    monkeypatch.setenv("ACCORD_ECB_URL", bank.url)
    answers = iter([[("USD", "1.1670")], [("USD", "1.1675")]])
    bank.route("/eurofxref-hist.xml", lambda p, q: (200, ecb_xml({FRI: next(answers)}), "text/xml"))
    with http.client() as client:
        update_source(db, client, "ecb", FRI, FRI, "tester")
        outcome = update_source(db, client, "ecb", FRI, FRI, "tester")
    assert outcome.saved is not None and outcome.saved.changed == 1
    with db.reading() as session:
        row = session.scalars(select(ExchangeRate)).one()
    assert (row.rate, row.scale, row.base) == (Decimal(10000), 11675, "EUR")


def test_a_bank_that_is_busy_for_a_moment_is_asked_again(db, bank, monkeypatch):
    answers = iter([(503, b"busy", "text/plain"), (502, b"bad gateway", "text/plain")])
    bank.route(
        "/rates",
        lambda p, q: next(answers, (200, nbrb_day(date.fromisoformat(q["ondate"]), NBRB_RATES), "application/json")),
    )
    with http.client() as client:
        outcome = update_source(db, client, "nbrb", MON, MON, "tester", bank.url)
    assert outcome.ok and outcome.saved is not None and outcome.saved.added == 4
    assert len(bank.requests) == 3
