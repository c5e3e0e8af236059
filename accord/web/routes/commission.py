"""The commission: bodies and co-chairs, sessions, and the decisions they took (tracked like measures)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import HTMLResponse

from accord.auth.access import can_change
from accord.store.models import Decision
from accord.web.data import serialise
from accord.web.data.changes import change_decision, create_session
from accord.web.data.registers import DecisionFilter, bodies, list_decisions, list_sessions, load_session
from accord.web.deps import forbid
from accord.web.render import page
from accord.web.routes.common import CtxDep, PagingDep, api_write, found
from accord.web.schemas import DecisionChange, SessionNew

router = APIRouter()


@router.get("/commission", include_in_schema=False)
def commission_page(ctx: CtxDep) -> HTMLResponse:
    overdue = list_decisions(ctx.session, DecisionFilter(overdue=True), ctx.today, 100, 0)
    return page(ctx, "commission.html", bodies=bodies(ctx.session), overdue=overdue)


@router.get("/commission/sessions/{session_id}", include_in_schema=False)
def session_page(ctx: CtxDep, session_id: int) -> HTMLResponse:
    return page(ctx, "session.html", s=found(load_session(ctx.session, session_id), "session"))


@router.get("/api/v1/sessions", tags=["commission"])
def sessions_json(ctx: CtxDep, paging: PagingDep) -> dict[str, Any]:
    """Sessions of the commission and its working groups, latest first."""
    return list_sessions(ctx.session, paging.limit, paging.offset).as_dict(lambda s: serialise.session(s, ctx.today))


@router.get("/api/v1/sessions/{session_id}", tags=["commission"])
def session_json(ctx: CtxDep, session_id: int) -> dict[str, Any]:
    """One session with its decisions."""
    return serialise.session(found(load_session(ctx.session, session_id), "session"), ctx.today, full=True)


@router.get("/api/v1/decisions", tags=["commission"])
def decisions_json(ctx: CtxDep, filters: Annotated[DecisionFilter, Depends()], paging: PagingDep) -> dict[str, Any]:
    """Protocol decisions with owner, deadline and status (overdue derived)."""
    listing = list_decisions(ctx.session, filters, ctx.today, paging.limit, paging.offset)
    return listing.as_dict(lambda d: serialise.decision(d, ctx.today))


@router.patch("/api/v1/decisions/{decision_id}", tags=["commission"])
def decision_patch(ctx: CtxDep, decision_id: int, body: DecisionChange) -> dict[str, Any]:
    """Change a decision's status or deadline (coordinators and administrators)."""
    api_write(ctx)
    forbid(ctx, can_change(ctx.user, "decision"), "change commission decisions")
    with ctx.writing("decision changed via API") as session:
        decision = found(session.get(Decision, decision_id), "decision")
        change_decision(session, decision, body)
        return serialise.decision(decision, ctx.today)


@router.post("/api/v1/sessions", status_code=201, tags=["commission"])
def session_create(ctx: CtxDep, body: SessionNew) -> dict[str, Any]:
    """Record a session of the commission or a working group (coordinators and administrators)."""
    api_write(ctx)
    forbid(ctx, can_change(ctx.user, "session"), "record sessions")
    with ctx.writing("session recorded via API") as session:
        return serialise.session(create_session(session, body), ctx.today, full=True)
