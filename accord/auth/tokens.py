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


#: what a token may do: act as its user through the API, or only read that user's calendar feed
SCOPES = ("api", "calendar")


def issue(session: Session, user: User, scope: str = "api") -> str:
    """Create a token for `user` and return its only clear copy."""
    if scope not in SCOPES:
        raise ValueError(f"{scope!r} is not a token scope: use {' or '.join(SCOPES)}")
    body = secrets.token_urlsafe(32)
    token = f"{PREFIX}{body}"
    session.add(ApiToken(user_id=user.id, prefix=token[:12], token_hash=digest(token), scope=scope))
    session.flush()
    return token


def resolve(session: Session, token: str, scope: str = "api") -> User | None:
    """The active user a presented token of `scope` belongs to, or None (revoked, unknown, inactive, other scope)."""
    if not token.startswith(PREFIX):
        return None
    wanted = digest(token)
    rows = select(ApiToken).where(ApiToken.prefix == token[:12], ApiToken.revoked.is_(False), ApiToken.scope == scope)
    for row in session.scalars(rows):
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
