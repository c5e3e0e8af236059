"""API tokens: shown once, stored only as a SHA-256 hash with a short prefix to find them."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.store.models import ApiToken, User

PREFIX = "acc_"


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue(session: Session, user: User) -> str:
    """Create a token for `user` and return its only clear copy."""
    body = secrets.token_urlsafe(32)
    token = f"{PREFIX}{body}"
    session.add(ApiToken(user_id=user.id, prefix=token[:12], token_hash=digest(token)))
    session.flush()
    return token


def resolve(session: Session, token: str) -> User | None:
    """The active user a presented token belongs to, or None (revoked, unknown, inactive)."""
    if not token.startswith(PREFIX):
        return None
    wanted = digest(token)
    for row in session.scalars(select(ApiToken).where(ApiToken.prefix == token[:12], ApiToken.revoked.is_(False))):
        if hmac.compare_digest(row.token_hash, wanted):
            user = row.user
            return user if user.active else None
    return None


def revoke_all(session: Session, user: User) -> int:
    count = 0
    for row in user.tokens:
        if not row.revoked:
            row.revoked = True
            count += 1
    return count
