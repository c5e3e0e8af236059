"""Finding organisations in the directory by the names people write."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from accord.domain.kinds import OrgKind
from accord.store.models import Organization, OrganizationAlias


def name_key(name: str) -> str:
    return " ".join(name.lower().replace("ё", "е").replace("«", '"').replace("»", '"').split())


def guess_kind(name: str) -> OrgKind:
    key = name_key(name)
    if key.startswith(("министерство", "ministry")):
        return OrgKind.MINISTRY
    if key.startswith(("оао", "зао", "ооо", "ао ", "пао", "ojsc", "cjsc", "llc")) or "завод" in key:
        return OrgKind.COMPANY
    if "облисполком" in key or "областн" in key or "мэрия" in key:
        return OrgKind.REGION
    return OrgKind.AGENCY


def find_organization(session: Session, name: str, country: str | None) -> Organization | None:
    """By full name, short name or alias, case-insensitively, within the country when given."""
    wanted = name_key(name)
    query = (
        select(Organization)
        .outerjoin(OrganizationAlias)
        .where(
            or_(
                func.lower(Organization.name) == wanted,
                func.lower(Organization.short_name) == wanted,
                func.lower(OrganizationAlias.alias) == wanted,
            )
        )
    )
    if country:
        query = query.where(or_(Organization.country_code == country, Organization.country_code.is_(None)))
    for org in session.scalars(query.order_by(Organization.id)).unique():
        return org
    # lower() in SQLite folds ASCII only: compare Cyrillic names in Python
    candidates = select(Organization)
    if country:
        candidates = candidates.where(Organization.country_code == country)
    for org in session.scalars(candidates.order_by(Organization.id)):
        names = [org.name, org.short_name or "", *(a.alias for a in org.aliases)]
        if any(name_key(n) == wanted for n in names if n):
            return org
    return None


def organization_key(name: str, country: str | None) -> str:
    """The key two writers creating the same new body agree on (unique in the table)."""
    return f"{country or '-'}|{name_key(name)}"[:500]


def create_organization(session: Session, name: str, country: str | None) -> Organization:
    """A body created by name: the one another writer created under the same key, or a new row.

    The key is unique, so two transactions creating the same body at once cannot both commit:
    the second fails with an IntegrityError and, run again, finds the first one's row.
    """
    key = organization_key(name, country)
    known = session.scalar(select(Organization).where(Organization.name_key == key))
    if known is not None:
        return known
    org = Organization(name=name, kind=guess_kind(name).value, country_code=country, name_key=key)
    session.add(org)
    session.flush()
    return org


def find_or_create_organization(session: Session, name: str, country: str | None) -> Organization:
    return find_organization(session, name, country) or create_organization(session, name, country)
