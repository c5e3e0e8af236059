"""Request bodies of the API's writes (the forms post the same fields)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import BaseModel, Field

from accord.domain.kinds import AgreementKind, AgreementLevel, OrgKind, ProjectStage, Role
from accord.domain.status import AgreementStatus, MeasureStatus


class MeasureChange(BaseModel):
    """Fields left out stay as they are; `version` is the one the change was prepared against."""

    version: int = Field(description="the measure's version the edit is based on (optimistic locking)")
    status: MeasureStatus | None = None
    note: str | None = Field(None, description="a progress note; it becomes the measure's current note")
    title: str | None = None
    due: str | None = Field(None, description="a date, quarter, year or 'ongoing' (e.g. 2027-03-31, IV кв. 2026, 2027)")
    expected_result: str | None = None
    description: str | None = None


class MeasureNew(BaseModel):
    roadmap: str | None = Field(None, description="roadmap code (default: the first)")
    direction: str = Field(description="sector code of the direction")
    number: str
    title: str
    due: str = "ongoing"
    expected_result: str | None = None
    responsible: list[int] = Field(default_factory=list, description="organisation ids answering for the measure")


class AgreementNew(BaseModel):
    title: str
    title_en: str | None = None
    kind: AgreementKind
    level: AgreementLevel
    parties: list[str] = Field(default_factory=list)
    sectors: list[str] = Field(default_factory=list)
    signed_on: date | None = None
    signed_at: str | None = None
    source: str | None = None


class AgreementChange(BaseModel):
    version: int
    title: str | None = None
    title_en: str | None = None
    valid_until: date | None = None
    source: str | None = None


class AgreementStep(BaseModel):
    version: int
    to: AgreementStatus
    on: date
    note: str | None = None


class ProjectNew(BaseModel):
    title: str
    title_en: str | None = None
    kind: str = "investment"
    stage: ProjectStage = ProjectStage.IDEA
    country: str | None = None
    region: str | None = None
    value: Decimal | None = None
    currency: str | None = None
    description: str | None = None
    started_on: date | None = None


class ProjectChange(BaseModel):
    version: int
    title: str | None = None
    stage: ProjectStage | None = None
    region: str | None = None
    value: Decimal | None = None
    currency: str | None = None
    description: str | None = None


class DecisionChange(BaseModel):
    version: int
    status: MeasureStatus | None = None
    due_on: date | None = None


class Verdict(BaseModel):
    note: str | None = Field(None, description="why (kept with the decision)")


class UserNew(BaseModel):
    name: str
    role: Role
    password: str
    party: str | None = None
    direction: str | None = None
    display_name: str | None = None


class OrganizationNew(BaseModel):
    name: str
    name_en: str | None = None
    short_name: str | None = None
    kind: OrgKind = OrgKind.OTHER
    country: str | None = None
    parent_id: int | None = None


class OrganizationChange(BaseModel):
    version: int
    name: str | None = None
    name_en: str | None = None
    short_name: str | None = None
    kind: OrgKind | None = None


class PersonNew(BaseModel):
    last_name: str
    first_name: str | None = None
    patronymic: str | None = None
    name_en: str | None = None
    country: str | None = None


class PositionNew(BaseModel):
    """An office a person holds (or held): the directory keeps offices over time."""

    version: int = Field(description="the person's version the change is based on")
    title: str
    title_en: str | None = None
    organization_id: int | None = None
    country: str | None = None
    start_on: date | None = None
    end_on: date | None = None
    source: str | None = None


class SessionNew(BaseModel):
    body_id: int
    number: int
    held_on: date | None = None
    place: str | None = None
    summary: str | None = None
