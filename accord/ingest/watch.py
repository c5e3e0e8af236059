"""`accord watch`: poll every saved source, round after round, one failing source never stopping the others."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable

from accord.ingest.fetch import Policy
from accord.ingest.run import Ingestor, Progress, Summary, saved_sources
from accord.store.db import Database

log = logging.getLogger(__name__)

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(text: str) -> float:
    """Seconds in "90", "30s", "15m", "1h" or "1d"."""
    match = _DURATION.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a duration: write 30s, 15m, 1h or 1d")
    seconds = float(match.group(1)) * _UNIT[match.group(2).lower()]
    if seconds <= 0:
        raise ValueError("the interval must be longer than zero")
    return seconds


def poll_all(
    db: Database,
    actor: str,
    names: list[str] | None = None,
    policy: Policy | None = None,
    progress: Progress | None = None,
) -> Summary:
    """One round over the saved sources."""
    with Ingestor(db, actor, policy, progress) as ingestor:
        for source in saved_sources(db, names):
            try:
                ingestor.poll(source)
            except Exception as exc:  # noqa: BLE001 - one failing source never stops the others
                log.exception("polling %s failed", source.name)
                ingestor.summary.failed.append(
                    {"source": source.name, "error": f"{exc.__class__.__name__}: {exc}"}
                )
                ingestor.summary.sources_failed += 1
        return ingestor.summary


def watch(
    db: Database,
    actor: str,
    every: float,
    rounds: int | None = None,
    names: list[str] | None = None,
    policy: Policy | None = None,
    on_round: Callable[[int, Summary], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> list[Summary]:
    """Poll round after round (forever, or ``rounds`` times), sleeping ``every`` seconds between rounds."""
    done: list[Summary] = []
    round_number = 0
    while rounds is None or round_number < rounds:
        round_number += 1
        started = time.monotonic()
        summary = poll_all(db, actor, names, policy)
        if on_round is not None:
            on_round(round_number, summary)
        if rounds is not None:  # an endless watch keeps no history
            done.append(summary)
        if rounds is not None and round_number >= rounds:
            break
        sleep(max(0.0, every - (time.monotonic() - started)))
    return done
