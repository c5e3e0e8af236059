"""Archiving a record instead of deleting it: it leaves the lists, stays readable, and the audit says so.

The same two functions serve every archivable register (agreements, projects, sessions,
decisions, organisations, people) from the CLI, the forms and the API.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import Select
from sqlalchemy.orm import Session

from accord.store.audit import check_version
from accord.store.base import Archivable, Tracked, utcnow

A = TypeVar("A", bound=Archivable)


class ArchiveError(ValueError):
    """Archiving what is archived already, or restoring what is not; the message names the record."""


def _name(record: Archivable) -> str:
    entity = getattr(record, "audit_entity", type(record).__name__.lower())
    return f"{entity} {getattr(record, 'id', '')}".strip()


def archive(session: Session, record: A, actor: str, based_on: int | None = None) -> A:
    """Archive `record` as `actor`; a stale `based_on` raises ConflictError naming who changed it."""
    if isinstance(record, Tracked):
        check_version(session, record, based_on)
    if record.archived_at is not None:
        raise ArchiveError(f"{_name(record)} is archived already (by {record.archived_by})")
    record.archived_at = utcnow()
    record.archived_by = actor
    session.flush()
    return record


def restore(session: Session, record: A, based_on: int | None = None) -> A:
    """Bring an archived record back into the lists."""
    if isinstance(record, Tracked):
        check_version(session, record, based_on)
    if record.archived_at is None:
        raise ArchiveError(f"{_name(record)} is not archived")
    record.archived_at = None
    record.archived_by = None
    session.flush()
    return record


def listed(query: Select[Any], model: type[Archivable], archived: bool = False) -> Select[Any]:
    """A register's list query: live records only, unless the reader asked to see the archived too."""
    return query if archived else query.where(model.archived_at.is_(None))
