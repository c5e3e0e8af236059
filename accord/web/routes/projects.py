"""Projects: the register page and its JSON from one data function, the forms (stage, milestones), the API's writes.

Every write goes through `accord.store.projects` with plain dataclasses, as the CLI's does.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form
from fastapi.responses import HTMLResponse, Response

from accord.auth.access import can_change
from accord.domain.kinds import ProjectStage
from accord.store.audit import ConflictError
from accord.store.models import Project
from accord.store.projects import (
    MilestoneDraft,
    MilestoneEdit,
    ProjectDraft,
    ProjectEdit,
    add_milestone,
    create_project,
    edit_milestone,
    edit_project,
    parse_value,
)
from accord.store.unset import UNSET
from accord.web import forms
from accord.web.data import serialise
from accord.web.data.record_views import country_choices, project_data, projects_data
from accord.web.data.registers import ProjectFilter, load_project
from accord.web.deps import Ctx, forbid
from accord.web.render import page
from accord.web.routes.archiving import archive_routes
from accord.web.routes.common import CtxDep, PagePagingDep, PagingDep, api_write, back, form_write, found
from accord.web.schemas import MilestoneChange, MilestoneNew, ProjectChange, ProjectNew

router = APIRouter()
FilterDep = Annotated[ProjectFilter, Depends()]
Text = Annotated[str, Form()]
Csrf = Annotated[str | None, Form()]


def _choices(ctx: Ctx) -> dict[str, Any]:
    return {"stages": list(ProjectStage), "countries": country_choices(ctx.session, ctx.lang)}


def _guard(ctx: Ctx, what: str) -> None:
    forbid(ctx, can_change(ctx.user, "project"), what)


def _stage(value: str) -> ProjectStage:
    try:
        return ProjectStage(value)
    except ValueError:
        raise forms.Invalid(f"stage: {value!r} is not one of {', '.join(s.value for s in ProjectStage)}") from None


@router.get("/projects", include_in_schema=False)
def projects_page(ctx: CtxDep, filters: FilterDep, paging: PagePagingDep) -> HTMLResponse:
    data = projects_data(ctx.session, filters, paging.limit, paging.offset)
    return page(ctx, "projects.html", listing=data, filters=filters, can_change=can_change(ctx.user, "project"),
                **_choices(ctx))


@router.get("/api/v1/projects", tags=["projects"])
def projects_json(ctx: CtxDep, filters: FilterDep, paging: PagingDep) -> dict[str, Any]:
    """Investment projects and joint productions with filters (stage, country, words; `archived=true` adds the archived)."""
    return projects_data(ctx.session, filters, paging.limit, paging.offset)


@router.get("/projects/new", include_in_schema=False)
def project_new_page(ctx: CtxDep) -> HTMLResponse:
    _guard(ctx, "register projects")
    return page(ctx, "project_new.html", form={}, error=None, **_choices(ctx))


@router.post("/projects", include_in_schema=False)
def project_new_form(
    ctx: CtxDep, title: Text, stage: Text, title_en: Text = "", country: Text = "", region: Text = "",
    value: Text = "", currency: Text = "", description: Text = "", started_on: Text = "", csrf: Csrf = None,
) -> Response:
    form_write(ctx, csrf)
    _guard(ctx, "register projects")
    form = {"title": title, "stage": stage, "title_en": title_en, "country": country, "region": region, "value": value,
            "currency": currency, "description": description, "started_on": started_on}
    try:
        draft = ProjectDraft(title=title, stage=_stage(stage), title_en=forms.text(title_en),
                             country=forms.text(country), region=forms.text(region), value=parse_value(value),
                             currency=forms.text(currency), description=forms.text(description),
                             started_on=forms.day(form, "started_on"))
        with ctx.writing("project registered on its form") as session:
            project_id = create_project(session, draft).id
    except forms.REFUSALS as exc:
        return page(ctx, "project_new.html", 422, form=form, error=str(exc), **_choices(ctx))
    return back(f"/projects/{project_id}?saved=1")


def _show(ctx: Ctx, project_id: int, status: int = 200, **extra: Any) -> HTMLResponse:
    with ctx.db.reading() as fresh:
        data = found(project_data(fresh, project_id, ctx.today), "project")
    values = {"conflict": None, "error": None, "form": None, "milestone_form": None, **extra}
    return page(ctx, "project.html", status, p=data, can_change=can_change(ctx.user, "project"), **_choices(ctx),
                **values)


@router.get("/projects/{project_id}", include_in_schema=False)
def project_page(ctx: CtxDep, project_id: int) -> HTMLResponse:
    return _show(ctx, project_id)


@router.get("/api/v1/projects/{project_id}", tags=["projects"])
def project_json(ctx: CtxDep, project_id: int) -> dict[str, Any]:
    """One project with companies, milestones, accepted evidence and its history (archived ones too)."""
    return found(project_data(ctx.session, project_id, ctx.today), "project")


def _saving(ctx: Ctx, project_id: int, version: int, reason: str, form_key: str, form: dict[str, str],
            write: Any) -> Response:
    """Run one form's write; a stale version or a refused value shows the page again with the values kept."""
    try:
        with ctx.writing(reason) as session:
            write(session, found(load_project(session, project_id), "project"))
    except ConflictError as exc:
        return _show(ctx, project_id, 409, **{form_key: form},
                     conflict=forms.conflict(ctx, exc, "project", project_id, version))
    except forms.REFUSALS as exc:
        return _show(ctx, project_id, 422, **{form_key: form}, error=str(exc))
    return back(f"/projects/{project_id}?saved=1")


@router.post("/projects/{project_id}", include_in_schema=False)
def project_edit_form(
    ctx: CtxDep, project_id: int, version: Annotated[int, Form()], title: Text, stage: Text, title_en: Text = "",
    country: Text = "", region: Text = "", value: Text = "", currency: Text = "", description: Text = "",
    started_on: Text = "", csrf: Csrf = None,
) -> Response:
    form_write(ctx, csrf)
    _guard(ctx, "change projects")
    form = {"title": title, "stage": stage, "title_en": title_en, "country": country, "region": region, "value": value,
            "currency": currency, "description": description, "started_on": started_on}

    def write(session: Any, project: Project) -> None:
        edit = ProjectEdit(title=title, stage=_stage(stage), title_en=forms.text(title_en), country=forms.text(country),
                           region=forms.text(region), value=parse_value(value), currency=forms.text(currency),
                           description=forms.text(description), started_on=forms.day(form, "started_on"))
        edit_project(session, project, edit, based_on=version)

    return _saving(ctx, project_id, version, f"web edit of project {project_id}", "form", form, write)


@router.post("/projects/{project_id}/milestones", include_in_schema=False)
def milestone_new_form(
    ctx: CtxDep, project_id: int, version: Annotated[int, Form()], title: Text, due_on: Text = "",
    done_on: Text = "", csrf: Csrf = None,
) -> Response:
    form_write(ctx, csrf)
    _guard(ctx, "change projects")
    form = {"title": title, "due_on": due_on, "done_on": done_on}

    def write(session: Any, project: Project) -> None:
        draft = MilestoneDraft(title=title, due_on=forms.day(form, "due_on"), done_on=forms.day(form, "done_on"))
        add_milestone(session, project, draft, based_on=version)

    return _saving(ctx, project_id, version, f"milestone added to project {project_id}", "milestone_form", form, write)


@router.post("/projects/{project_id}/milestones/{milestone_id}", include_in_schema=False)
def milestone_edit_form(
    ctx: CtxDep, project_id: int, milestone_id: int, version: Annotated[int, Form()], title: Text,
    due_on: Text = "", done_on: Text = "", csrf: Csrf = None,
) -> Response:
    form_write(ctx, csrf)
    _guard(ctx, "change projects")
    form = {"id": milestone_id, "title": title, "due_on": due_on, "done_on": done_on}

    def write(session: Any, project: Project) -> None:
        edit = MilestoneEdit(title=title, due_on=forms.day(form, "due_on"), done_on=forms.day(form, "done_on"))
        edit_milestone(session, project, milestone_id, edit, based_on=version)

    return _saving(ctx, project_id, version, f"milestone of project {project_id} changed", "milestone_form", form, write)


@router.post("/api/v1/projects", status_code=201, tags=["projects"])
def project_create(ctx: CtxDep, body: ProjectNew) -> dict[str, Any]:
    """Register a project (coordinators and administrators)."""
    api_write(ctx)
    _guard(ctx, "register projects")
    draft = ProjectDraft(title=body.title, title_en=body.title_en, kind=body.kind, stage=body.stage, country=body.country,
                         region=body.region, value=body.value, currency=body.currency, description=body.description,
                         started_on=body.started_on)
    with ctx.writing("project registered via API") as session:
        return serialise.project(create_project(session, draft), full=True)


def _sent(body: Any, fields: Any) -> dict[str, Any]:
    """The fields a PATCH body names (left out: UNSET, so they stay as they are)."""
    return {name: getattr(body, name) if name in body.model_fields_set else UNSET for name in fields}


@router.patch("/api/v1/projects/{project_id}", tags=["projects"])
def project_patch(ctx: CtxDep, project_id: int, body: ProjectChange) -> dict[str, Any]:
    """Change a project's stage, figures or description (coordinators and administrators); `null` clears a field.

    `version` must be the one you read: a stale edit is refused with 409 naming who changed it."""
    api_write(ctx)
    _guard(ctx, "change projects")
    edit = ProjectEdit(**_sent(body, ProjectEdit.__dataclass_fields__))
    with ctx.writing("project changed via API") as session:
        project = found(load_project(session, project_id), "project")
        changed = edit_project(session, project, edit, based_on=body.version)
        return {"changed": changed, **serialise.project(project, full=True)}


@router.post("/api/v1/projects/{project_id}/milestones", status_code=201, tags=["projects"])
def milestone_create(ctx: CtxDep, project_id: int, body: MilestoneNew) -> dict[str, Any]:
    """Add a milestone to a project; `version` is the project's (a milestone is part of it)."""
    api_write(ctx)
    _guard(ctx, "change projects")
    with ctx.writing(f"milestone added to project {project_id} via API") as session:
        project = found(load_project(session, project_id), "project")
        add_milestone(session, project, MilestoneDraft(body.title, body.due_on, body.done_on), based_on=body.version)
        return serialise.project(project, full=True)


@router.patch("/api/v1/projects/{project_id}/milestones/{milestone_id}", tags=["projects"])
def milestone_patch(ctx: CtxDep, project_id: int, milestone_id: int, body: MilestoneChange) -> dict[str, Any]:
    """Change a milestone (e.g. mark it done with `done_on`); `version` is the project's."""
    api_write(ctx)
    _guard(ctx, "change projects")
    edit = MilestoneEdit(**_sent(body, MilestoneEdit.__dataclass_fields__))
    with ctx.writing(f"milestone of project {project_id} changed via API") as session:
        project = found(load_project(session, project_id), "project")
        edit_milestone(session, project, milestone_id, edit, based_on=body.version)
        return serialise.project(project, full=True)


archive_routes(router, Project, kind="project", page="/projects", api="/api/v1/projects", tag="projects",
               show=lambda p: serialise.project(p, full=False))
