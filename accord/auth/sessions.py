"""Browser sessions kept server-side: the cookie holds a random token, the database its hash.

A signed cookie alone cannot be taken back; a row can. Signing out deletes the row, a
password change or a disabled account deletes every row of the user, and a session older
than MAX_AGE is refused even if its cookie is still presented.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from accord.store.base import utcnow
from accord.store.models import User, WebSession

#: how long a sign-in lasts (the cookie's max-age is the same)
MAX_AGE = timedelta(hours=12)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start(session: Session, user: User) -> str:
    """A new session for `user`; returns the token for the cookie (its only clear copy)."""
    session.execute(delete(WebSession).where(WebSession.created_at < utcnow() - MAX_AGE))
    token = secrets.token_urlsafe(32)
    session.add(WebSession(user_id=user.id, token_hash=digest(token), created_at=utcnow()))
    session.flush()
    return token


def resolve(session: Session, token: str) -> User | None:
    """The active user of a live session, or None (signed out, expired, ended, account disabled)."""
    row = session.scalars(select(WebSession).where(WebSession.token_hash == digest(token))).first()
    if row is None or row.created_at < utcnow() - MAX_AGE:
        return None
    return row.user if row.user.active else None


def end(session: Session, token: str) -> None:
    session.execute(delete(WebSession).where(WebSession.token_hash == digest(token)))


def end_all(session: Session, user: User) -> int:
    """End every session of `user`; returns how many there were."""
    return session.execute(delete(WebSession).where(WebSession.user_id == user.id)).rowcount or 0
