"""UN Comtrade API answers (`{"count": n, "data": [...]}`) as rows for the ordinary checks.

Each record has `reporterCode`/`reporterISO`, `partnerCode`/`partnerISO`,
`flowCode` (X export, M import; RX/RM re-exports and re-imports are not bilateral
flows here), `period` (`2024` or `202403`), `cmdCode` and `primaryValue` in US dollars.
Breakdowns by second partner, customs procedure or transport mode are not totals
and are refused, so they can never be added up twice.
"""

from __future__ import annotations

import json

from accord.io.table_files import TableFileError

FLOW_CODES = {"X": "export", "M": "import"}
SOURCE = "UN Comtrade"


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def is_comtrade(text: str) -> bool:
    start = text.lstrip()[:1]
    return start in ("{", "[")


def read_comtrade(text: str) -> list[tuple[int, dict[str, str]]]:
    """Rows numbered 1… in the order of `data`; values kept as text (numbers exactly as written)."""
    try:
        document = json.loads(text, parse_float=str, parse_int=str)
    except ValueError as exc:
        raise TableFileError(f"not valid JSON: {exc}") from exc
    if isinstance(document, dict):
        if document.get("error"):
            raise TableFileError(f"the UN Comtrade answer reports an error: {document['error']}")
        data = document.get("data")
    else:
        data = document
    if not isinstance(data, list):
        raise TableFileError("not a UN Comtrade answer: no `data` list")
    rows = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise TableFileError(f"record {number} of `data` is not an object")
        flow_code = _text(item.get("flowCode")).upper()
        row = {
            "reporter": _text(item.get("reporterISO") or item.get("reporterCode")),
            "partner": _text(item.get("partnerISO") or item.get("partnerCode")),
            "period": _text(item.get("period") or item.get("refYear")),
            "flow": FLOW_CODES.get(flow_code, flow_code or ""),
            "commodity": _text(item.get("cmdCode") or "TOTAL"),
            "value": _text(item.get("primaryValue")),
            "currency": "USD",
            "source": f"{SOURCE} ({_text(item.get('reporterDesc')) or 'reporter'} declaration)",
            "_breakdown": breakdown(item),
        }
        rows.append((number, row))
    return rows


def breakdown(item: dict[str, object]) -> str:
    """Why a record is a breakdown rather than a total, or '' for a total."""
    partner2 = _text(item.get("partner2Code"))
    if partner2 not in ("", "0"):
        return f"second partner {partner2}"
    customs = _text(item.get("customsCode"))
    if customs not in ("", "C00"):
        return f"customs procedure {customs}"
    transport = _text(item.get("motCode"))
    if transport not in ("", "0"):
        return f"transport mode {transport}"
    return ""
