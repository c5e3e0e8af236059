"""Who is asking: a session cookie or a Bearer token; CSRF tokens for every form and cookie-borne write."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from fastapi import HTTPException, Request
from sqlalchemy.orm import Session

from accord.auth import tokens
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
    user_id = request.session.get("uid")
    if user_id is None:
        return ANONYMOUS
    user = session.get(User, user_id)
    if user is None or not user.active or request.session.get("key") != session_key(user):
        request.session.pop("uid", None)
        return ANONYMOUS
    return Caller(principal(user), user.id, "session")


def session_key(user: User) -> str:
    """Changes when the password does, so a password change signs out every other session.

    A digest, not a piece of the hash: the session cookie is signed, not encrypted.
    """
    return hashlib.sha256((user.password_hash or "").encode("utf-8")).hexdigest()[:16]


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


def sign_in(request: Request, user: User) -> None:
    request.session.clear()
    request.session["uid"] = user.id
    request.session["key"] = session_key(user)
    request.session["csrf"] = secrets.token_urlsafe(24)


def sign_out(request: Request) -> None:
    lang = request.session.get("lang")
    request.session.clear()
    if lang:
        request.session["lang"] = lang
