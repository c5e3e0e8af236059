"""Creating and changing agreements, projects, decisions and measures: checks first, then one flush.

Measure edits go through `accord.store.edits.edit_measure`, the one way the CLI edits them too.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.domain.due import parse_due
from accord.domain.numbering import normalise_number, sort_key
from accord.domain.sectors import SECTORS
from accord.domain.status import MeasureStatus, check_measure_move
from accord.store.audit import check_version
from accord.store.checks import Invalid
from accord.store.edits import MeasureEdit, edit_measure
from accord.store.models import (
    Agreement,
    AgreementParty,
    AgreementSector,
    Assignment,
    Body,
    Country,
    Decision,
    Direction,
    Measure,
    Organization,
    Person,
    Position,
    Project,
    Roadmap,
)
from accord.store.models import Session as CommissionSession
from accord.web import schemas

__all__ = ["Invalid"]


def change_measure(session: Session, measure: Measure, body: schemas.MeasureChange, author: str, today: date) -> list[str]:
    edit = MeasureEdit(
        status=body.status, note=body.note, title=body.title, expected_result=body.expected_result,
        description=body.description, due=parse_due(body.due) if body.due else None,
    )
    return edit_measure(session, measure, edit, author, today, based_on=body.version)


def create_measure(session: Session, roadmap: Roadmap, body: schemas.MeasureNew) -> Measure:
    direction = session.scalars(select(Direction).where(Direction.roadmap_id == roadmap.id,
                                                        Direction.sector == body.direction)).first()
    if direction is None:
        raise Invalid(f"the roadmap {roadmap.code} has no direction {body.direction!r}")
    number = normalise_number(body.number)
    if session.scalars(select(Measure).where(Measure.roadmap_id == roadmap.id, Measure.number == number)).first():
        raise Invalid(f"measure {number} already exists in {roadmap.code}")
    measure = Measure(roadmap_id=roadmap.id, direction_id=direction.id, number=number, sort_key=sort_key(number),
                      title=body.title.strip(), expected_result=body.expected_result, illustrative=False)
    measure.due = parse_due(body.due)
    for i, org_id in enumerate(body.responsible):
        org = session.get(Organization, org_id)
        if org is None:
            raise Invalid(f"there is no organisation {org_id}")
        measure.assignments.append(Assignment(organization_id=org.id, country_code=org.country_code, ordinal=i))
    session.add(measure)
    session.flush()
    return measure


def _countries(session: Session, codes: list[str]) -> list[str]:
    out = []
    for code in codes:
        if session.get(Country, code.upper()) is None:
            raise Invalid(f"{code!r} is not a known country code")
        out.append(code.upper())
    return out


def create_agreement(session: Session, body: schemas.AgreementNew) -> Agreement:
    for sector in body.sectors:
        if sector not in SECTORS:
            raise Invalid(f"{sector!r} is not a sector code")
    agreement = Agreement(title=body.title.strip(), title_en=body.title_en, kind=body.kind.value, level=body.level.value,
                          signed_on=body.signed_on, signed_at=body.signed_at, source=body.source)
    agreement.parties = [AgreementParty(country_code=c) for c in _countries(session, body.parties)]
    agreement.sectors = [AgreementSector(sector=s) for s in body.sectors]
    session.add(agreement)
    session.flush()
    return agreement


def change_agreement(session: Session, agreement: Agreement, body: schemas.AgreementChange) -> None:
    check_version(session, agreement, body.version)
    for name in ("title", "title_en", "valid_until", "source"):
        value = getattr(body, name)
        if value is not None:
            setattr(agreement, name, value)
    session.flush()


def step_agreement(session: Session, agreement: Agreement, body: schemas.AgreementStep) -> None:
    check_version(session, agreement, body.version)
    agreement.transition(body.to, body.on, body.note)
    session.flush()


def create_project(session: Session, body: schemas.ProjectNew) -> Project:
    country = _countries(session, [body.country])[0] if body.country else None
    project = Project(title=body.title.strip(), title_en=body.title_en, kind=body.kind, stage=body.stage.value,
                      country_code=country, region=body.region, value=body.value,
                      currency=body.currency.upper() if body.currency else None, description=body.description,
                      started_on=body.started_on)
    session.add(project)
    session.flush()
    return project


def change_project(session: Session, project: Project, body: schemas.ProjectChange) -> None:
    check_version(session, project, body.version)
    for name in ("title", "region", "value", "description"):
        value = getattr(body, name)
        if value is not None:
            setattr(project, name, value)
    if body.stage is not None:
        project.stage = body.stage.value
    if body.currency is not None:
        project.currency = body.currency.upper()
    session.flush()


def change_decision(session: Session, decision: Decision, body: schemas.DecisionChange) -> None:
    check_version(session, decision, body.version)
    if body.status is not None:
        check_measure_move(MeasureStatus(decision.status), body.status)
        decision.status = body.status.value
    if body.due_on is not None:
        decision.due_on = body.due_on
    session.flush()


def create_organization(session: Session, body: schemas.OrganizationNew) -> Organization:
    country = _countries(session, [body.country])[0] if body.country else None
    if body.parent_id is not None and session.get(Organization, body.parent_id) is None:
        raise Invalid(f"there is no organisation {body.parent_id}")
    org = Organization(name=body.name.strip(), name_en=body.name_en, short_name=body.short_name, kind=body.kind.value,
                       country_code=country, parent_id=body.parent_id)
    session.add(org)
    session.flush()
    return org


def change_organization(session: Session, org: Organization, body: schemas.OrganizationChange) -> None:
    check_version(session, org, body.version)
    for name in ("name", "name_en", "short_name"):
        if (value := getattr(body, name)) is not None:
            setattr(org, name, value)
    if body.kind is not None:
        org.kind = body.kind.value
    session.flush()


def create_person(session: Session, body: schemas.PersonNew) -> Person:
    country = _countries(session, [body.country])[0] if body.country else None
    person = Person(last_name=body.last_name.strip(), first_name=body.first_name, patronymic=body.patronymic,
                    name_en=body.name_en, country_code=country)
    session.add(person)
    session.flush()
    return person


def add_position(session: Session, person: Person, body: schemas.PositionNew) -> Position:
    check_version(session, person, body.version)
    if body.organization_id is not None and session.get(Organization, body.organization_id) is None:
        raise Invalid(f"there is no organisation {body.organization_id}")
    if body.start_on and body.end_on and body.end_on < body.start_on:
        raise Invalid("an office cannot end before it starts")
    country = _countries(session, [body.country])[0] if body.country else None
    position = Position(title=body.title.strip(), title_en=body.title_en, organization_id=body.organization_id,
                        country_code=country, start_on=body.start_on, end_on=body.end_on, source=body.source)
    person.positions.append(position)
    session.flush()
    return position


def create_session(session: Session, body: schemas.SessionNew) -> CommissionSession:
    if session.get(Body, body.body_id) is None:
        raise Invalid(f"there is no commission body {body.body_id}")
    if session.scalars(select(CommissionSession).where(CommissionSession.body_id == body.body_id,
                                                  CommissionSession.number == body.number)).first():
        raise Invalid(f"session {body.number} of body {body.body_id} already exists")
    meeting = CommissionSession(body_id=body.body_id, number=body.number, held_on=body.held_on, place=body.place,
                      summary=body.summary)
    session.add(meeting)
    session.flush()
    return meeting
