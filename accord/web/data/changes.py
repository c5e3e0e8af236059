"""Creating and changing agreements, projects and measures: checks first, then one flush.

Measure edits go through `accord.store.edits.edit_measure`, the one way the CLI edits them too.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.domain.due import parse_due
from accord.domain.numbering import normalise_number, sort_key
from accord.domain.sectors import SECTORS
from accord.store.audit import check_version
from accord.store.checks import Invalid
from accord.store.edits import MeasureEdit, edit_measure
from accord.store.models import (
    Agreement,
    AgreementParty,
    AgreementSector,
    Assignment,
    Country,
    Direction,
    Measure,
    Organization,
    Project,
    Roadmap,
)
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
