"""Checks the write services share: references that must exist, said in words a person can act on."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from accord.domain.sectors import SECTORS
from accord.store.models import Country, Organization


class Invalid(ValueError):
    """Input that names something unknown or breaks a rule; the message says which."""


def countries(session: Session, codes: Iterable[str]) -> list[str]:
    """Upper-cased country codes, each known to the directory."""
    out = []
    for code in codes:
        if session.get(Country, code.strip().upper()) is None:
            raise Invalid(f"{code!r} is not a known country code")
        out.append(code.strip().upper())
    return out


def country(session: Session, code: str | None) -> str | None:
    return countries(session, [code])[0] if code and code.strip() else None


def sectors(codes: Iterable[str]) -> list[str]:
    out = []
    for code in codes:
        if code not in SECTORS:
            raise Invalid(f"{code!r} is not a sector code")
        out.append(code)
    return out


def organization(session: Session, org_id: int | None) -> Organization | None:
    if org_id is None:
        return None
    org = session.get(Organization, org_id)
    if org is None:
        raise Invalid(f"there is no organisation {org_id}")
    return org
