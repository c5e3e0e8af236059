"""Organisations, people and offices over time through their write services: version-checked and audited
under the person; closing an office ends it, opening one starts the next."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from accord.domain.kinds import OrgKind
from accord.store.archive import archive
from accord.store.audit import ConflictError
from accord.store.checks import Invalid
from accord.store.db import Database
from accord.store.directory_edits import (
    OfficeDraft,
    OfficeEdit,
    OrganizationDraft,
    OrganizationEdit,
    PersonDraft,
    PersonEdit,
    create_organization,
    create_person,
    edit_office,
    edit_organization,
    edit_person,
    open_office,
)
from accord.store.models import AuditEntry, Organization, Person


def setup(db: Database) -> tuple[int, int]:
    with db.transaction(actor="carol") as s:
        org = create_organization(s, OrganizationDraft(name="Министерство экономики", kind=OrgKind.MINISTRY, country="kg"))
        person = create_person(s, PersonDraft(last_name=" Асанов ", first_name="Бакыт", country="KG"))
        return org.id, person.id


def trail(db: Database, entity: str, row_id: int) -> list[tuple[str, str | None, str | None, str | None, str]]:
    with db.reading() as s:
        return [(e.action, e.field, e.old, e.new, e.actor) for e in s.scalars(
            select(AuditEntry).where(AuditEntry.entity == entity, AuditEntry.entity_id == row_id).order_by(AuditEntry.id))]


def test_it_opens_and_closes_offices_over_time_audited_under_the_person(db: Database) -> None:
    org_id, person_id = setup(db)
    with db.transaction(actor="carol") as s:
        person = s.get(Person, person_id)
        first = open_office(s, person, OfficeDraft(title="заместитель министра", organization_id=org_id,
                                                   start_on=date(2023, 3, 1)), based_on=1)
        first_id = first.id
        assert first.country_code == "KG"  # the organisation's party, when none is given
    with db.transaction(actor="alice") as s:
        person = s.get(Person, person_id)
        assert edit_office(s, person, first_id, OfficeEdit(end_on=date(2026, 5, 31)), based_on=2) == ["end_on"]
        open_office(s, person, OfficeDraft(title="министр", organization_id=org_id, start_on=date(2026, 6, 1)),
                    based_on=3)
    with db.reading() as s:
        person = s.get(Person, person_id)
        assert person.position_on(date(2026, 5, 1)).title == "заместитель министра"
        assert person.position_on(date(2026, 7, 1)).title == "министр"
        assert person.version == 4
    entries = trail(db, "person", person_id)
    assert ("update", "position.end_on", None, "2026-05-31", "alice") in entries
    assert [e[4] for e in entries if e[0] == "add"] == ["carol", "alice"]


def test_it_refuses_an_office_that_ends_before_it_starts_or_is_not_the_persons(db: Database) -> None:
    _, person_id = setup(db)
    with db.transaction(actor="carol") as s:
        person = s.get(Person, person_id)
        with pytest.raises(Invalid, match=r"cannot end \(01.01.2020\) before it starts \(01.01.2021\)"):
            open_office(s, person, OfficeDraft(title="советник", start_on=date(2021, 1, 1), end_on=date(2020, 1, 1)),
                        based_on=1)
        with pytest.raises(Invalid, match="has no office 999999"):
            edit_office(s, person, 999999, OfficeEdit(end_on=date(2026, 1, 1)), based_on=1)


def test_a_stale_office_edit_names_who_changed_the_person(db: Database) -> None:
    _, person_id = setup(db)
    with db.transaction(actor="alice") as s:
        edit_person(s, s.get(Person, person_id), PersonEdit(patronymic="Кадырович"), based_on=1)
    with db.transaction(actor="carol") as s, pytest.raises(ConflictError, match="by alice"):
        open_office(s, s.get(Person, person_id), OfficeDraft(title="советник"), based_on=1)
    with db.reading() as s:
        assert s.get(Person, person_id).positions == []


def test_it_edits_an_organisation_and_refuses_unknown_countries(db: Database) -> None:
    org_id, _ = setup(db)
    with db.transaction(actor="carol") as s:
        org = s.get(Organization, org_id)
        assert org.country_code == "KG"
        changed = edit_organization(s, org, OrganizationEdit(short_name="Минэкономики", kind=OrgKind.MINISTRY,
                                                             name_en=""), based_on=1)
        assert changed == ["short_name"]
        with pytest.raises(Invalid, match="'ZZ' is not a known country code"):
            edit_organization(s, org, OrganizationEdit(country="ZZ"), based_on=2)


def test_an_archived_organisation_is_no_one_s_new_office(db: Database) -> None:
    org_id, person_id = setup(db)
    with db.transaction(actor="carol") as s:
        archive(s, s.get(Organization, org_id), "carol", based_on=1)
    assert ("archive", "archived_by", None, "carol", "carol") in trail(db, "organization", org_id)
    with db.transaction(actor="carol") as s, pytest.raises(Invalid, match="is archived"):
        open_office(s, s.get(Person, person_id), OfficeDraft(title="советник", organization_id=org_id), based_on=1)
