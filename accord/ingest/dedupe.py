"""Is this text stored already? One query on hashes and the URL, before any language processing."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from accord.domain.kinds import ItemStatus
from accord.store.models import SourceItem, SourceItemRevision


class AlreadyStored(Exception):
    """The item's text is in the record already (found between the check and the write)."""

    def __init__(self, item_id: int | None) -> None:
        super().__init__(f"already stored as item {item_id}")
        self.item_id = item_id


def check(session: Session, key: str, digest: str) -> tuple[str, int | None]:
    """("duplicate", id) if this text is stored already, ("skipped", id) if it is stored but was held
    back unread by the relevance gate, ("revision", id) if the URL has other text, else ("new", None)."""
    rows = session.execute(
        select(SourceItem.id, SourceItem.url, SourceItem.text_hash, SourceItem.status).where(
            or_(SourceItem.url == key, SourceItem.text_hash == digest)
        )
    ).all()
    same = next((r for r in rows if r.text_hash == digest), None)
    if same is not None:
        return ("skipped" if same.status == ItemStatus.SKIPPED else "duplicate"), same.id
    same_url = next((r.id for r in rows if r.url == key), None)
    if same_url is not None:
        if session.scalar(
            select(SourceItemRevision.id).where(
                SourceItemRevision.source_item_id == same_url, SourceItemRevision.text_hash == digest
            )
        ):
            return "duplicate", same_url  # an older text served again
        return "revision", same_url
    return "new", None
