"""HTTP validators remembered per fetched page, so the next poll asks only for what changed."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.store.models import FetchedPage


@dataclass(frozen=True, slots=True)
class PageState:
    """Validators to remember for a fetched page (saved with the item, in its transaction)."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    stamp: str | None = None


def remember_page(session: Session, page: PageState) -> None:
    row = session.scalar(select(FetchedPage).where(FetchedPage.url == page.url))
    if row is None:
        row = FetchedPage(url=page.url)
        session.add(row)
    row.etag, row.last_modified, row.stamp = page.etag, page.last_modified, page.stamp
