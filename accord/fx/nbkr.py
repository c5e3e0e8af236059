"""National Bank of the Kyrgyz Republic: the daily XML of official rates.

`GET {base}/daily.xml?date=29.09.2025` answers (in windows-1251)::

    <CurrencyRates Name="Daily Exchange Rates" Date="29.09.2025">
      <Currency ISOCode="USD"><Nominal>1</Nominal><Value>87,4500</Value></Currency>

Values use a decimal comma and are KGS per `Nominal` units. On a weekend or
holiday the bank publishes nothing new: the file carries the date of the last
publication, and that is the date stored.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from xml.etree import ElementTree

from accord.fx.rates import Rate
from accord.net import Client, FetchError

SOURCE, HOME = "nbkr", "KGS"


def parse(payload: bytes) -> list[Rate]:
    try:
        root = ElementTree.fromstring(payload)
    except ElementTree.ParseError as exc:
        raise FetchError(f"NBKR answered something that is not its rates XML: {exc}") from exc
    if root.tag != "CurrencyRates" or not root.get("Date"):
        raise FetchError(f"NBKR answered XML without CurrencyRates/@Date (root <{root.tag}>)")
    try:
        on = datetime.strptime(root.get("Date", ""), "%d.%m.%Y").date()
    except ValueError as exc:
        raise FetchError(f"NBKR answered an unreadable date {root.get('Date')!r}") from exc
    rates = []
    for node in root.findall("Currency"):
        code = (node.get("ISOCode") or "").strip().upper()
        try:
            value = Decimal((node.findtext("Value") or "").strip().replace(" ", "").replace(",", "."))
            nominal = int((node.findtext("Nominal") or "1").strip())
            rates.append(Rate(SOURCE, on, code, HOME, value, nominal))
        except (InvalidOperation, ValueError) as exc:
            raise FetchError(f"NBKR answered an unreadable rate for {code or '?'} of {on}") from exc
    return rates


def fetch(http: Client, base_url: str, start: date, end: date) -> list[Rate]:
    """Rates published from `start` to `end`. Weekends are skipped: the bank publishes on working days."""
    rates: dict[tuple[date, str], Rate] = {}
    day = start
    while day <= end:
        if day.weekday() < 5:
            response = http.get(f"{base_url}/daily.xml", params={"date": day.strftime("%d.%m.%Y")})
            for rate in parse(response.body):
                if start <= rate.on <= end:
                    rates[(rate.on, rate.currency)] = rate
        day += timedelta(days=1)
    return [rates[key] for key in sorted(rates)]
