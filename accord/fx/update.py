"""`accord fx update`: fetch a range of official rates from each bank, then store it in one go.

Everything is fetched before anything is written, and each bank's rates are
written in one transaction: an offline or failing bank leaves the stored rates
exactly as they were.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from accord.fx import ecb, nbkr, nbrb, sources
from accord.fx.rates import Rate
from accord.fx.store import SaveResult, save_rates
from accord.net import Client, FetchError
from accord.store.db import Database
from accord.store.models import ExchangeRate

log = logging.getLogger(__name__)

Fetcher = Callable[[Client, str, date, date], list[Rate]]

FETCHERS: dict[str, Fetcher] = {"nbrb": nbrb.fetch, "nbkr": nbkr.fetch, "ecb": ecb.fetch}


@dataclass
class UpdateOutcome:
    source: str
    start: date
    end: date
    saved: SaveResult | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def last_stored(db: Database, source: str) -> date | None:
    with db.reading() as session:
        # illustrative example rates are no publication to continue from
        return session.scalar(
            select(func.max(ExchangeRate.on)).where(ExchangeRate.source == source, ExchangeRate.illustrative.is_(False))
        )


def update_source(
    db: Database,
    http: Client,
    source: str,
    start: date | None,
    end: date,
    actor: str | None = None,
    base_url: str | None = None,
) -> UpdateOutcome:
    """Fetch one bank's rates from `start` (default: its last stored day, else `end`) to `end` and store them.

    `base_url` replaces the bank's own address (a mirror, or a test server).
    """
    src = sources.get(source)
    begin = start or last_stored(db, src.code) or end
    outcome = UpdateOutcome(src.code, begin, end)
    if begin > end:
        outcome.error = f"the start {begin} is after the end {end}"
        return outcome
    try:
        fetched = FETCHERS[src.code](http, (base_url or src.url).rstrip("/"), begin, end)
    except FetchError as exc:
        with db.reading() as session:
            kept = session.scalar(select(func.count(ExchangeRate.id)).where(ExchangeRate.source == src.code))
        outcome.error = f"{src.name} ({src.code}): {exc}. The {kept} stored {src.code} rates are kept; nothing was changed."
        log.warning("%s", outcome.error, exc_info=log.isEnabledFor(logging.DEBUG))
        return outcome
    fetched = [r for r in fetched if r.currency != src.home]
    with db.transaction(actor=actor, reason=f"fx update {src.code}") as session:
        outcome.saved = save_rates(session, fetched)
    return outcome
