"""Where news comes from: named sources, what was fetched from them, what failed, and past texts.

A named source (a feed or a page) is polled by `accord watch`; its ETag and
Last-Modified make the next poll a cheap conditional GET. Every failed fetch is
logged with its reason so `accord source show NAME` can tell what went wrong.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from accord.store.base import Base, UTCDateTime, utcnow


class NewsSource(Base):
    """A feed or page accord reads regularly, with what it needs for a conditional GET."""

    __tablename__ = "news_source"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    url: Mapped[str] = mapped_column(String(2000))
    kind: Mapped[str] = mapped_column(String(10))  # "feed" or "page"
    active: Mapped[bool] = mapped_column(default=True)
    etag: Mapped[str | None] = mapped_column(String(400))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_polled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_ok_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    items_seen: Mapped[int] = mapped_column(Integer, default=0)
    #: a scheduler's claim on the next poll: one poll per source at a time, however many schedulers run
    lease_token: Mapped[str | None] = mapped_column(String(36))
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    next_poll_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    failures: Mapped[list[FetchFailure]] = relationship(back_populates="news_source", passive_deletes=True)


class FetchFailure(Base):
    """One fetch or read that failed, and why (kept for `accord source show`)."""

    __tablename__ = "fetch_failure"

    id: Mapped[int] = mapped_column(primary_key=True)
    news_source_id: Mapped[int | None] = mapped_column(ForeignKey("news_source.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(2000))
    url: Mapped[str | None] = mapped_column(String(2000))
    error: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    news_source: Mapped[NewsSource | None] = relationship(back_populates="failures")


class FetchedPage(Base):
    """Validators of a page already read, so a re-poll asks "changed since?" instead of downloading."""

    __tablename__ = "fetched_page"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    etag: Mapped[str | None] = mapped_column(String(400))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    stamp: Mapped[str | None] = mapped_column(String(100))  # the feed entry's updated/published value
    checked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SourceItemRevision(Base):
    """An earlier text of a source item, kept when the same URL comes back with new text."""

    __tablename__ = "source_item_revision"
    __table_args__ = (UniqueConstraint("source_item_id", "revision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_item_id: Mapped[int] = mapped_column(ForeignKey("source_item.id", ondelete="CASCADE"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    text_hash: Mapped[str] = mapped_column(String(64), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    fetched_at: Mapped[datetime] = mapped_column(UTCDateTime)
