"""Password hashing with argon2: only hashes are stored, and old parameters are upgraded on login."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_hasher = PasswordHasher()

MIN_LENGTH = 8
#: longer inputs are refused before hashing: argon2 over a megabyte is work an attacker could ask for freely
MAX_LENGTH = 1024


class WeakPassword(ValueError):
    """A password too short to protect an account that can change the record."""


def check_strength(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise WeakPassword(f"a password needs at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        raise WeakPassword(f"a password may have at most {MAX_LENGTH} characters")


def hash_password(password: str) -> str:
    check_strength(password)
    return _hasher.hash(password)


def verify(stored: str | None, password: str) -> bool:
    """True when `password` matches; never raises for a wrong password or a missing hash."""
    if len(password) > MAX_LENGTH:  # no password that long was ever stored: do not hash it
        return False
    if not stored:
        _hasher.hash("timing-equaliser")  # the same work as for a real account
        return False
    try:
        return _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return _hasher.check_needs_rehash(stored)
