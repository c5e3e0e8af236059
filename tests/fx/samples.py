"""Answers in each bank's documented format, written for the tests (values are test data, not real rates)."""

from __future__ import annotations

import json
from datetime import date


def nbrb_day(on: date, rates: list[tuple[int, str, int, str, str]]) -> bytes:
    """NBRB exrates/rates?ondate=…&periodicity=0: Cur_ID, abbreviation, scale, name, rate (as JSON numbers)."""
    items = [
        f'{{"Cur_ID":{cur_id},"Date":"{on.isoformat()}T00:00:00","Cur_Abbreviation":"{abbr}",'
        f'"Cur_Scale":{scale},"Cur_Name":{json.dumps(name, ensure_ascii=False)},"Cur_OfficialRate":{rate}}}'
        for cur_id, abbr, scale, name, rate in rates
    ]
    return ("[" + ",".join(items) + "]").encode("utf-8")


NBRB_RATES = [
    (431, "USD", 1, "Доллар США", "3.2685"),
    (451, "EUR", 1, "Евро", "3.8304"),
    (456, "RUB", 100, "Российских рублей", "3.9472"),
    (462, "KGS", 100, "Сомов", "3.7371"),
]


def nbkr_daily(on: date, rates: list[tuple[str, int, str]]) -> bytes:
    """NBKR daily.xml: windows-1251, decimal commas, Nominal per currency."""
    body = "".join(
        f'  <Currency ISOCode="{code}">\r\n    <Nominal>{nominal}</Nominal>\r\n    <Value>{value}</Value>\r\n  </Currency>\r\n'
        for code, nominal, value in rates
    )
    xml = (
        '<?xml version="1.0" encoding="windows-1251"?>\r\n'
        f'<CurrencyRates Name="Официальные курсы валют" Date="{on.strftime("%d.%m.%Y")}">\r\n{body}</CurrencyRates>\r\n'
    )
    return xml.encode("cp1251")


NBKR_RATES = [("USD", 1, "87,4500"), ("EUR", 1, "102,1540"), ("KZT", 1, "0,1610"), ("RUB", 1, "1,0540")]


def ecb_xml(days: dict[date, list[tuple[str, str]]]) -> bytes:
    """ECB eurofxref: Cube time=… with Cube currency/rate (units per 1 EUR), newest first."""
    cubes = "".join(
        f"<Cube time='{on.isoformat()}'>" + "".join(f"<Cube currency='{c}' rate='{r}'/>" for c, r in rates) + "</Cube>"
        for on, rates in sorted(days.items(), reverse=True)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" '
        'xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">'
        "<gesmes:subject>Reference rates</gesmes:subject>"
        "<gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>"
        f"<Cube>{cubes}</Cube></gesmes:Envelope>"
    ).encode()
