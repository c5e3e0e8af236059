"""Declarative base, shared column types and the `Tracked` mixin for audited, versioned rows."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import DateTime, Integer, MetaData, Numeric, String, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps stored in UTC and always read back timezone-aware (SQLite forgets the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime given where a UTC timestamp is needed")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class Amount(TypeDecorator[Decimal]):
    """Exact decimal money and rates on both databases.

    SQLite has no decimal type; we keep the exact text there and NUMERIC on PostgreSQL.
    """

    impl = Numeric(24, 8)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> Any:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(40))
        return dialect.type_descriptor(Numeric(24, 8))

    def process_bind_param(self, value: Decimal | int | str | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        dec = Decimal(str(value))
        return format(dec.normalize(), "f") if dialect.name == "sqlite" else dec

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(str(value)).normalize() + Decimal(0)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Tracked:
    """A row whose changes are audited and guarded by optimistic locking.

    `version` is bumped by SQLAlchemy on every UPDATE and checked in its WHERE
    clause, so two transactions can never both save over the same version.
    """

    #: the name audit entries use for this kind of row (e.g. "measure")
    audit_entity: ClassVar[str]

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow, nullable=False)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805
        return {"version_id_col": cls.version}

    def audit_key(self) -> str:
        """The human key audit entries show, e.g. `2.3` for a measure."""
        return str(getattr(self, "id", "") or "")


class Archivable:
    """A record that is archived instead of deleted: it leaves the lists but stays readable.

    Archiving sets `archived_at`/`archived_by` through the ORM, so the audit trail
    records it (as action "archive", or "restore" when cleared) like any other change.
    """

    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, default=None)
    archived_by: Mapped[str | None] = mapped_column(String(120), nullable=True, default=None)

    @property
    def archived(self) -> bool:
        return self.archived_at is not None


class TrackedChild:
    """A dependent row (a responsible body of a measure, an office of a person).

    It has no version of its own: adding, changing or removing it is audited as a
    change of `audit_field` on its owner, and bumps the owner's version.
    """

    audit_field: ClassVar[str]

    def audit_owner(self) -> Tracked | None:
        raise NotImplementedError(type(self).__name__)

    def audit_value(self) -> str:
        raise NotImplementedError(type(self).__name__)
