"""Registering and changing projects: stage, figures, and their milestones.

Plain dataclasses in, one flush out: the CLI, the forms and the API share these writes.
A milestone is part of its project, so adding or changing one is checked against the
project's version and bumps it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy.orm import Session

from accord.domain.kinds import ProjectStage
from accord.store import checks
from accord.store.audit import check_version
from accord.store.models import Milestone, Project
from accord.store.unset import UNSET, Unset

#: the most digits a project's value holds (the column: 24 in all, 8 after the point)
VALUE_DIGITS = 16


@dataclass(frozen=True)
class ProjectDraft:
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


@dataclass(frozen=True)
class ProjectEdit:
    """Only the fields given change; UNSET leaves one as it is, None clears it."""

    title: str | Unset = UNSET
    title_en: str | None | Unset = UNSET
    stage: ProjectStage | Unset = UNSET
    country: str | None | Unset = UNSET
    region: str | None | Unset = UNSET
    value: Decimal | None | Unset = UNSET
    currency: str | None | Unset = UNSET
    description: str | None | Unset = UNSET
    started_on: date | None | Unset = UNSET


@dataclass(frozen=True)
class MilestoneDraft:
    title: str
    due_on: date | None = None
    done_on: date | None = None


@dataclass(frozen=True)
class MilestoneEdit:
    title: str | Unset = UNSET
    due_on: date | None | Unset = UNSET
    done_on: date | None | Unset = UNSET


def _text(value: str | None) -> str | None:
    return (value.strip() or None) if value is not None else None


def _required(value: str, what: str) -> str:
    if not value or not value.strip():
        raise checks.Invalid(f"title: a {what} needs a title")
    return value.strip()


def _currency(code: str | None) -> str | None:
    code = _text(code)
    if code is None:
        return None
    if len(code) != 3 or not code.isascii() or not code.isalpha():
        raise checks.Invalid(f"currency: {code!r} is not a three-letter code such as USD")
    return code.upper()


def _value(value: Decimal | None) -> Decimal | None:
    if value is None:
        return None
    if not value.is_finite() or value < 0:
        raise checks.Invalid(f"value: {value} is not an amount")
    if value.adjusted() >= VALUE_DIGITS:
        raise checks.Invalid(f"value: {value} has more than {VALUE_DIGITS} digits before the point")
    return value


def parse_value(text: str | None) -> Decimal | None:
    """An amount as typed in a form: spaces and a decimal comma are fine (1 500 000,50)."""
    raw = "".join((text or "").split()).replace(",", ".")
    if not raw:
        return None
    try:
        return _value(Decimal(raw))
    except InvalidOperation:
        raise checks.Invalid(f"value: {text!r} is not a number") from None


def create_project(session: Session, draft: ProjectDraft) -> Project:
    project = Project(title=_required(draft.title, "project"), title_en=_text(draft.title_en),
                      kind=_text(draft.kind) or "investment", stage=ProjectStage(draft.stage).value,
                      country_code=checks.country(session, draft.country), region=_text(draft.region),
                      value=_value(draft.value), currency=_currency(draft.currency),
                      description=_text(draft.description), started_on=draft.started_on)
    session.add(project)
    session.flush()
    return project


def edit_project(session: Session, project: Project, edit: ProjectEdit, based_on: int | None) -> list[str]:
    """Apply an edit prepared against version `based_on` in one flush; returns the fields that changed."""
    check_version(session, project, based_on)
    changed = []
    with session.no_autoflush:
        for f in fields(edit):
            value = getattr(edit, f.name)
            if value is UNSET:
                continue
            column = f.name
            if f.name == "title":
                value = _required(value, "project")
            elif f.name == "stage":
                if value is None:
                    raise checks.Invalid("stage: a project's stage cannot be cleared")
                value = ProjectStage(value).value
            elif f.name == "country":
                column, value = "country_code", checks.country(session, value)
            elif f.name == "currency":
                value = _currency(value)
            elif f.name == "value":
                value = _value(value)
            elif isinstance(value, str) or value is None:
                value = _text(value) if f.name != "started_on" else value
            if value != getattr(project, column):
                setattr(project, column, value)
                changed.append(f.name)
    session.flush()
    return changed


def _check_dates(due_on: date | None, done_on: date | None, started_on: date | None) -> None:
    if started_on and done_on and done_on < started_on:
        raise checks.Invalid(f"done_on: a milestone cannot be done ({done_on}) before the project started ({started_on})")


def add_milestone(session: Session, project: Project, draft: MilestoneDraft, based_on: int | None) -> Milestone:
    check_version(session, project, based_on)
    _check_dates(draft.due_on, draft.done_on, project.started_on)
    milestone = Milestone(title=_required(draft.title, "milestone"), due_on=draft.due_on, done_on=draft.done_on)
    project.milestones.append(milestone)
    session.flush()
    return milestone


def edit_milestone(session: Session, project: Project, milestone_id: int, edit: MilestoneEdit,
                   based_on: int | None) -> list[str]:
    """Change one milestone of `project` (e.g. mark it done); checked against the project's version."""
    check_version(session, project, based_on)
    milestone = next((m for m in project.milestones if m.id == milestone_id), None)
    if milestone is None:
        raise checks.Invalid(f"project {project.id} has no milestone {milestone_id}")
    changed = []
    with session.no_autoflush:
        for f in fields(edit):
            value = getattr(edit, f.name)
            if value is UNSET:
                continue
            if f.name == "title":
                value = _required(value, "milestone")
            if value != getattr(milestone, f.name):
                setattr(milestone, f.name, value)
                changed.append(f.name)
        _check_dates(milestone.due_on, milestone.done_on, project.started_on)
    session.flush()
    return changed
