"""News pages and feeds over the one HTTP client (`accord.net`): what ingest reads, how it introduces itself.

Every way a fetch can go wrong ends as ``FetchError(reason)`` with a reason a
person can read in `accord source show`; nothing here touches the database.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from accord import __version__
from accord.net import MAX_BYTES, Client, Fetched, FetchError, Policy

__all__ = ["MAX_BYTES", "Fetched", "FetchError", "Fetcher", "Policy", "looks_like_feed"]

USER_AGENT = f"accord/{__version__} (news ingest)"
TEXT_TYPES = (
    "text/",
    "application/xhtml",
    "application/xml",
    "application/rss",
    "application/atom",
    "application/rdf",
)
FEED_TYPES = ("application/rss", "application/atom", "application/rdf", "application/xml", "text/xml")


def looks_like_feed(fetched: Fetched) -> bool:
    """An RSS, Atom or RDF feed by its content type or its first bytes."""
    head = fetched.body[:512].lstrip().lower()
    return fetched.media_type.startswith(FEED_TYPES) or head.startswith(
        (b"<?xml", b"<rss", b"<feed", b"<rdf")
    )


class Fetcher(Client):
    """The client as news ingest uses it: text pages and feeds only, Russian preferred."""

    def __init__(self, policy: Policy | None = None, sleep: Callable[[float], None] = time.sleep) -> None:
        super().__init__(
            policy,
            user_agent=USER_AGENT,
            headers={"Accept-Language": "ru,en;q=0.5"},
            accept=TEXT_TYPES,
            accepting="a news page or feed",
            sleep=sleep,
        )
