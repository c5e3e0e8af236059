"""Agreements and projects: the register pages, their JSON, and changes by coordinators."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import HTMLResponse

from accord.auth.access import can_change
from accord.domain.kinds import AgreementKind, AgreementLevel, ProjectStage
from accord.domain.sectors import SECTORS
from accord.domain.status import AgreementStatus
from accord.store.models import Agreement, Evidence, Project
from accord.web.data import serialise
from accord.web.data.changes import (
    change_agreement,
    change_project,
    create_agreement,
    create_project,
    step_agreement,
)
from accord.web.data.registers import (
    AgreementFilter,
    ProjectFilter,
    list_agreements,
    list_projects,
    load_agreement,
    load_project,
)
from accord.web.deps import Ctx, forbid
from accord.web.render import page
from accord.web.routes.common import CtxDep, PagePagingDep, PagingDep, api_write, found
from accord.web.schemas import AgreementChange, AgreementNew, AgreementStep, ProjectChange, ProjectNew

router = APIRouter()


def accepted_evidence(ctx: Ctx, **target: int) -> list[Evidence]:
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    (column, value), = target.items()
    return list(ctx.session.scalars(select(Evidence).where(getattr(Evidence, column) == value, Evidence.state == "accepted")
                                    .options(selectinload(Evidence.source_item)).order_by(Evidence.on.desc())))


@router.get("/agreements", include_in_schema=False)
def agreements_page(ctx: CtxDep, filters: Annotated[AgreementFilter, Depends()], paging: PagePagingDep) -> HTMLResponse:
    listing = list_agreements(ctx.session, filters, paging.limit, paging.offset)
    return page(ctx, "agreements.html", listing=listing, filters=filters, statuses=list(AgreementStatus),
                kinds=list(AgreementKind), levels=list(AgreementLevel), sectors=SECTORS)


@router.get("/api/v1/agreements", tags=["agreements"])
def agreements_json(ctx: CtxDep, filters: Annotated[AgreementFilter, Depends()], paging: PagingDep) -> dict[str, Any]:
    """The agreements register with filters (status, kind, level, party, sector, words)."""
    return list_agreements(ctx.session, filters, paging.limit, paging.offset).as_dict(serialise.agreement)


@router.get("/agreements/{agreement_id}", include_in_schema=False)
def agreement_page(ctx: CtxDep, agreement_id: int) -> HTMLResponse:
    agreement = found(load_agreement(ctx.session, agreement_id), "agreement")
    return page(ctx, "agreement.html", a=agreement, evidence=accepted_evidence(ctx, agreement_id=agreement_id))


@router.get("/api/v1/agreements/{agreement_id}", tags=["agreements"])
def agreement_json(ctx: CtxDep, agreement_id: int) -> dict[str, Any]:
    """One agreement with its lifecycle steps and accepted evidence."""
    agreement = found(load_agreement(ctx.session, agreement_id), "agreement")
    return {**serialise.agreement(agreement, full=True),
            "evidence": [serialise.evidence(e) for e in accepted_evidence(ctx, agreement_id=agreement_id)]}


@router.post("/api/v1/agreements", status_code=201, tags=["agreements"])
def agreement_create(ctx: CtxDep, body: AgreementNew) -> dict[str, Any]:
    """Register an agreement (coordinators and administrators)."""
    api_write(ctx)
    forbid(ctx, can_change(ctx.user, "agreement"), "register agreements")
    with ctx.writing("agreement registered via API") as session:
        return serialise.agreement(create_agreement(session, body), full=True)


@router.patch("/api/v1/agreements/{agreement_id}", tags=["agreements"])
def agreement_patch(ctx: CtxDep, agreement_id: int, body: AgreementChange) -> dict[str, Any]:
    """Change an agreement's title, validity or source (coordinators and administrators)."""
    api_write(ctx)
    forbid(ctx, can_change(ctx.user, "agreement"), "change agreements")
    with ctx.writing("agreement changed via API") as session:
        agreement = found(load_agreement(session, agreement_id), "agreement")
        change_agreement(session, agreement, body)
        return serialise.agreement(agreement, full=True)


@router.post("/api/v1/agreements/{agreement_id}/transitions", tags=["agreements"])
def agreement_step(ctx: CtxDep, agreement_id: int, body: AgreementStep) -> dict[str, Any]:
    """Move an agreement along its lifecycle (signed → ratified → in force …), dated."""
    api_write(ctx)
    forbid(ctx, can_change(ctx.user, "agreement"), "change agreements")
    with ctx.writing(f"agreement {agreement_id} → {body.to.value}") as session:
        agreement = found(load_agreement(session, agreement_id), "agreement")
        step_agreement(session, agreement, body)
        return serialise.agreement(agreement, full=True)


@router.get("/projects", include_in_schema=False)
def projects_page(ctx: CtxDep, filters: Annotated[ProjectFilter, Depends()], paging: PagePagingDep) -> HTMLResponse:
    listing = list_projects(ctx.session, filters, paging.limit, paging.offset)
    return page(ctx, "projects.html", listing=listing, filters=filters, stages=list(ProjectStage))


@router.get("/api/v1/projects", tags=["projects"])
def projects_json(ctx: CtxDep, filters: Annotated[ProjectFilter, Depends()], paging: PagingDep) -> dict[str, Any]:
    """Investment projects and joint productions with filters (stage, country, words)."""
    return list_projects(ctx.session, filters, paging.limit, paging.offset).as_dict(serialise.project)


@router.get("/projects/{project_id}", include_in_schema=False)
def project_page(ctx: CtxDep, project_id: int) -> HTMLResponse:
    project = found(load_project(ctx.session, project_id), "project")
    return page(ctx, "project.html", p=project, evidence=accepted_evidence(ctx, project_id=project_id))


@router.get("/api/v1/projects/{project_id}", tags=["projects"])
def project_json(ctx: CtxDep, project_id: int) -> dict[str, Any]:
    """One project with companies, milestones and accepted evidence."""
    project = found(load_project(ctx.session, project_id), "project")
    return {**serialise.project(project, full=True),
            "evidence": [serialise.evidence(e) for e in accepted_evidence(ctx, project_id=project_id)]}


@router.post("/api/v1/projects", status_code=201, tags=["projects"])
def project_create(ctx: CtxDep, body: ProjectNew) -> dict[str, Any]:
    """Register a project (coordinators and administrators)."""
    api_write(ctx)
    forbid(ctx, can_change(ctx.user, "project"), "register projects")
    with ctx.writing("project registered via API") as session:
        return serialise.project(create_project(session, body), full=True)


@router.patch("/api/v1/projects/{project_id}", tags=["projects"])
def project_patch(ctx: CtxDep, project_id: int, body: ProjectChange) -> dict[str, Any]:
    """Change a project's stage, value or description (coordinators and administrators)."""
    api_write(ctx)
    forbid(ctx, can_change(ctx.user, "project"), "change projects")
    with ctx.writing("project changed via API") as session:
        project = found(session.get(Project, project_id), "project")
        change_project(session, project, body)
        return serialise.project(project, full=True)


__all__ = ["Agreement", "router"]
