"""The search index's table: one row per searchable record, its kind, id, display title, date and
lemmatised text (``accord.store.indexing`` keeps it current, ``accord.search`` queries it)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from accord.store.base import Base


class SearchEntry(Base):
    """Derived data: rebuilt from the record by `accord search reindex`, kept current on every write."""

    __tablename__ = "search_entry"
    __table_args__ = (UniqueConstraint("kind", "ref_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    ref_id: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    on: Mapped[date | None] = mapped_column(Date)
    lemmas: Mapped[str] = mapped_column(Text)
