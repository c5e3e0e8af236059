"""European Central Bank: the euro foreign exchange reference rates (XML).

`{base}/eurofxref-daily.xml`, `eurofxref-hist-90d.xml` and `eurofxref-hist.xml`
hold `<Cube time="2025-09-26"><Cube currency="USD" rate="1.1670"/>…`: units of the
currency per 1 EUR, on TARGET working days only. A quote q with d decimals is
stored exactly as rate 10^d and scale q·10^d (10000 EUR buy 11670 USD).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from xml.etree import ElementTree

from accord.fx.rates import Rate
from accord.net import Client, FetchError

SOURCE, HOME = "ecb", "EUR"
NS = "{http://www.ecb.int/vocabulary/2002-08-01/eurofxref}"


def from_quote(on: date, currency: str, quote: Decimal) -> Rate:
    """A stored rate from an ECB quote (foreign units per 1 EUR), with no rounding."""
    exponent = quote.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    unit = 10**places
    return Rate(SOURCE, on, currency, HOME, Decimal(unit), int(quote * unit))


def parse(payload: bytes) -> list[Rate]:
    try:
        root = ElementTree.fromstring(payload)
    except ElementTree.ParseError as exc:
        raise FetchError(f"ECB answered something that is not its reference rates XML: {exc}") from exc
    days = root.iter(f"{NS}Cube")
    rates = []
    for day in days:
        when = day.get("time")
        if not when:
            continue
        on = date.fromisoformat(when)
        for node in day.findall(f"{NS}Cube"):
            code = (node.get("currency") or "").upper()
            try:
                quote = Decimal(node.get("rate") or "")
            except InvalidOperation as exc:
                raise FetchError(f"ECB answered an unreadable rate for {code} of {on}") from exc
            if quote <= 0:
                raise FetchError(f"ECB answered a non-positive rate for {code} of {on}")
            rates.append(from_quote(on, code, quote))
    if not rates and root.find(f".//{NS}Cube") is None:
        raise FetchError("ECB answered XML without reference rates (no Cube elements)")
    return rates


def document(start: date, end: date, today: date) -> str:
    """The smallest of the bank's files that covers the range."""
    if start >= today - timedelta(days=1) and end >= today - timedelta(days=1):
        return "eurofxref-daily.xml"
    if start >= today - timedelta(days=85):
        return "eurofxref-hist-90d.xml"
    return "eurofxref-hist.xml"


def fetch(http: Client, base_url: str, start: date, end: date, today: date | None = None) -> list[Rate]:
    name = document(start, end, today or date.today())
    response = http.get(f"{base_url}/{name}")
    return [r for r in parse(response.body) if start <= r.on <= end]
