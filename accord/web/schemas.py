"""Request bodies of the API's writes (the forms post the same fields)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from accord.domain.kinds import AgreementKind, AgreementLevel, OrgKind, ProjectStage, Role
from accord.domain.status import AgreementStatus, MeasureStatus
from accord.web.guards import INT_MAX, INT_MIN

#: an integer a database column holds (ids, versions, numbers)
DbInt = Annotated[int, Field(ge=INT_MIN, le=INT_MAX)]
#: a name or title that must say something
Named = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
#: an ISO 4217 code such as USD
CurrencyCode = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{3}$")]
#: money as the record stores it (24 digits, 8 after the point)
Money = Annotated[Decimal, Field(max_digits=24, decimal_places=8)]


class MeasureChange(BaseModel):
    """Fields left out stay as they are; `version` is the one the change was prepared against."""

    version: DbInt = Field(description="the measure's version the edit is based on (optimistic locking)")
    status: MeasureStatus | None = None
    note: str | None = Field(None, description="a progress note; it becomes the measure's current note")
    title: Named | None = None
    due: str | None = Field(None, description="a date, quarter, year or 'ongoing' (e.g. 2027-03-31, IV кв. 2026, 2027)")
    expected_result: str | None = None
    description: str | None = None


class MeasureNew(BaseModel):
    roadmap: str | None = Field(None, description="roadmap code (default: the first)")
    direction: str = Field(description="sector code of the direction")
    number: str = Field(pattern=r"^\s*\d+(\.\d+)*\.?\s*$", description="a measure number such as 2.3")
    title: Named
    due: str = "ongoing"
    expected_result: str | None = None
    responsible: list[DbInt] = Field(default_factory=list, description="organisation ids answering for the measure")


class AgreementNew(BaseModel):
    title: Named
    title_en: str | None = None
    kind: AgreementKind
    level: AgreementLevel
    parties: list[str] = Field(default_factory=list)
    sectors: list[str] = Field(default_factory=list)
    signed_on: date | None = None
    signed_at: str | None = None
    valid_until: date | None = None
    source: str | None = None


class AgreementChange(BaseModel):
    """Fields left out stay as they are; `null` clears one (title, kind and level cannot be cleared)."""

    version: DbInt = Field(description="the agreement's version the edit is based on (optimistic locking)")
    title: Named | None = None
    title_en: str | None = None
    kind: AgreementKind | None = None
    level: AgreementLevel | None = None
    signed_at: str | None = None
    valid_until: date | None = None
    source: str | None = None
    parties: list[str] | None = Field(None, description="country codes; the list replaces the parties")
    sectors: list[str] | None = Field(None, description="sector codes; the list replaces the sectors")


class AgreementStep(BaseModel):
    version: DbInt
    to: AgreementStatus
    on: date
    note: str | None = None


class ProjectNew(BaseModel):
    title: Named
    title_en: str | None = None
    kind: str = "investment"
    stage: ProjectStage = ProjectStage.IDEA
    country: str | None = None
    region: str | None = None
    value: Money | None = None
    currency: CurrencyCode | None = None
    description: str | None = None
    started_on: date | None = None


class ProjectChange(BaseModel):
    """Fields left out stay as they are; `null` clears one (title and stage cannot be cleared)."""

    version: DbInt = Field(description="the project's version the edit is based on (optimistic locking)")
    title: Named | None = None
    title_en: str | None = None
    stage: ProjectStage | None = None
    country: str | None = None
    region: str | None = None
    value: Money | None = None
    currency: CurrencyCode | None = None
    description: str | None = None
    started_on: date | None = None


class MilestoneNew(BaseModel):
    version: DbInt = Field(description="the project's version the change is based on")
    title: Named
    due_on: date | None = None
    done_on: date | None = None


class MilestoneChange(BaseModel):
    """Fields left out stay as they are; `null` clears a date."""

    version: DbInt = Field(description="the project's version the change is based on")
    title: Named | None = None
    due_on: date | None = None
    done_on: date | None = None


class DecisionChange(BaseModel):
    """Fields left out stay as they are; text, owner and co-responsible bodies are the coordinators' to change."""

    version: DbInt = Field(description="the decision's version the edit is based on (optimistic locking)")
    status: MeasureStatus | None = None
    due_on: date | None = None
    text: Named | None = None
    owner_id: DbInt | None = Field(None, description="the organisation that owns the task")
    co_responsible: list[DbInt] | None = Field(None, description="further responsible organisations, in order")


class DecisionNew(BaseModel):
    """A decision of a session: a task with an owner and a deadline."""

    number: str = Field(pattern=r"^\s*\d+(\.\d+)*\.?\s*$", description="its number in the protocol, such as 3 or 3.1")
    text: Named
    owner_id: DbInt = Field(description="the organisation that owns the task")
    due_on: date
    co_responsible: list[DbInt] = Field(default_factory=list, description="further responsible organisations")
    measure_id: DbInt | None = Field(None, description="the roadmap measure the decision serves, if any")


class SessionChange(BaseModel):
    version: DbInt = Field(description="the session's version the edit is based on (optimistic locking)")
    number: Annotated[int, Field(ge=1, le=INT_MAX)] | None = None
    held_on: date | None = None
    place: str | None = None
    summary: str | None = None


class Verdict(BaseModel):
    note: str | None = Field(None, description="why (kept with the decision)")


class UserNew(BaseModel):
    name: Named
    role: Role
    password: str
    party: str | None = None
    direction: str | None = None
    display_name: str | None = None


class OrganizationNew(BaseModel):
    name: Named
    name_en: str | None = None
    short_name: str | None = None
    kind: OrgKind = OrgKind.OTHER
    country: str | None = None
    parent_id: DbInt | None = None


class OrganizationChange(BaseModel):
    version: DbInt
    name: Named | None = None
    name_en: str | None = None
    short_name: str | None = None
    kind: OrgKind | None = None


class PersonNew(BaseModel):
    last_name: Named
    first_name: str | None = None
    patronymic: str | None = None
    name_en: str | None = None
    country: str | None = None


class PersonChange(BaseModel):
    """Fields left out stay as they are; an empty text clears the field."""

    version: DbInt = Field(description="the person's version the edit is based on (optimistic locking)")
    last_name: Named | None = None
    first_name: str | None = None
    patronymic: str | None = None
    name_en: str | None = None
    country: str | None = None


class PositionChange(BaseModel):
    """Close an office (`end_on`), reopen it (`reopen`), or correct its title or start."""

    version: DbInt = Field(description="the person's version the change is based on")
    title: Named | None = None
    start_on: date | None = None
    end_on: date | None = None
    reopen: bool = False


class PositionNew(BaseModel):
    """An office a person holds (or held): the directory keeps offices over time."""

    version: DbInt = Field(description="the person's version the change is based on")
    title: Named
    title_en: str | None = None
    organization_id: DbInt | None = None
    country: str | None = None
    start_on: date | None = None
    end_on: date | None = None
    source: str | None = None


class SessionNew(BaseModel):
    body_id: DbInt
    number: Annotated[int, Field(ge=1, le=INT_MAX)]
    held_on: date | None = None
    place: str | None = None
    summary: str | None = None
