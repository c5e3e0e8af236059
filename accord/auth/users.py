"""Creating accounts, checking passwords and changing them; every change audited."""

from __future__ import annotations

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from accord.auth import passwords, sessions
from accord.auth.access import Principal, check_scope_args
from accord.domain.kinds import Role
from accord.domain.sectors import SECTORS
from accord.store.base import utcnow
from accord.store.models import AuditEntry, Country, User


class AccountError(ValueError):
    """A request about an account that cannot be carried out; the message says why."""


def principal(user: User) -> Principal:
    return Principal(user.name, Role(user.role), user.party, user.direction, user.display_name)


def find(session: Session, name: str) -> User | None:
    return session.scalars(select(User).where(User.name == name)).first()


def add_user(
    session: Session,
    name: str,
    role: Role,
    password: str | None,
    party: str | None = None,
    direction: str | None = None,
    display_name: str | None = None,
    email: str | None = None,
    lang: str = "ru",
) -> User:
    """A new active account; the password is hashed (argon2) before it touches the database."""
    name = name.strip()
    if not name:
        raise AccountError("a user needs a name")
    if find(session, name) is not None:
        raise AccountError(f"a user named {name!r} already exists")
    party = party.upper() if party else None
    try:
        check_scope_args(role, party, direction)
    except ValueError as exc:
        raise AccountError(str(exc)) from exc
    if party and session.get(Country, party) is None:
        raise AccountError(f"{party!r} is not a known country code")
    if direction and direction not in SECTORS:
        raise AccountError(f"{direction!r} is not a sector code (e.g. {', '.join(list(SECTORS)[:4])})")
    try:
        hashed = passwords.hash_password(password) if password else None
    except passwords.WeakPassword as exc:
        raise AccountError(str(exc)) from exc
    user = User(name=name, role=role.value, party=party, direction=direction, display_name=display_name,
                password_hash=hashed, active=True, email=check_email(email), lang=check_lang(lang))
    session.add(user)
    session.flush()
    return user


LANGUAGES = ("ru", "en")


def check_email(address: str | None) -> str | None:
    """A plausible single address (reminders go there), or None to have none."""
    if address is None or not address.strip():
        return None
    address = address.strip()
    local, at, domain = address.rpartition("@")
    malformed = not at or not local or "." not in domain or any(ch.isspace() or ch in ",;<>" for ch in address)
    if malformed or len(address) > 320:
        raise AccountError(f"{address!r} is not an e-mail address")
    return address


def check_lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise AccountError(f"{lang!r} is not a language accord writes in: use {' or '.join(LANGUAGES)}")
    return lang


def set_contact(session: Session, user: User, email: str | None, lang: str | None) -> None:
    """Where and in which language reminders reach a user (audited like every account change)."""
    if email is not None:
        user.email = check_email(email)
    if lang is not None:
        user.lang = check_lang(lang)
    session.flush()


def authenticate(session: Session, name: str, password: str) -> User | None:
    """The active user with this name and password, or None; upgrades an outdated hash."""
    user = find(session, name.strip())
    ok = passwords.verify(user.password_hash if user else None, password)
    if not ok or user is None or not user.active:
        return None
    if user.password_hash and passwords.needs_rehash(user.password_hash):
        _store_hash(session, user, passwords.hash_password(password), actor=user.name)
    return user


def change_password(session: Session, user: User, current: str, new: str) -> None:
    if not passwords.verify(user.password_hash, current):
        raise AccountError("the current password is wrong")
    try:
        hashed = passwords.hash_password(new)
    except passwords.WeakPassword as exc:
        raise AccountError(str(exc)) from exc
    _store_hash(session, user, hashed, actor=user.name)
    sessions.end_all(session, user)


def set_password(session: Session, user: User, new: str, actor: str) -> None:
    """An administrator's reset (or the CLI's); the same audit note, never the hash itself."""
    try:
        hashed = passwords.hash_password(new)
    except passwords.WeakPassword as exc:
        raise AccountError(str(exc)) from exc
    _store_hash(session, user, hashed, actor=actor)
    sessions.end_all(session, user)


def set_active(session: Session, user: User, active: bool) -> None:
    """Disable (or enable again) an account; disabling ends its web sessions at once (tokens stop too)."""
    user.active = active
    session.flush()
    if not active:
        sessions.end_all(session, user)


def _store_hash(session: Session, user: User, hashed: str, actor: str) -> None:
    """Write the hash past the field-by-field audit (which would copy it into the trail) and note the change."""
    session.flush()
    session.execute(update(User).where(User.id == user.id).values(password_hash=hashed, updated_at=utcnow())
                    .execution_options(synchronize_session=False))
    session.execute(insert(AuditEntry).values(
        at=utcnow(), actor=actor, entity="user", entity_id=user.id, entity_key=user.name, action="update",
        field="password", old=None, new="(changed)", reason=session.info.get("reason"), version=user.version))
    session.expire(user, ["password_hash"])
