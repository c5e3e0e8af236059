"""Stored rates: the rate of a day, the last earlier publication, the source chosen for a pair."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from accord.fx.ecb import from_quote
from accord.fx.rates import Rate, RateNotFound
from accord.fx.store import convert, coverage, rate_on, save_rates

FRI, SAT, SUN, MON = date(2025, 9, 26), date(2025, 9, 27), date(2025, 9, 28), date(2025, 9, 29)

RATES = [
    Rate("nbrb", FRI, "USD", "BYN", Decimal("3.2685"), 1),
    Rate("nbrb", FRI, "KGS", "BYN", Decimal("3.7371"), 100),
    Rate("nbrb", MON, "USD", "BYN", Decimal("3.2700"), 1),
    Rate("nbkr", FRI, "USD", "KGS", Decimal("87.45"), 1),
    from_quote(FRI, "USD", Decimal("1.1670")),
]


@pytest.fixture
def stored(db):
    with db.transaction(actor="tester") as session:
        result = save_rates(session, RATES)
    assert result.added == len(RATES)
    return db


def test_it_finds_the_last_publication_on_or_before_a_day(stored):
    with stored.reading() as session:
        assert rate_on(session, "nbrb", "USD", SUN).on == FRI
        assert rate_on(session, "nbrb", "usd", MON).rate == Decimal("3.27")
        assert rate_on(session, "nbrb", "USD", date(2025, 9, 25)) is None
        assert rate_on(session, "nbrb", "USD", date(2025, 12, 31)) is None  # older than a month


def test_it_converts_a_weekend_date_with_fridays_rate(stored):
    with stored.reading() as session:
        result = convert(session, Decimal(100), "USD", "BYN", SAT)
    assert result.source == "nbrb" and result.result == Decimal("326.85")
    assert "of 2025-09-26" in result.describe() and "no NBRB publication on 2025-09-27" in result.describe()


def test_it_prefers_the_bank_of_the_pair(stored):
    with stored.reading() as session:
        to_kgs = convert(session, Decimal(100), "USD", "KGS", SAT)
        to_eur = convert(session, Decimal("116.7"), "USD", "EUR", SAT)
        via_nbrb = convert(session, Decimal(100), "USD", "KGS", SAT, source="nbrb")
    assert to_kgs.source == "nbkr" and to_kgs.result == Decimal("8745")
    assert to_eur.source == "ecb" and to_eur.result == Decimal(100)
    assert via_nbrb.source == "nbrb" and via_nbrb.result.quantize(Decimal("0.01")) == Decimal("8746.09")


def test_it_falls_back_to_another_bank_when_the_first_lacks_a_currency(stored):
    with stored.reading() as session, pytest.raises(RateNotFound, match="no other source has both KGS and EUR"):
        convert(session, Decimal(1), "KGS", "EUR", FRI)
    with stored.transaction(actor="tester") as session:
        save_rates(session, [Rate("nbrb", FRI, "EUR", "BYN", Decimal("3.8304"), 1)])
    with stored.reading() as session:
        result = convert(session, Decimal(1000), "KGS", "EUR", FRI)
    # NBKR has no EUR stored, ECB has no KGS; NBRB has both: 1000 KGS = 37.371 BYN = 37.371 / 3.8304 EUR
    assert result.source == "nbrb"
    assert result.result.quantize(Decimal("0.0001")) == Decimal("9.7564")


def test_it_names_what_is_missing(stored):
    with stored.reading() as session, pytest.raises(RateNotFound, match="no NBRB rate for CNY"):
        convert(session, Decimal(1), "CNY", "BYN", FRI, source="nbrb")


def test_saving_again_counts_unchanged_and_corrected(stored):
    with stored.transaction(actor="tester") as session:
        result = save_rates(session, [RATES[0], Rate("nbrb", FRI, "KGS", "BYN", Decimal("3.7400"), 100)])
    assert (result.added, result.changed, result.unchanged) == (0, 1, 1)
    with stored.reading() as session:
        assert rate_on(session, "nbrb", "KGS", FRI).rate == Decimal("3.74")
        nbrb = next(c for c in coverage(session) if c.source == "nbrb")
    assert (nbrb.rates, nbrb.first, nbrb.last, nbrb.currencies) == (3, FRI, MON, 2)
