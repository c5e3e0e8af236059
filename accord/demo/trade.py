"""The example's trade: Belarus–Kyrgyzstan flows 2020–2025 as each side reports them, and the target.

Real (by Kyrgyz data): turnover about USD 133 million in 2024 (growth over 15 %),
USD 68 million in January–June 2025 of which Kyrgyz exports USD 22 million.
Every other figure is illustrative, flagged so, and says so in its source. The
Belarusian (mirror) figures differ from the Kyrgyz ones as mirror statistics do.
No exchange rates are shipped: conversions use rates fetched or imported with `accord fx`.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.orm import Session

from accord.store.models import Roadmap
from accord.trade.flows import FlowRecord
from accord.trade.importer import ImportReport, save_flows
from accord.trade.periods import parse_period
from accord.trade.targets import set_target

MILLION = Decimal(1_000_000)
KG_REAL = "Kyrgyz official data as cited at the Belarus–Kyrgyzstan talks, Minsk, 29 Sep 2025"
KG_SPLIT = "illustrative split of the real 2024 total of about USD 133 million (Kyrgyz data)"
ILLUSTRATIVE = "illustrative figure (example data, not an official statistic)"

#: reporter, period, export, import (USD million), source, illustrative
FIGURES: list[tuple[str, str, str, str, str, bool]] = [
    ("KG", "2020", "20.4", "52.7", ILLUSTRATIVE, True),
    ("KG", "2021", "26.1", "63.5", ILLUSTRATIVE, True),
    ("KG", "2022", "31.9", "72.8", ILLUSTRATIVE, True),
    ("KG", "2023", "36.8", "77.8", ILLUSTRATIVE, True),
    ("KG", "2024", "41.2", "91.8", KG_SPLIT, True),
    ("KG", "2024-H1", "18.9", "40.3", ILLUSTRATIVE, True),
    ("KG", "2025-H1", "22", "46", KG_REAL, False),
    ("BY", "2020", "50.9", "19.6", ILLUSTRATIVE, True),
    ("BY", "2021", "61.2", "27.3", ILLUSTRATIVE, True),
    ("BY", "2022", "75.4", "30.5", ILLUSTRATIVE, True),
    ("BY", "2023", "80.1", "35.2", ILLUSTRATIVE, True),
    ("BY", "2024", "94.6", "39.8", ILLUSTRATIVE, True),
    ("BY", "2024-H1", "41.5", "18.1", ILLUSTRATIVE, True),
    ("BY", "2025-H1", "47.3", "21.4", ILLUSTRATIVE, True),
]

TARGET_NOTE = (
    "At the talks of 29 Sep 2025 the sides spoke of bringing turnover to USD 500 million without naming "
    "a year; 2030 is the horizon of the roadmap signed that day, so it is taken as the target year."
)
TARGET_SOURCE = "talks of the heads of government of Belarus and Kyrgyzstan, Minsk, 29 Sep 2025"


def example_flows() -> list[FlowRecord]:
    """The example's figures as records (Kyrgyz import 2025-H1 is the real total less real exports)."""
    records = []
    for reporter, period, export, import_, source, illustrative in FIGURES:
        partner = "BY" if reporter == "KG" else "KG"
        for flow, millions in (("export", export), ("import", import_)):
            records.append(
                FlowRecord(
                    reporter, partner, parse_period(period), flow, "TOTAL", Decimal(millions) * MILLION, "USD",
                    source, illustrative,
                )
            )
    return records


def load_trade(session: Session, roadmap: Roadmap) -> None:
    """Add the example's trade flows and the USD 500 million turnover target (in the caller's transaction)."""
    save_flows(session, example_flows(), ImportReport())
    set_target(session, roadmap, Decimal(500) * MILLION, "USD", 2030, 2024, TARGET_NOTE, TARGET_SOURCE)
