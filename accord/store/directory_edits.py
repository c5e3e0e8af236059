"""Recording organisations, people and the offices people hold over time: one write path for CLI, forms and API.

An office (`Position`) belongs to its person: opening, closing or correcting one is
a change of the person, audited under the person and guarded by the person's
version, so two secretaries editing the same person's offices cannot overwrite
each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from accord.domain.kinds import OrgKind
from accord.store.audit import check_version
from accord.store.checks import Invalid, country
from accord.store.models import Organization, Person, Position


@dataclass(frozen=True)
class OrganizationDraft:
    name: str
    kind: OrgKind = OrgKind.OTHER
    name_en: str | None = None
    short_name: str | None = None
    country: str | None = None
    parent_id: int | None = None


@dataclass(frozen=True)
class OrganizationEdit:
    """Only the fields given are changed; None means "leave as it is", "" clears a text."""

    name: str | None = None
    name_en: str | None = None
    short_name: str | None = None
    kind: OrgKind | None = None
    country: str | None = None


@dataclass(frozen=True)
class PersonDraft:
    last_name: str
    first_name: str | None = None
    patronymic: str | None = None
    name_en: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class PersonEdit:
    """Only the fields given are changed; None means "leave as it is", "" clears a text."""

    last_name: str | None = None
    first_name: str | None = None
    patronymic: str | None = None
    name_en: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class OfficeDraft:
    """An office a person holds (no end) or held (with one)."""

    title: str
    organization_id: int | None = None
    start_on: date | None = None
    end_on: date | None = None
    title_en: str | None = None
    country: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class OfficeEdit:
    """A change of one office: close it (`end_on`), reopen it (`reopen`), or correct its title or start."""

    title: str | None = None
    start_on: date | None = None
    end_on: date | None = None
    reopen: bool = False


def create_organization(session: Session, draft: OrganizationDraft) -> Organization:
    name = _required(draft.name, "an organisation needs its name")
    if draft.parent_id is not None:
        _live(session.get(Organization, draft.parent_id), f"there is no organisation {draft.parent_id}")
    org = Organization(name=name, name_en=_text(draft.name_en), short_name=_text(draft.short_name),
                       kind=draft.kind.value, country_code=country(session, draft.country), parent_id=draft.parent_id)
    session.add(org)
    session.flush()
    return org


def edit_organization(session: Session, org: Organization, edit: OrganizationEdit, based_on: int | None) -> list[str]:
    check_version(session, org, based_on)
    _not_archived(org, "organisation")
    changed = []
    if edit.name is not None and edit.name.strip() != org.name:
        org.name = _required(edit.name, "an organisation needs its name")
        changed.append("name")
    for name in ("name_en", "short_name"):
        value = getattr(edit, name)
        if value is not None and _text(value) != getattr(org, name):
            setattr(org, name, _text(value))
            changed.append(name)
    if edit.kind is not None and edit.kind.value != org.kind:
        org.kind = edit.kind.value
        changed.append("kind")
    if edit.country is not None and country(session, edit.country) != org.country_code:
        org.country_code = country(session, edit.country)
        changed.append("country_code")
    session.flush()
    return changed


def create_person(session: Session, draft: PersonDraft) -> Person:
    person = Person(last_name=_required(draft.last_name, "a person needs a last name"),
                    first_name=_text(draft.first_name), patronymic=_text(draft.patronymic),
                    name_en=_text(draft.name_en), country_code=country(session, draft.country))
    session.add(person)
    session.flush()
    return person


def edit_person(session: Session, person: Person, edit: PersonEdit, based_on: int | None) -> list[str]:
    check_version(session, person, based_on)
    _not_archived(person, "person")
    changed = []
    if edit.last_name is not None and edit.last_name.strip() != person.last_name:
        person.last_name = _required(edit.last_name, "a person needs a last name")
        changed.append("last_name")
    for name in ("first_name", "patronymic", "name_en"):
        value = getattr(edit, name)
        if value is not None and _text(value) != getattr(person, name):
            setattr(person, name, _text(value))
            changed.append(name)
    if edit.country is not None and country(session, edit.country) != person.country_code:
        person.country_code = country(session, edit.country)
        changed.append("country_code")
    session.flush()
    return changed


def open_office(session: Session, person: Person, draft: OfficeDraft, based_on: int | None) -> Position:
    """Record an office of the person (the person's version guards it, like any edit of the person)."""
    check_version(session, person, based_on)
    _not_archived(person, "person")
    title = _required(draft.title, "an office needs its title")
    org = None
    if draft.organization_id is not None:
        org = _live(session.get(Organization, draft.organization_id), f"there is no organisation {draft.organization_id}")
    _span(draft.start_on, draft.end_on)
    code = country(session, draft.country) if draft.country else (org.country_code if org else person.country_code)
    position = Position(title=title, title_en=_text(draft.title_en), organization=org, country_code=code,
                        start_on=draft.start_on, end_on=draft.end_on, source=_text(draft.source))
    person.positions.append(position)
    session.flush()
    return position


def edit_office(session: Session, person: Person, position_id: int, edit: OfficeEdit, based_on: int | None) -> list[str]:
    """Close, reopen or correct one of the person's offices; returns the fields that changed."""
    check_version(session, person, based_on)
    _not_archived(person, "person")
    position = next((p for p in person.positions if p.id == position_id), None)
    if position is None:
        raise Invalid(f"{person.full_name} has no office {position_id}")
    start = edit.start_on if edit.start_on is not None else position.start_on
    end = None if edit.reopen else (edit.end_on if edit.end_on is not None else position.end_on)
    _span(start, end)
    changed = []
    if edit.title is not None and edit.title.strip() != position.title:
        position.title = _required(edit.title, "an office needs its title")
        changed.append("title")
    if start != position.start_on:
        position.start_on = start
        changed.append("start_on")
    if end != position.end_on:
        position.end_on = end
        changed.append("end_on")
    session.flush()
    return changed


def _span(start: date | None, end: date | None) -> None:
    if start is not None and end is not None and end < start:
        raise Invalid(f"an office cannot end ({end:%d.%m.%Y}) before it starts ({start:%d.%m.%Y})")


def _live(org: Organization | None, missing: str) -> Organization:
    if org is None:
        raise Invalid(missing)
    if org.archived_at is not None:
        raise Invalid(f"the organisation {org.label} is archived")
    return org


def _not_archived(record: Organization | Person, what: str) -> None:
    if record.archived_at is not None:
        raise Invalid(f"the {what} is archived; it can no longer be changed")


def _required(value: str, message: str) -> str:
    if not value or not value.strip():
        raise Invalid(message)
    return value.strip()


def _text(value: str | None) -> str | None:
    return (value or "").strip() or None
