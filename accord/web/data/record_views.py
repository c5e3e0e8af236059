"""Agreements and projects as one dict each: the page renders it and the API returns it (datasette's RowView).

Templates read only these dicts, so what a page shows and what the JSON says cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from accord.domain.status import AgreementStatus, agreement_moves
from accord.store.models import Country, Evidence
from accord.web.data import serialise
from accord.web.data.history import history
from accord.web.data.registers import (
    AgreementFilter,
    ProjectFilter,
    list_agreements,
    list_projects,
    load_agreement,
    load_project,
)


def _evidence(session: Session, **target: int) -> list[dict[str, Any]]:
    (column, value), = target.items()
    rows = session.scalars(select(Evidence).where(getattr(Evidence, column) == value, Evidence.state == "accepted")
                           .options(selectinload(Evidence.source_item)).order_by(Evidence.on.desc()))
    return [serialise.evidence(e) for e in rows]


def agreements_data(session: Session, filters: AgreementFilter, limit: int, offset: int) -> dict[str, Any]:
    return list_agreements(session, filters, limit, offset).as_dict(serialise.agreement)


def agreement_data(session: Session, agreement_id: int, today: date) -> dict[str, Any] | None:
    """One agreement with its lifecycle, the moves the rules allow next, evidence and history."""
    agreement = load_agreement(session, agreement_id)
    if agreement is None:
        return None
    return {
        **serialise.agreement(agreement, full=True),
        "in_force_today": agreement.is_in_force(today),
        "next_moves": [m.value for m in agreement_moves(AgreementStatus(agreement.status))],
        "evidence": _evidence(session, agreement_id=agreement_id),
        "history": [serialise.audit(a) for a in history(session, "agreement", agreement_id)],
    }


def projects_data(session: Session, filters: ProjectFilter, limit: int, offset: int) -> dict[str, Any]:
    return list_projects(session, filters, limit, offset).as_dict(serialise.project)


def project_data(session: Session, project_id: int, today: date) -> dict[str, Any] | None:
    """One project with companies, milestones (each saying whether it is late), evidence and history."""
    project = load_project(session, project_id)
    if project is None:
        return None
    data = serialise.project(project, full=True)
    for milestone, row in zip(project.milestones, data["milestones"], strict=True):
        row["late"] = bool(milestone.due_on and milestone.due_on < today and not milestone.done_on)
    return {
        **data,
        "evidence": _evidence(session, project_id=project_id),
        "history": [serialise.audit(a) for a in history(session, "project", project_id)],
    }


@dataclass(frozen=True)
class CountryChoice:
    code: str
    name: str


def country_choices(session: Session, lang: str) -> list[CountryChoice]:
    """Every country of the reference list, by name in the reader's language (a form's choices)."""
    rows = session.scalars(select(Country)).all()
    return sorted((CountryChoice(c.code, c.name(lang)) for c in rows), key=lambda c: c.name)
