"""RSS and Atom feeds (feedparser) reduced to the entries accord needs: link, title, date, stamp."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin


class FeedError(Exception):
    """The bytes are not a usable feed; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Entry:
    """One feed entry: the page to fetch, and a stamp that changes when the entry is updated."""

    link: str
    title: str | None
    stamp: str | None
    summary: str | None
    published: date | None = None


def parse_feed(data: bytes, base_url: str) -> list[Entry]:
    """Entries in feed order; a malformed feed with no entries raises ``FeedError``.

    feedparser is lenient (its ``bozo`` flag marks a feed that was not well formed);
    a feed that still yields entries with links is used, one that yields none is refused.
    """
    import feedparser

    parsed = feedparser.parse(data)
    entries = []
    for item in parsed.entries:
        link = item.get("link") or ""
        if not link:
            continue
        # dict.get: feedparser's own get maps "updated" to "published" with a warning
        stamp = dict.get(item, "updated") or dict.get(item, "published") or dict.get(item, "id")
        entries.append(
            Entry(
                link=urljoin(base_url, link.strip()),
                title=(item.get("title") or "").strip() or None,
                stamp=str(stamp)[:100] if stamp else None,
                summary=(item.get("summary") or "").strip() or None,
                published=_day(dict.get(item, "published_parsed") or dict.get(item, "updated_parsed")),
            )
        )
    if not entries:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            detail = str(problem).splitlines()[0][:200] if problem else "not well formed"
            raise FeedError(f"malformed feed: {detail}")
        if not parsed.get("version"):
            raise FeedError("not an RSS or Atom feed")
    return entries


def _day(parsed: object) -> date | None:
    """A feed's parsed time (a struct_time) as a date."""
    try:
        return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)  # type: ignore[attr-defined]
    except (AttributeError, TypeError, ValueError):
        return None
