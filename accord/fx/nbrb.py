"""National Bank of the Republic of Belarus: the exrates JSON API, one request per day.

`GET {base}/rates?ondate=2025-09-29&periodicity=0` answers a list of
`{Cur_ID, Date, Cur_Abbreviation, Cur_Scale, Cur_Name, Cur_OfficialRate}`:
BYN for `Cur_Scale` units (100 RUB, 10 CNY…). A day without rates answers `[]`.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from decimal import Decimal

from accord.fx.rates import Rate
from accord.net import Client, FetchError

SOURCE, HOME = "nbrb", "BYN"


def parse(payload: str | bytes) -> list[Rate]:
    """Rates from one answer of the API; numbers read as decimals, never floats."""
    try:
        items = json.loads(payload, parse_float=Decimal, parse_int=Decimal)
    except ValueError as exc:
        raise FetchError(f"NBRB answered something that is not JSON: {exc}") from exc
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list):
        raise FetchError("NBRB answered JSON that is not a list of rates")
    rates = []
    for item in items:
        try:
            on = datetime.fromisoformat(str(item["Date"])).date()
            rates.append(
                Rate(
                    SOURCE,
                    on,
                    str(item["Cur_Abbreviation"]).upper(),
                    HOME,
                    Decimal(item["Cur_OfficialRate"]),
                    int(item["Cur_Scale"]),
                )
            )
        except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
            raise FetchError(f"NBRB answered a rate in an unexpected shape: {item!r}") from exc
    return rates


def fetch(http: Client, base_url: str, start: date, end: date) -> list[Rate]:
    """Every rate published from `start` to `end`; the day each answer states is the day stored."""
    rates: list[Rate] = []
    day = start
    while day <= end:
        response = http.get(f"{base_url}/rates", params={"ondate": day.isoformat(), "periodicity": "0"})
        rates.extend(parse(response.body))
        day += timedelta(days=1)
    return rates
