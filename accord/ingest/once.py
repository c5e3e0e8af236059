"""Exactly once under concurrency: the database's unique keys decide, and the loser of a race retries.

Several workers may read the same item, or meet the same new person, at the same moment.
Each writes as if alone; the unique keys (an item's URL and text hash, a revision's
number, a new person's name key) make the second writer fail, and its transaction is run
again from the start, when it sees the first writer's rows: the same text is then a
duplicate, other text for the same URL a revision, the person one already known.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from accord.ingest.resolve import Name
from accord.store.db import Database

log = logging.getLogger(__name__)

T = TypeVar("T")

#: how many times a transaction that lost a race is run again
ATTEMPTS = 5


def _fold(word: str) -> str:
    return word.lower().replace("ё", "е").strip(".")


def person_key(name: str, country: str | None) -> str:
    """The key two workers creating the same new person agree on: country, surname, first initial."""
    parsed = Name.parse(name)
    first = _fold(parsed.first)[:1] if parsed.first else ""
    return f"{country or '-'}|{_fold(parsed.last)}|{first}"[:300]


def transient(exc: BaseException) -> bool:
    """A failure that goes away when the transaction is run again (a lost race, a deadlock, a busy SQLite)."""
    if isinstance(exc, IntegrityError):
        return True
    if isinstance(exc, OperationalError):
        code = getattr(exc.orig, "sqlstate", None)
        return code in {"40001", "40P01"} or "database is locked" in str(exc.orig)
    return False


def write_once(
    db: Database,
    actor: str | None,
    reason: str | None,
    write: Callable[[Session], T],
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Run ``write`` in a transaction; when it loses a race, run it again in a fresh one (a few times)."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with db.transaction(actor=actor, reason=reason) as session:
                return write(session)
        except (IntegrityError, OperationalError) as exc:
            if attempt == ATTEMPTS or not transient(exc):
                raise
            log.info("%s lost a race (%s), writing again", reason or "a write", exc.__class__.__name__)
            sleep(random.uniform(0, 0.05 * attempt))
    raise AssertionError("unreachable")
