"""The audit trail and optimistic locking, enforced for every write through the ORM.

A flush listener writes one AuditEntry per changed field of every `Tracked` row
(and per added/removed `TrackedChild`, filed under its owner) in the same
transaction as the change. Versions guard against lost updates: a form or file
based on an older version is refused with `ConflictError` naming who changed it.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import Text, event, insert, inspect, select
from sqlalchemy.orm import Session, UOWTransaction
from sqlalchemy.orm.exc import StaleDataError

from accord.store.base import Tracked, TrackedChild, utcnow
from accord.store.models.accounts import AuditEntry

SKIPPED = {"version", "created_at", "updated_at"}


class AuditError(RuntimeError):
    """Tracked data was about to change with nobody named as the author."""


class ConflictError(RuntimeError):
    """An edit was based on a version of a row that someone else has since changed."""

    def __init__(self, message: str, entity: str = "", key: str = "", by: str | None = None) -> None:
        super().__init__(message)
        self.entity, self.key, self.by = entity, key, by


class FieldError(ValueError):
    """A value a column cannot hold as given (too long, or with a NUL character); names the field."""

    def __init__(self, entity: str, field: str, message: str) -> None:
        super().__init__(f"{entity} {field}: {message}")
        self.entity, self.field, self.message = entity, field, message


#: the most characters an unbounded text column of the record takes (titles, notes, descriptions)
TEXT_LIMIT = 20_000


def bind(session: Session, actor: str | None, reason: str | None = None) -> None:
    session.info["actor"] = actor
    session.info["reason"] = reason


def set_reason(session: Session, reason: str | None) -> None:
    session.info["reason"] = reason


def show(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _label(obj: Tracked) -> str:
    try:
        return obj.audit_key()
    except Exception:  # noqa: BLE001 - a label must never break a save
        return str(getattr(obj, "id", ""))


def last_change(session: Session, entity: str, entity_id: int) -> AuditEntry | None:
    return session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()


def conflict(session: Session, obj: Tracked, based_on: int, current: int) -> ConflictError:
    last = last_change(session, obj.audit_entity, obj.id)
    who = f" by {last.actor} at {last.at:%Y-%m-%d %H:%M} UTC" if last else ""
    key = _label(obj)
    return ConflictError(
        f"{obj.audit_entity} {key} was changed{who} (now version {current}, your edit is based on "
        f"version {based_on}); nothing was saved — reload it and apply your edit again",
        entity=obj.audit_entity,
        key=key,
        by=last.actor if last else None,
    )


def check_version(session: Session, obj: Tracked, based_on: int | None) -> None:
    """Refuse an edit prepared against an older version of the row."""
    if based_on is not None and based_on != obj.version:
        raise conflict(session, obj, based_on, obj.version)


def lost_race(session: Session) -> Exception:
    """What a StaleDataError means: roll back and name the row someone else changed meanwhile.

    SQLAlchemy raises it from any flush (an explicit one inside a write, or the commit's)
    when an UPDATE or DELETE guarded by a version found no row. Returns the ConflictError
    to raise, or the StaleDataError itself when no row we noted had moved.
    """
    suspects = list(session.info.get("flushing_versions", []))
    session.rollback()
    for model, row_id, based_on in suspects:
        current = session.get(model, row_id, populate_existing=True)
        if current is None:
            return ConflictError(f"{model.audit_entity} {row_id} was deleted meanwhile; nothing was saved",
                                 entity=model.audit_entity, key=str(row_id))
        if current.version != based_on:
            return conflict(session, current, based_on, current.version)
    return StaleDataError("a versioned row changed meanwhile; nothing was saved")


@event.listens_for(Session, "before_flush")
def _touch_owners(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    """A child row's change is a change of its owner: bump the owner's version.

    Also notes the version each changed row was read at, to explain a lost race.
    """
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, Tracked | TrackedChild):
            _check_values(obj)
    changed = [o for o in (*session.new, *session.dirty, *session.deleted) if isinstance(o, TrackedChild)]
    for child in changed:
        owner = child.audit_owner()
        if owner is not None and owner not in session.deleted and inspect(owner).persistent:
            owner.updated_at = utcnow()
    session.info["flushing_versions"] = [
        (type(o), o.id, o.version) for o in (*session.dirty, *session.deleted) if isinstance(o, Tracked)
    ]


def _check_values(obj: Tracked | TrackedChild) -> None:
    """Refuse what a column cannot hold, on both databases alike.

    SQLite keeps a string longer than its column and PostgreSQL refuses it with a
    driver error; NUL characters PostgreSQL cannot store at all.
    """
    state = inspect(obj)
    entity = getattr(obj, "audit_entity", None) or getattr(obj, "audit_field", type(obj).__name__.lower())
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        value = history.added[0] if history.added else None
        if not isinstance(value, str):
            continue
        if "\x00" in value:
            raise FieldError(entity, attr.key, "contains a NUL character")
        column = attr.columns[0]
        limit = getattr(column.type, "length", None) or (TEXT_LIMIT if isinstance(column.type, Text) else None)
        if limit is not None and len(value) > limit:
            raise FieldError(entity, attr.key, f"{len(value):,} characters, at most {limit:,}")


@event.listens_for(Session, "after_flush")
def _write_audit(session: Session, _flush: UOWTransaction) -> None:
    rows: list[dict[str, Any]] = []
    for obj in session.new:
        if isinstance(obj, Tracked):
            rows.append(_row(obj, "create", None, None, _label(obj)))
        elif isinstance(obj, TrackedChild):
            rows.extend(_child_rows(session, obj, "add", None, obj.audit_value()))
    for obj in session.dirty:
        if isinstance(obj, Tracked):
            rows.extend(_field_rows(obj))
        elif isinstance(obj, TrackedChild):
            rows.extend(_child_updates(session, obj))
    for obj in session.deleted:
        if isinstance(obj, Tracked):
            rows.append(_row(obj, "delete", None, _label(obj), None))
        elif isinstance(obj, TrackedChild):
            rows.extend(_child_rows(session, obj, "remove", obj.audit_value(), None))
    if not rows:
        return
    actor = session.info.get("actor")
    if not actor:
        raise AuditError("tracked data changed with no author: open the transaction with an actor")
    now = utcnow()
    reason = session.info.get("reason")
    for row in rows:
        row.update(actor=actor, at=now, reason=reason)
    session.connection().execute(insert(AuditEntry), rows)


def _row(obj: Tracked, action: str, field: str | None, old: str | None, new: str | None) -> dict[str, Any]:
    return {
        "entity": obj.audit_entity,
        "entity_id": obj.id,
        "entity_key": _label(obj),
        "action": action,
        "field": field,
        "old": old,
        "new": new,
        "version": obj.version,
    }


def _changes(obj: Tracked | TrackedChild) -> list[tuple[str, str | None, str | None]]:
    """(column, old, new) for every column whose value really changed in this flush."""
    state = inspect(obj)
    changes = []
    for attr in state.mapper.column_attrs:
        if attr.key in SKIPPED:
            continue
        history = state.attrs[attr.key].history
        if not history.has_changes():
            continue
        old = show(history.deleted[0]) if history.deleted else None
        new = show(history.added[0]) if history.added else None
        if old != new:
            changes.append((attr.key, old, new))
    return changes


def _field_rows(obj: Tracked) -> list[dict[str, Any]]:
    return [_row(obj, _action(key, new), key, old, new) for key, old, new in _changes(obj)]


def _action(field: str, new: str | None) -> str:
    """Archiving is named as such in the trail, so a reader sees a record was archived, not edited."""
    if field in ("archived_at", "archived_by"):
        return "archive" if new is not None else "restore"
    return "update"


def _child_updates(session: Session, obj: TrackedChild) -> list[dict[str, Any]]:
    owner = obj.audit_owner()
    if owner is None or owner in session.deleted:
        return []
    return [_row(owner, "update", f"{obj.audit_field}.{key}", old, new) for key, old, new in _changes(obj)]


def _child_rows(session: Session, obj: TrackedChild, action: str, old: str | None, new: str | None) -> list[dict[str, Any]]:
    owner = obj.audit_owner()
    if owner is None or owner in session.deleted:
        return []
    return [_row(owner, action, obj.audit_field, old, new)]
