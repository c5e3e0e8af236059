"""Users, their roles and scopes, API tokens, and the audit trail."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from accord.store.base import Base, Tracked, UTCDateTime, utcnow


class User(Tracked, Base):
    __tablename__ = "user_account"
    audit_entity = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    display_name: Mapped[str | None] = mapped_column(String(200))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    party: Mapped[str | None] = mapped_column(ForeignKey("country.code"))
    direction: Mapped[str | None] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(default=True)
    #: where deadline reminders go, and in which language they are written
    email: Mapped[str | None] = mapped_column(String(320))
    lang: Mapped[str] = mapped_column(String(2), default="ru", server_default="ru")

    tokens: Mapped[list[ApiToken]] = relationship(back_populates="user", cascade="all, delete-orphan")

    def audit_key(self) -> str:
        return self.name


class ApiToken(Base):
    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    prefix: Mapped[str] = mapped_column(String(12), index=True)
    token_hash: Mapped[str] = mapped_column(String(128), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked: Mapped[bool] = mapped_column(default=False)
    #: "api" tokens act as their user; "calendar" tokens only read that user's deadline feed
    scope: Mapped[str] = mapped_column(String(10), default="api", server_default="api")

    user: Mapped[User] = relationship(back_populates="tokens")


class WebSession(Base):
    """A signed-in browser session; the cookie carries its token, the database only the hash.

    Deleting the row ends the session at once (sign-out, password change, account disabled).
    """

    __tablename__ = "web_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    user: Mapped[User] = relationship()


class AuditEntry(Base):
    """Who changed which field of which row, from what to what, when and why."""

    __tablename__ = "audit_entry"
    #: a row's history (every measure page, every conflict message) is read by (entity, entity_id)
    __table_args__ = (Index("ix_audit_entry_entity_row", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(120))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(Integer)
    entity_key: Mapped[str] = mapped_column(String(400))
    action: Mapped[str] = mapped_column(String(10))
    field: Mapped[str | None] = mapped_column(String(80))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int | None] = mapped_column(Integer)
