"""Events with their facts and sources, news items, people with their offices over time, organisations."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import HTMLResponse

from accord.auth.access import can_change
from accord.store.models import Organization, Person, SourceItem
from accord.web.data import serialise
from accord.web.data.changes import add_position, change_organization, create_organization, create_person
from accord.web.data.registers import (
    EventFilter,
    OrganizationFilter,
    PersonFilter,
    event_view,
    list_events,
    list_news,
    list_organizations,
    list_people,
    organization_view,
    person_view,
)
from accord.web.deps import forbid
from accord.web.render import page
from accord.web.routes.common import CtxDep, PagePagingDep, PagingDep, api_write, found
from accord.web.schemas import OrganizationChange, OrganizationNew, PersonNew, PositionNew

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


@router.get("/people", include_in_schema=False)
def people_page(ctx: CtxDep, filters: Annotated[PersonFilter, Depends()], paging: PagePagingDep) -> HTMLResponse:
    orgs = list_organizations(ctx.session, OrganizationFilter(country=filters.country, q=filters.q), 500, 0)
    return page(ctx, "people.html", listing=list_people(ctx.session, filters, paging.limit, paging.offset),
                orgs=orgs, filters=filters)


@router.get("/api/v1/people", tags=["people"])
def people_json(ctx: CtxDep, filters: Annotated[PersonFilter, Depends()], paging: PagingDep) -> dict[str, Any]:
    """People in the directory with their offices over time."""
    return list_people(ctx.session, filters, paging.limit, paging.offset).as_dict(lambda p: serialise.person(p, full=True))


@router.get("/people/{person_id}", include_in_schema=False)
def person_page(ctx: CtxDep, person_id: int) -> HTMLResponse:
    return page(ctx, "person.html", view=found(person_view(ctx.session, person_id), "person"))


@router.get("/api/v1/people/{person_id}", tags=["people"])
def person_json(ctx: CtxDep, person_id: int) -> dict[str, Any]:
    """One person with offices over time and the events they took part in."""
    view = found(person_view(ctx.session, person_id), "person")
    return {**serialise.person(view.person, full=True), "events": [serialise.event(e) for e in view.events]}


@router.get("/organisations/{org_id}", include_in_schema=False)
def organization_page(ctx: CtxDep, org_id: int) -> HTMLResponse:
    return page(ctx, "organisation.html", view=found(organization_view(ctx.session, org_id), "organisation"))


@router.get("/api/v1/organisations", tags=["people"])
def organizations_json(ctx: CtxDep, filters: Annotated[OrganizationFilter, Depends()], paging: PagingDep) -> dict[str, Any]:
    """Organisations in the directory (filters: country, kind, words)."""
    return list_organizations(ctx.session, filters, paging.limit, paging.offset).as_dict(serialise.organization)


@router.get("/api/v1/organisations/{org_id}", tags=["people"])
def organization_json(ctx: CtxDep, org_id: int) -> dict[str, Any]:
    """One organisation with the people who held offices in it."""
    view = found(organization_view(ctx.session, org_id), "organisation")
    return {**serialise.organization(view.organization), "positions": [
        {"person": serialise.person(p.person), "title": p.title, "start_on": serialise.iso(p.start_on),
         "end_on": serialise.iso(p.end_on)} for p in view.positions]}


@router.post("/api/v1/organisations", status_code=201, tags=["people"])
def organization_create(ctx: CtxDep, body: OrganizationNew) -> dict[str, Any]:
    """Add an organisation to the directory (coordinators and administrators)."""
    api_write(ctx)
    forbid(ctx, can_change(ctx.user, "organization"), "add organisations")
    with ctx.writing("organisation added via API") as session:
        return serialise.organization(create_organization(session, body))


@router.patch("/api/v1/organisations/{org_id}", tags=["people"])
def organization_patch(ctx: CtxDep, org_id: int, body: OrganizationChange) -> dict[str, Any]:
    """Change an organisation's names or kind (coordinators and administrators)."""
    api_write(ctx)
    forbid(ctx, can_change(ctx.user, "organization"), "change organisations")
    with ctx.writing("organisation changed via API") as session:
        org = found(session.get(Organization, org_id), "organisation")
        change_organization(session, org, body)
        return serialise.organization(org)


@router.post("/api/v1/people", status_code=201, tags=["people"])
def person_create(ctx: CtxDep, body: PersonNew) -> dict[str, Any]:
    """Add a person to the directory (coordinators and administrators)."""
    api_write(ctx)
    forbid(ctx, can_change(ctx.user, "person"), "add people")
    with ctx.writing("person added via API") as session:
        return serialise.person(create_person(session, body), full=True)


@router.post("/api/v1/people/{person_id}/positions", status_code=201, tags=["people"])
def position_create(ctx: CtxDep, person_id: int, body: PositionNew) -> dict[str, Any]:
    """Record an office a person holds or held, with its dates (offices over time)."""
    api_write(ctx)
    forbid(ctx, can_change(ctx.user, "person"), "change people")
    with ctx.writing(f"office of person {person_id} recorded via API") as session:
        person = found(session.get(Person, person_id), "person")
        add_position(session, person, body)
        return serialise.person(person, full=True)
