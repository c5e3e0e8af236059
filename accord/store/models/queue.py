"""Work handed to Celery workers and what came of it: the database, not a result backend, keeps outcomes.

A batch is one `accord ingest --queue` run (or one scheduled poll); each of its tasks is
one item. A task row goes from ``queued`` to ``new``, ``revised``, ``duplicate`` or
``failed`` exactly once, so a redelivered message finds its row done and does nothing.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from accord.store.base import Base, UTCDateTime, utcnow

#: the states a task row ends in
DONE_STATES = ("new", "revised", "duplicate", "failed")


class IngestBatch(Base):
    """One run handed to the workers; its summary is read back from its tasks."""

    __tablename__ = "ingest_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class IngestTask(Base):
    """One item of a batch: where it came from, how many times a worker took it, how it ended."""

    __tablename__ = "ingest_task"
    __table_args__ = (Index("ix_ingest_task_batch_state", "batch_id", "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("ingest_batch.id", ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(String(2000))
    url: Mapped[str | None] = mapped_column(String(2000))
    state: Mapped[str] = mapped_column(String(12), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    proposals: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
