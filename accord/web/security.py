"""Who is asking: a session cookie or a Bearer token; CSRF tokens for every form and cookie-borne write."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass

from fastapi import HTTPException, Request
from sqlalchemy.orm import Session

from accord.auth import sessions, tokens
from accord.auth.access import Principal
from accord.auth.users import principal
from accord.store.models import User


@dataclass(frozen=True)
class Caller:
    """The principal behind a request and how they proved it (cookie-borne writes need CSRF)."""

    user: Principal | None
    user_id: int | None = None
    via: str | None = None


ANONYMOUS = Caller(None)


def identify(request: Request, session: Session) -> Caller:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        user = tokens.resolve(session, header[7:].strip())
        if user is None:
            raise HTTPException(401, "invalid or revoked API token", headers={"WWW-Authenticate": "Bearer"})
        return Caller(principal(user), user.id, "token")
    token = request.session.get("sid")
    if not token:
        return ANONYMOUS
    user = sessions.resolve(session, token)
    if user is None:  # signed out elsewhere, password changed, account disabled, or expired
        request.session.pop("sid", None)
        return ANONYMOUS
    return Caller(principal(user), user.id, "session")


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(24)
        request.session["csrf"] = token
    return token


def check_csrf(request: Request, submitted: str | None) -> None:
    expected = request.session.get("csrf")
    if not expected or not submitted or not hmac.compare_digest(expected, submitted):
        raise HTTPException(403, "the form has expired or did not come from this site (CSRF token missing or wrong)")


def sign_in(request: Request, user: User, session: Session) -> None:
    """Start a server-side session for `user` (in the caller's transaction) and a fresh CSRF token."""
    token = sessions.start(session, user)
    request.session.clear()
    request.session["sid"] = token
    request.session["csrf"] = secrets.token_urlsafe(24)


def sign_out(request: Request, session: Session) -> None:
    """End this browser's session server-side too, so the old cookie is worth nothing."""
    token = request.session.get("sid")
    if token:
        sessions.end(session, token)
    lang = request.session.get("lang")
    request.session.clear()
    if lang:
        request.session["lang"] = lang
