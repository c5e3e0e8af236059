"""The example's exchange rates: month-end NBRB and NBKR rates for its trade years, illustrative.

A closed network cannot reach the banks, yet the example's trade should show in BYN or KGS on
the first run. These rates are near the published ranges but are example data: each row is
stored as illustrative, every conversion through one says so, and `accord fx update` replaces
a bank's illustrative rates with its own as soon as the bank can be reached.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlalchemy.orm import Session

from accord.fx.csvfile import read_rates
from accord.fx.store import SaveResult, save_rates

RATES_FILE = Path(__file__).with_name("illustrative_rates.csv")


def load_rates(session: Session) -> SaveResult:
    rates, errors = read_rates(RATES_FILE)
    if errors:  # the shipped file is checked by the tests; this guards against a broken edit
        raise ValueError(f"{RATES_FILE.name}: " + "; ".join(str(e) for e in errors))
    return save_rates(session, [replace(r, illustrative=True) for r in rates])
