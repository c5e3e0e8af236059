"""A record's audit trail as pages and the API show it, for any audited register."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.store.models import AuditEntry


def history(session: Session, entity: str, record_id: int, limit: int = 100) -> list[AuditEntry]:
    """Newest first: who changed what, archiving included."""
    return list(session.scalars(
        select(AuditEntry).where(AuditEntry.entity == entity, AuditEntry.entity_id == record_id)
        .order_by(AuditEntry.id.desc()).limit(limit)))


def changes_since(session: Session, entity: str, record_id: int, version: int) -> list[AuditEntry]:
    """What others changed after the version a stale form was based on (shown instead of saving over it)."""
    return list(session.scalars(
        select(AuditEntry).where(AuditEntry.entity == entity, AuditEntry.entity_id == record_id,
                                 AuditEntry.version > version).order_by(AuditEntry.id)))
