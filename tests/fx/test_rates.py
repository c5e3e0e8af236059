"""Conversion arithmetic against values computed by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.fx.ecb import from_quote
from accord.fx.rates import Rate, RateNotFound, convert

FRIDAY, SUNDAY = date(2025, 9, 26), date(2025, 9, 28)

NBRB = {
    "USD": Rate("nbrb", FRIDAY, "USD", "BYN", Decimal("3.2685"), 1),
    "RUB": Rate("nbrb", FRIDAY, "RUB", "BYN", Decimal("3.9472"), 100),
    "KGS": Rate("nbrb", FRIDAY, "KGS", "BYN", Decimal("3.7371"), 100),
}
ECB = {"USD": from_quote(FRIDAY, "USD", Decimal("1.1670")), "GBP": from_quote(FRIDAY, "GBP", Decimal("0.87"))}


def nbrb(amount: str, a: str, b: str, on: date = FRIDAY):
    return convert(Decimal(amount), a, b, on, "nbrb", NBRB.get)


def test_it_applies_the_scale_of_100_units():
    # 100 RUB = 3.9472 BYN, so 1000 RUB = 39.472 BYN
    assert nbrb("1000", "RUB", "BYN").result == Decimal("39.472")
    assert nbrb("39.472", "BYN", "RUB").result == Decimal("1000")


def test_it_converts_into_the_home_currency_with_the_rate_shown():
    result = nbrb("100", "USD", "BYN")
    assert result.result == Decimal("326.85")
    assert result.legs == (NBRB["USD"],)
    assert "1 USD = 3.2685 BYN of 2025-09-26" in result.describe()
    assert "NBRB" in result.describe()


def test_it_makes_cross_rates_through_the_home_currency():
    # 100 USD = 326.85 BYN; 326.85 / (3.7371 / 100) = 8746.0865… KGS
    result = nbrb("100", "USD", "KGS")
    assert result.result.quantize(Decimal("0.01")) == Decimal("8746.09")
    assert [leg.currency for leg in result.legs] == ["USD", "KGS"]
    assert "100 KGS = 3.7371 BYN" in result.rate_text()


def test_it_keeps_ecb_quotes_exact():
    rate = ECB["USD"]
    assert (rate.rate, rate.scale) == (Decimal(1000), 1167)
    assert rate.quote() == "1 EUR = 1.167 USD"
    assert convert(Decimal("116.70"), "USD", "EUR", FRIDAY, "ecb", ECB.get).result == Decimal(100)
    assert convert(Decimal("100"), "EUR", "USD", FRIDAY, "ecb", ECB.get).result == Decimal("116.7")


def test_it_crosses_ecb_rates():
    # 100 USD = 100 / 1.167 EUR = 85.689… EUR; × 0.87 = 74.5501… GBP
    result = convert(Decimal("100"), "USD", "GBP", FRIDAY, "ecb", ECB.get)
    assert result.result.quantize(Decimal("0.0001")) == Decimal("74.5501")


def test_a_weekend_date_uses_the_last_earlier_publication_and_says_so():
    result = nbrb("10", "USD", "BYN", on=SUNDAY)
    assert result.on == SUNDAY
    assert result.rate_dates == [FRIDAY]
    assert result.stale
    text = result.describe()
    assert "of 2025-09-26" in text and "no NBRB publication on 2025-09-28" in text


def test_the_same_currency_needs_no_rate():
    result = convert(Decimal("5"), "usd", "USD", FRIDAY, "nbrb", lambda code: None)
    assert result.result == Decimal(5) and result.legs == () and result.describe() == "5.00 USD = 5.00 USD"


def test_a_missing_rate_is_named():
    with pytest.raises(RateNotFound, match="no NBRB rate for CNY on 2025-09-26"):
        nbrb("1", "CNY", "BYN")


def test_a_rate_must_be_positive():
    with pytest.raises(ValueError):
        Rate("nbrb", FRIDAY, "USD", "BYN", Decimal(0), 1)


def test_the_dictionary_form_carries_original_rate_date_and_source():
    data = nbrb("100", "USD", "KGS", on=SUNDAY).as_dict()
    assert data["amount"] == "100" and data["currency"] == "USD" and data["source"] == "nbrb"
    assert data["on"] == "2025-09-28"
    assert [r["date"] for r in data["rates"]] == ["2025-09-26", "2025-09-26"]
    assert data["rates"][1] == {
        "currency": "KGS", "base": "BYN", "rate": "3.7371", "scale": 100, "date": "2025-09-26",
        "quote": "100 KGS = 3.7371 BYN",
    }


CURRENCIES = st.sampled_from(["BYN", "USD", "RUB", "KGS"])
AMOUNTS = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1e12"), places=2, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(amount=AMOUNTS, a=CURRENCIES, b=CURRENCIES)
def test_there_and_back_returns_the_amount(amount, a, b):
    there = nbrb(str(amount), a, b)
    back = convert(there.result, b, a, FRIDAY, "nbrb", NBRB.get)
    assert abs(back.result - amount) <= Decimal("1e-20") * max(amount, 1)
    # and after rounding the intermediate figure to cents, within that cent's worth
    rounded = there.result.quantize(Decimal("0.01"))
    back_rounded = convert(rounded, b, a, FRIDAY, "nbrb", NBRB.get).result
    assert abs(back_rounded - amount) <= Decimal("0.005") * back.factor + Decimal("1e-20")


@settings(max_examples=200, deadline=None)
@given(amount=AMOUNTS, quote=st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("20000"), places=4))
def test_ecb_there_and_back_returns_the_amount(amount, quote):
    rates = {"XAU": from_quote(FRIDAY, "XAU", quote)}
    there = convert(amount, "EUR", "XAU", FRIDAY, "ecb", rates.get)
    assert there.result == amount * quote
    back = convert(there.result, "XAU", "EUR", FRIDAY, "ecb", rates.get)
    assert abs(back.result - amount) <= Decimal("1e-20") * max(amount, 1)
