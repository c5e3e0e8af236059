"""Events with their facts and sources, news items, people with their offices over time, organisations.

The person and organisation pages and their JSON answer from one data function each
(`accord.web.data.records`); every write goes through `accord.store.directory_edits`.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from accord.auth.access import can_change
from accord.domain.days import DayError, parse_day
from accord.domain.kinds import OrgKind
from accord.store.audit import ConflictError
from accord.store.checks import Invalid
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
from accord.store.models import Organization, Person, SourceItem
from accord.web.data import serialise
from accord.web.data.records import changes_since, organisation_choices, organization_data, person_data
from accord.web.data.registers import (
    EventFilter,
    OrganizationFilter,
    PersonFilter,
    event_view,
    list_events,
    list_news,
    list_organizations,
    list_people,
)
from accord.web.deps import Ctx, forbid
from accord.web.render import page
from accord.web.routes.archiving import archive_routes
from accord.web.routes.common import CtxDep, PagePagingDep, PagingDep, api_write, back, form_write, found
from accord.web.schemas import (
    OrganizationChange,
    OrganizationNew,
    PersonChange,
    PersonNew,
    PositionChange,
    PositionNew,
)

router = APIRouter()


@router.get("/events", include_in_schema=False)
def events_page(ctx: CtxDep, filters: Annotated[EventFilter, Depends()], paging: PagePagingDep) -> HTMLResponse:
    return page(ctx, "events.html", listing=list_events(ctx.session, filters, paging.limit, paging.offset), filters=filters)


@router.get("/api/v1/events", tags=["events"])
def events_json(ctx: CtxDep, filters: Annotated[EventFilter, Depends()], paging: PagingDep) -> dict[str, Any]:
    """Meetings, talks, signings and visits read from the news, latest first."""
    return list_events(ctx.session, filters, paging.limit, paging.offset).as_dict(serialise.event)


@router.get("/events/{event_id}", include_in_schema=False)
def event_page(ctx: CtxDep, event_id: int) -> HTMLResponse:
    return page(ctx, "event.html", view=found(event_view(ctx.session, event_id), "event"))


@router.get("/api/v1/events/{event_id}", tags=["events"])
def event_json(ctx: CtxDep, event_id: int) -> dict[str, Any]:
    """One event with its facts, participants and sources."""
    return serialise.event(found(event_view(ctx.session, event_id), "event").event, full=True)


@router.get("/api/v1/news", tags=["events"])
def news_json(ctx: CtxDep, paging: PagingDep, q: str | None = None) -> dict[str, Any]:
    """News items and documents read (title, date, outlet, URL), the most recently read first."""
    return list_news(ctx.session, q, paging.limit, paging.offset).as_dict(serialise.source_item)


@router.get("/news/{item_id}", include_in_schema=False)
def news_item_page(ctx: CtxDep, item_id: int) -> HTMLResponse:
    from sqlalchemy import select

    from accord.store.models import Evidence

    item = found(ctx.session.get(SourceItem, item_id), "news item")
    evidence = list(ctx.session.scalars(select(Evidence).where(Evidence.source_item_id == item_id).order_by(Evidence.id)))
    return page(ctx, "news.html", item=item, evidence=evidence)


@router.get("/api/v1/news/{item_id}", tags=["events"])
def news_item_json(ctx: CtxDep, item_id: int) -> dict[str, Any]:
    """One news item with its text and what was extracted from it."""
    item = found(ctx.session.get(SourceItem, item_id), "news item")
    return {**serialise.source_item(item), "text": item.text, "extraction": item.extraction, "event_id": item.event_id,
            "proposal_notes": item.proposal_notes or []}


#: what a form refuses with a message on the page (422), keeping what was typed
REFUSALS = (Invalid, DayError)


def _conflict(db_session: Session, exc: ConflictError, entity: str, record_id: int, version: int) -> dict[str, Any]:
    return {"message": str(exc), "by": exc.by, "changes": changes_since(db_session, entity, record_id, version)}


def _people(ctx: Ctx, db_session: Session, filters: PersonFilter, limit: int, offset: int, status: int = 200,
            **extra: Any) -> HTMLResponse:
    orgs = list_organizations(db_session, OrganizationFilter(country=filters.country, q=filters.q,
                                                             archived=filters.archived), 500, 0)
    values: dict[str, Any] = {"pform": {}, "perror": None, "oform": {}, "oerror": None, **extra}
    return page(ctx, "people.html", status, listing=list_people(db_session, filters, limit, offset), orgs=orgs,
                filters=filters, can_person=can_change(ctx.user, "person"),
                can_org=can_change(ctx.user, "organization"), kinds=list(OrgKind), **values)


@router.get("/people", include_in_schema=False)
def people_page(ctx: CtxDep, filters: Annotated[PersonFilter, Depends()], paging: PagePagingDep) -> HTMLResponse:
    return _people(ctx, ctx.session, filters, paging.limit, paging.offset)


@router.get("/api/v1/people", tags=["people"])
def people_json(ctx: CtxDep, filters: Annotated[PersonFilter, Depends()], paging: PagingDep) -> dict[str, Any]:
    """People in the directory with their offices over time (`archived=true` adds the archived)."""
    return list_people(ctx.session, filters, paging.limit, paging.offset).as_dict(lambda p: serialise.person(p, full=True))


@router.post("/people", include_in_schema=False)
def person_new_form(
    ctx: CtxDep,
    last_name: Annotated[str, Form()],
    first_name: Annotated[str, Form()] = "",
    patronymic: Annotated[str, Form()] = "",
    country: Annotated[str, Form()] = "",
    csrf: Annotated[str | None, Form()] = None,
) -> Response:
    form_write(ctx, csrf)
    forbid(ctx, can_change(ctx.user, "person"), "add people")
    pform = {"last_name": last_name, "first_name": first_name, "patronymic": patronymic, "country": country}
    try:
        with ctx.writing("web: person added") as session:
            person_id = create_person(session, PersonDraft(last_name=last_name, first_name=first_name,
                                                           patronymic=patronymic, country=country)).id
    except REFUSALS as exc:
        with ctx.db.reading() as fresh:
            return _people(ctx, fresh, PersonFilter(), 100, 0, 422, pform=pform, perror=str(exc))
    return back(f"/people/{person_id}?saved=1")


@router.post("/organisations", include_in_schema=False)
def organization_new_form(
    ctx: CtxDep,
    name: Annotated[str, Form()],
    kind: Annotated[OrgKind, Form()] = OrgKind.OTHER,
    short_name: Annotated[str, Form()] = "",
    country: Annotated[str, Form()] = "",
    csrf: Annotated[str | None, Form()] = None,
) -> Response:
    form_write(ctx, csrf)
    forbid(ctx, can_change(ctx.user, "organization"), "add organisations")
    oform = {"name": name, "kind": kind.value, "short_name": short_name, "country": country}
    try:
        with ctx.writing("web: organisation added") as session:
            org_id = create_organization(session, OrganizationDraft(name=name, kind=kind, short_name=short_name,
                                                                    country=country)).id
    except REFUSALS as exc:
        with ctx.db.reading() as fresh:
            return _people(ctx, fresh, PersonFilter(), 100, 0, 422, oform=oform, oerror=str(exc))
    return back(f"/organisations/{org_id}?saved=1")


def _person_page(ctx: Ctx, db_session: Session, person_id: int, status: int = 200, **extra: Any) -> HTMLResponse:
    data = found(person_data(db_session, person_id, ctx.today), "person")
    values: dict[str, Any] = {"conflict": None, "form": {}, "error": None, "oform": {}, "oerror": None, **extra}
    return page(ctx, "person.html", status, p=data, can_edit=can_change(ctx.user, "person"),
                orgs=organisation_choices(db_session), **values)


@router.get("/people/{person_id}", include_in_schema=False)
def person_page(ctx: CtxDep, person_id: int) -> HTMLResponse:
    return _person_page(ctx, ctx.session, person_id)


@router.get("/api/v1/people/{person_id}", tags=["people"])
def person_json(ctx: CtxDep, person_id: int) -> dict[str, Any]:
    """One person with offices over time, the events they took part in and their history (the page shows the same)."""
    return found(person_data(ctx.session, person_id, ctx.today), "person")


def _person_write(ctx: Ctx, person_id: int, version: int, reason: str, write: Any, form: dict[str, Any],
                  keep: str) -> Response:
    """Run one write on the person; a stale version shows who changed it, a refusal shows why, both keep the form."""
    forbid(ctx, can_change(ctx.user, "person"), "change people")
    found(ctx.session.get(Person, person_id), "person")
    try:
        with ctx.writing(reason) as session:
            write(session, found(session.get(Person, person_id), "person"))
    except ConflictError as exc:
        with ctx.db.reading() as fresh:
            return _person_page(ctx, fresh, person_id, 409, conflict=_conflict(fresh, exc, "person", person_id, version),
                                **{keep: form})
    except REFUSALS as exc:
        error = "error" if keep == "form" else "oerror"
        with ctx.db.reading() as fresh:
            return _person_page(ctx, fresh, person_id, 422, **{keep: form, error: str(exc)})
    return back(f"/people/{person_id}?saved=1")


@router.post("/people/{person_id}", include_in_schema=False)
def person_form(
    ctx: CtxDep,
    person_id: int,
    version: Annotated[int, Form()],
    last_name: Annotated[str, Form()],
    first_name: Annotated[str, Form()] = "",
    patronymic: Annotated[str, Form()] = "",
    name_en: Annotated[str, Form()] = "",
    country: Annotated[str, Form()] = "",
    csrf: Annotated[str | None, Form()] = None,
) -> Response:
    form_write(ctx, csrf)
    edit = PersonEdit(last_name=last_name, first_name=first_name, patronymic=patronymic, name_en=name_en,
                      country=country)
    form = {"last_name": last_name, "first_name": first_name, "patronymic": patronymic, "name_en": name_en,
            "country": country}
    return _person_write(ctx, person_id, version, f"web edit of person {person_id}",
                         lambda s, person: edit_person(s, person, edit, based_on=version), form, "form")


@router.post("/people/{person_id}/offices", include_in_schema=False)
def office_new_form(
    ctx: CtxDep,
    person_id: int,
    version: Annotated[int, Form()],
    title: Annotated[str, Form()],
    organization_id: Annotated[str, Form()] = "",
    start_on: Annotated[str, Form()] = "",
    end_on: Annotated[str, Form()] = "",
    csrf: Annotated[str | None, Form()] = None,
) -> Response:
    form_write(ctx, csrf)
    oform = {"title": title, "organization_id": organization_id, "start_on": start_on, "end_on": end_on}

    def write(session: Session, person: Person) -> None:
        draft = OfficeDraft(title=title, organization_id=int(organization_id) if organization_id.strip() else None,
                            start_on=parse_day(start_on, "from"), end_on=parse_day(end_on, "to"))
        open_office(session, person, draft, based_on=version)

    if organization_id.strip() and not organization_id.strip().isdigit():
        forbid(ctx, can_change(ctx.user, "person"), "change people")
        return _person_page(ctx, ctx.session, person_id, 422, oform=oform, oerror="organisation: choose one from the list")
    return _person_write(ctx, person_id, version, f"web: office of person {person_id} opened", write, oform, "oform")


@router.post("/people/{person_id}/offices/{position_id}", include_in_schema=False)
def office_form(
    ctx: CtxDep,
    person_id: int,
    position_id: int,
    version: Annotated[int, Form()],
    title: Annotated[str, Form()],
    start_on: Annotated[str, Form()] = "",
    end_on: Annotated[str, Form()] = "",
    csrf: Annotated[str | None, Form()] = None,
) -> Response:
    """Correct an office or close it (an end date); emptying the end date reopens it."""
    form_write(ctx, csrf)
    form = {"office": position_id, "title": title, "start_on": start_on, "end_on": end_on}

    def write(session: Session, person: Person) -> None:
        end = parse_day(end_on, "to")
        edit = OfficeEdit(title=title, start_on=parse_day(start_on, "from"), end_on=end, reopen=end is None)
        edit_office(session, person, position_id, edit, based_on=version)

    return _person_write(ctx, person_id, version, f"web edit of an office of person {person_id}", write, form, "form")


def _organisation_page(ctx: Ctx, db_session: Session, org_id: int, status: int = 200, **extra: Any) -> HTMLResponse:
    data = found(organization_data(db_session, org_id, ctx.today), "organisation")
    values: dict[str, Any] = {"conflict": None, "form": {}, "error": None, **extra}
    return page(ctx, "organisation.html", status, o=data, can_edit=can_change(ctx.user, "organization"),
                kinds=list(OrgKind), **values)


@router.get("/organisations/{org_id}", include_in_schema=False)
def organization_page(ctx: CtxDep, org_id: int) -> HTMLResponse:
    return _organisation_page(ctx, ctx.session, org_id)


@router.get("/api/v1/organisations/{org_id}", tags=["people"])
def organization_json(ctx: CtxDep, org_id: int) -> dict[str, Any]:
    """One organisation with the people who held offices in it and its history (the page shows the same)."""
    return found(organization_data(ctx.session, org_id, ctx.today), "organisation")


@router.post("/organisations/{org_id}", include_in_schema=False)
def organization_form(
    ctx: CtxDep,
    org_id: int,
    version: Annotated[int, Form()],
    name: Annotated[str, Form()],
    kind: Annotated[OrgKind, Form()],
    name_en: Annotated[str, Form()] = "",
    short_name: Annotated[str, Form()] = "",
    country: Annotated[str, Form()] = "",
    csrf: Annotated[str | None, Form()] = None,
) -> Response:
    form_write(ctx, csrf)
    forbid(ctx, can_change(ctx.user, "organization"), "change organisations")
    found(ctx.session.get(Organization, org_id), "organisation")
    form = {"name": name, "kind": kind.value, "name_en": name_en, "short_name": short_name, "country": country}
    edit = OrganizationEdit(name=name, kind=kind, name_en=name_en, short_name=short_name, country=country)
    try:
        with ctx.writing(f"web edit of organisation {org_id}") as session:
            edit_organization(session, found(session.get(Organization, org_id), "organisation"), edit, based_on=version)
    except ConflictError as exc:
        with ctx.db.reading() as fresh:
            return _organisation_page(ctx, fresh, org_id, 409, form=form,
                                      conflict=_conflict(fresh, exc, "organization", org_id, version))
    except REFUSALS as exc:
        with ctx.db.reading() as fresh:
            return _organisation_page(ctx, fresh, org_id, 422, form=form, error=str(exc))
    return back(f"/organisations/{org_id}?saved=1")


@router.get("/api/v1/organisations", tags=["people"])
def organizations_json(ctx: CtxDep, filters: Annotated[OrganizationFilter, Depends()], paging: PagingDep) -> dict[str, Any]:
    """Organisations in the directory (filters: country, kind, words; `archived=true` adds the archived)."""
    return list_organizations(ctx.session, filters, paging.limit, paging.offset).as_dict(serialise.organization)


@router.post("/api/v1/organisations", status_code=201, tags=["people"])
def organization_create(ctx: CtxDep, body: OrganizationNew) -> dict[str, Any]:
    """Add an organisation to the directory (coordinators and administrators)."""
    api_write(ctx)
    forbid(ctx, can_change(ctx.user, "organization"), "add organisations")
    draft = OrganizationDraft(name=body.name, kind=body.kind, name_en=body.name_en, short_name=body.short_name,
                              country=body.country, parent_id=body.parent_id)
    with ctx.writing("organisation added via API") as session:
        org = create_organization(session, draft)
        return found(organization_data(session, org.id, ctx.today), "organisation")


@router.patch("/api/v1/organisations/{org_id}", tags=["people"])
def organization_patch(ctx: CtxDep, org_id: int, body: OrganizationChange) -> dict[str, Any]:
    """Change an organisation's names or kind (coordinators and administrators). A stale `version` is refused with 409."""
    api_write(ctx)
    forbid(ctx, can_change(ctx.user, "organization"), "change organisations")
    edit = OrganizationEdit(name=body.name, name_en=body.name_en, short_name=body.short_name, kind=body.kind)
    with ctx.writing("organisation changed via API") as session:
        org = found(session.get(Organization, org_id), "organisation")
        changed = edit_organization(session, org, edit, based_on=body.version)
        return {"changed": changed, **found(organization_data(session, org_id, ctx.today), "organisation")}


@router.post("/api/v1/people", status_code=201, tags=["people"])
def person_create(ctx: CtxDep, body: PersonNew) -> dict[str, Any]:
    """Add a person to the directory (coordinators and administrators)."""
    api_write(ctx)
    forbid(ctx, can_change(ctx.user, "person"), "add people")
    draft = PersonDraft(last_name=body.last_name, first_name=body.first_name, patronymic=body.patronymic,
                        name_en=body.name_en, country=body.country)
    with ctx.writing("person added via API") as session:
        person = create_person(session, draft)
        return found(person_data(session, person.id, ctx.today), "person")


@router.patch("/api/v1/people/{person_id}", tags=["people"])
def person_patch(ctx: CtxDep, person_id: int, body: PersonChange) -> dict[str, Any]:
    """Change a person's names or country (coordinators and administrators). A stale `version` is refused with 409."""
    api_write(ctx)
    forbid(ctx, can_change(ctx.user, "person"), "change people")
    edit = PersonEdit(last_name=body.last_name, first_name=body.first_name, patronymic=body.patronymic,
                      name_en=body.name_en, country=body.country)
    with ctx.writing(f"person {person_id} changed via API") as session:
        changed = edit_person(session, found(session.get(Person, person_id), "person"), edit, based_on=body.version)
        return {"changed": changed, **found(person_data(session, person_id, ctx.today), "person")}


@router.post("/api/v1/people/{person_id}/positions", status_code=201, tags=["people"])
def position_create(ctx: CtxDep, person_id: int, body: PositionNew) -> dict[str, Any]:
    """Record an office a person holds or held, with its dates (offices over time)."""
    api_write(ctx)
    forbid(ctx, can_change(ctx.user, "person"), "change people")
    draft = OfficeDraft(title=body.title, title_en=body.title_en, organization_id=body.organization_id,
                        country=body.country, start_on=body.start_on, end_on=body.end_on, source=body.source)
    with ctx.writing(f"office of person {person_id} recorded via API") as session:
        open_office(session, found(session.get(Person, person_id), "person"), draft, based_on=body.version)
        return found(person_data(session, person_id, ctx.today), "person")


@router.patch("/api/v1/people/{person_id}/positions/{position_id}", tags=["people"])
def position_patch(ctx: CtxDep, person_id: int, position_id: int, body: PositionChange) -> dict[str, Any]:
    """Close an office (give `end_on`), reopen it (`reopen`), or correct its title or start (the person's version)."""
    api_write(ctx)
    forbid(ctx, can_change(ctx.user, "person"), "change people")
    edit = OfficeEdit(title=body.title, start_on=body.start_on, end_on=body.end_on, reopen=body.reopen)
    with ctx.writing(f"office of person {person_id} changed via API") as session:
        changed = edit_office(session, found(session.get(Person, person_id), "person"), position_id, edit,
                              based_on=body.version)
        return {"changed": changed, **found(person_data(session, person_id, ctx.today), "person")}


def _archived(record: Person | Organization) -> dict[str, Any]:
    """What the archive and restore operations answer: the record's key, its new version and the archive stamp."""
    return {"id": record.id, "version": record.version, "archived_at": serialise.iso(record.archived_at),
            "archived_by": record.archived_by}


archive_routes(router, Person, kind="person", page="/people", api="/api/v1/people", tag="people", show=_archived)
archive_routes(router, Organization, kind="organization", page="/organisations", api="/api/v1/organisations",
               tag="people", show=_archived)
