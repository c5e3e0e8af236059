"""Paginated lists in one shape for pages and the API: items, total, limit, offset."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

T = TypeVar("T")

MAX_LIMIT = 500


@dataclass
class Listing(Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self, item: Callable[[T], dict[str, Any]]) -> dict[str, Any]:
        return {"items": [item(i) for i in self.items], "total": self.total, "limit": self.limit,
                "offset": self.offset, **self.extra}

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.limit)) if self.limit else 1

    @property
    def page(self) -> int:
        return self.offset // self.limit + 1 if self.limit else 1


def paginate(session: Session, query: Select[Any], limit: int, offset: int) -> Listing[Any]:
    """Run `query` for one page and count all its rows."""
    limit = max(1, min(limit, MAX_LIMIT))
    offset = max(0, offset)
    total = session.execute(select(func.count()).select_from(query.order_by(None).subquery())).scalar_one()
    items = list(session.scalars(query.limit(limit).offset(offset)).unique())
    return Listing(items, total, limit, offset)
