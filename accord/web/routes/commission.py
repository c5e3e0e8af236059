"""The commission: bodies and co-chairs, sessions, and the decisions they took (tracked like measures).

Each page and its JSON twin answer from one data function (`accord.web.data.records`);
each write — form or API — goes through one service of `accord.store.commission_edits`.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from accord.auth.access import can_change, can_edit_measure
from accord.domain.days import DayError, parse_day
from accord.domain.status import MeasureStatus, TransitionError
from accord.store.audit import ConflictError
from accord.store.checks import Invalid
from accord.store.commission_edits import (
    DecisionDraft,
    DecisionEdit,
    SessionDraft,
    SessionEdit,
    add_decision,
    create_session,
    edit_decision,
    edit_session,
)
from accord.store.models import Decision
from accord.store.models import Session as Meeting
from accord.web.data import serialise
from accord.web.data.records import (
    changes_since,
    decision_data,
    decision_scope,
    organisation_choices,
    session_data,
)
from accord.web.data.registers import DecisionFilter, bodies, list_decisions, list_sessions
from accord.web.deps import Ctx, forbid
from accord.web.render import page
from accord.web.routes.archiving import archive_routes
from accord.web.routes.common import CtxDep, PagingDep, api_write, back, form_write, found
from accord.web.schemas import DecisionChange, DecisionNew, SessionChange, SessionNew

router = APIRouter()

#: what a form refuses with a message on the page (422), keeping what was typed
REFUSALS = (Invalid, DayError, TransitionError)


def _conflict(db_session: Session, exc: ConflictError, entity: str, record_id: int, version: int) -> dict[str, Any]:
    return {"message": str(exc), "by": exc.by, "changes": changes_since(db_session, entity, record_id, version)}


@router.get("/commission", include_in_schema=False)
def commission_page(ctx: CtxDep) -> HTMLResponse:
    return _commission(ctx, ctx.session)


def _commission(ctx: Ctx, db_session: Session, status: int = 200, form: dict[str, str] | None = None,
                error: str | None = None) -> HTMLResponse:
    overdue = list_decisions(db_session, DecisionFilter(overdue=True), ctx.today, 100, 0)
    return page(ctx, "commission.html", status, bodies=bodies(db_session), overdue=overdue,
                can_record=can_change(ctx.user, "session"), form=form or {}, error=error)


@router.post("/commission/sessions", include_in_schema=False)
def session_new_form(
    ctx: CtxDep,
    body_id: Annotated[int, Form()],
    number: Annotated[int, Form()],
    held_on: Annotated[str, Form()] = "",
    place: Annotated[str, Form()] = "",
    summary: Annotated[str, Form()] = "",
    csrf: Annotated[str | None, Form()] = None,
) -> Response:
    form_write(ctx, csrf)
    forbid(ctx, can_change(ctx.user, "session"), "record sessions")
    form = {"body_id": str(body_id), "number": str(number), "held_on": held_on, "place": place, "summary": summary}
    try:
        draft = SessionDraft(body_id=body_id, number=number, held_on=parse_day(held_on, "held on"), place=place,
                             summary=summary)
        with ctx.writing("web: session recorded") as session:
            meeting_id = create_session(session, draft).id
    except REFUSALS as exc:
        with ctx.db.reading() as fresh:
            return _commission(ctx, fresh, 422, form, str(exc))
    return back(f"/commission/sessions/{meeting_id}?saved=1")


def _session_page(ctx: Ctx, db_session: Session, session_id: int, status: int = 200, **extra: Any) -> HTMLResponse:
    data = found(session_data(db_session, session_id, ctx.today), "session")
    values: dict[str, Any] = {"conflict": None, "form": {}, "error": None, "dform": {}, "derror": None, **extra}
    return page(ctx, "session.html", status, s=data, can_record=can_change(ctx.user, "session"),
                can_decide=can_change(ctx.user, "decision"), orgs=organisation_choices(db_session), **values)


@router.get("/commission/sessions/{session_id}", include_in_schema=False)
def session_page(ctx: CtxDep, session_id: int) -> HTMLResponse:
    return _session_page(ctx, ctx.session, session_id)


@router.get("/api/v1/sessions/{session_id}", tags=["commission"])
def session_json(ctx: CtxDep, session_id: int) -> dict[str, Any]:
    """One session with its decisions and its history (the page shows the same)."""
    return found(session_data(ctx.session, session_id, ctx.today), "session")


@router.post("/commission/sessions/{session_id}", include_in_schema=False)
def session_form(
    ctx: CtxDep,
    session_id: int,
    version: Annotated[int, Form()],
    number: Annotated[int, Form()],
    held_on: Annotated[str, Form()] = "",
    place: Annotated[str, Form()] = "",
    summary: Annotated[str, Form()] = "",
    csrf: Annotated[str | None, Form()] = None,
) -> Response:
    form_write(ctx, csrf)
    forbid(ctx, can_change(ctx.user, "session"), "change sessions")
    found(ctx.session.get(Meeting, session_id), "session")
    form = {"number": str(number), "held_on": held_on, "place": place, "summary": summary}
    try:
        edit = SessionEdit(number=number, held_on=parse_day(held_on, "held on"), place=place, summary=summary)
        with ctx.writing(f"web edit of session {session_id}") as session:
            edit_session(session, found(session.get(Meeting, session_id), "session"), edit, based_on=version)
    except ConflictError as exc:
        with ctx.db.reading() as fresh:
            return _session_page(ctx, fresh, session_id, 409, form=form,
                                 conflict=_conflict(fresh, exc, "session", session_id, version))
    except REFUSALS as exc:
        with ctx.db.reading() as fresh:
            return _session_page(ctx, fresh, session_id, 422, form=form, error=str(exc))
    return back(f"/commission/sessions/{session_id}?saved=1")


@router.post("/commission/sessions/{session_id}/decisions", include_in_schema=False)
def decision_new_form(
    ctx: CtxDep,
    session_id: int,
    number: Annotated[str, Form()],
    text: Annotated[str, Form()],
    owner_id: Annotated[int, Form()],
    due_on: Annotated[str, Form()],
    csrf: Annotated[str | None, Form()] = None,
) -> Response:
    form_write(ctx, csrf)
    forbid(ctx, can_change(ctx.user, "decision"), "add commission decisions")
    found(ctx.session.get(Meeting, session_id), "session")
    dform = {"number": number, "text": text, "owner_id": str(owner_id), "due_on": due_on}
    try:
        due = parse_day(due_on, "deadline")
        if due is None:
            raise Invalid("deadline: a decision is a task and needs one")
        draft = DecisionDraft(number=number, text=text, owner_id=owner_id, due_on=due)
        with ctx.writing(f"web: decision added to session {session_id}") as session:
            decision = add_decision(session, found(session.get(Meeting, session_id), "session"), draft)
            decision_id = decision.id
    except REFUSALS as exc:
        with ctx.db.reading() as fresh:
            return _session_page(ctx, fresh, session_id, 422, dform=dform, derror=str(exc))
    return back(f"/commission/sessions/{session_id}?added={decision_id}#decision-{decision_id}")


@router.post("/api/v1/sessions/{session_id}/decisions", status_code=201, tags=["commission"])
def decision_create(ctx: CtxDep, session_id: int, body: DecisionNew) -> dict[str, Any]:
    """Add a decision to a session: a task with its owner and deadline, tracked from then on (coordinators)."""
    api_write(ctx)
    forbid(ctx, can_change(ctx.user, "decision"), "add commission decisions")
    draft = DecisionDraft(number=body.number, text=body.text, owner_id=body.owner_id, due_on=body.due_on,
                          co_responsible=tuple(body.co_responsible), measure_id=body.measure_id)
    with ctx.writing(f"decision added to session {session_id} via API") as session:
        decision = add_decision(session, found(session.get(Meeting, session_id), "session"), draft)
        return found(decision_data(session, decision.id, ctx.today), "decision")


def _may_update(ctx: Ctx, db_session: Session, decision: Decision) -> bool:
    """Coordinators change every decision; an editor the progress of those their party answers for."""
    return can_change(ctx.user, "decision") or can_edit_measure(ctx.user, decision_scope(db_session, decision))


def _check_edit(ctx: Ctx, db_session: Session, decision: Decision, edit: DecisionEdit) -> None:
    forbid(ctx, _may_update(ctx, db_session, decision), f"change decision {decision.number}")
    rewrites = (edit.text is not None and edit.text.strip() != decision.text) or (
        edit.owner_id is not None and edit.owner_id != decision.owner_id) or edit.co_responsible is not None
    forbid(ctx, not rewrites or can_change(ctx.user, "decision"),
           f"change what decision {decision.number} says or who owns it")


def _decision_page(ctx: Ctx, db_session: Session, decision_id: int, status: int = 200, **extra: Any) -> HTMLResponse:
    data = found(decision_data(db_session, decision_id, ctx.today), "decision")
    decision = found(db_session.get(Decision, decision_id), "decision")
    values: dict[str, Any] = {"conflict": None, "form": {}, "error": None, **extra}
    return page(ctx, "decision.html", status, d=data, can_update=_may_update(ctx, db_session, decision),
                can_decide=can_change(ctx.user, "decision"), orgs=organisation_choices(db_session),
                statuses=list(MeasureStatus), **values)


@router.get("/commission/decisions/{decision_id}", include_in_schema=False)
def decision_page(ctx: CtxDep, decision_id: int) -> HTMLResponse:
    return _decision_page(ctx, ctx.session, decision_id)


@router.get("/api/v1/decisions/{decision_id}", tags=["commission"])
def decision_json(ctx: CtxDep, decision_id: int) -> dict[str, Any]:
    """One decision as a task: owner, deadline, status, its session and its history (the page shows the same)."""
    return found(decision_data(ctx.session, decision_id, ctx.today), "decision")


@router.post("/commission/decisions/{decision_id}", include_in_schema=False)
def decision_form(
    ctx: CtxDep,
    decision_id: int,
    version: Annotated[int, Form()],
    status: Annotated[MeasureStatus, Form()],
    due_on: Annotated[str, Form()] = "",
    text: Annotated[str | None, Form()] = None,
    owner_id: Annotated[int | None, Form()] = None,
    csrf: Annotated[str | None, Form()] = None,
) -> Response:
    form_write(ctx, csrf)
    decision = found(ctx.session.get(Decision, decision_id), "decision")
    form = {"status": status.value, "due_on": due_on, "text": text, "owner_id": str(owner_id or "")}
    try:
        edit = DecisionEdit(status=status, due_on=parse_day(due_on, "deadline"), text=text, owner_id=owner_id)
        _check_edit(ctx, ctx.session, decision, edit)
        with ctx.writing(f"web edit of decision {decision.number}") as session:
            edit_decision(session, found(session.get(Decision, decision_id), "decision"), edit, based_on=version)
    except ConflictError as exc:
        with ctx.db.reading() as fresh:
            return _decision_page(ctx, fresh, decision_id, 409, form=form,
                                  conflict=_conflict(fresh, exc, "decision", decision_id, version))
    except REFUSALS as exc:
        with ctx.db.reading() as fresh:
            return _decision_page(ctx, fresh, decision_id, 422, form=form, error=str(exc))
    return back(f"/commission/decisions/{decision_id}?saved=1")


@router.patch("/api/v1/decisions/{decision_id}", tags=["commission"])
def decision_patch(ctx: CtxDep, decision_id: int, body: DecisionChange) -> dict[str, Any]:
    """Change a decision: status and deadline (coordinators, and editors whose party owns it); text and owner
    (coordinators). `version` must be the one you read: a stale edit is refused with 409 naming who changed it."""
    api_write(ctx)
    decision = found(ctx.session.get(Decision, decision_id), "decision")
    edit = DecisionEdit(status=body.status, due_on=body.due_on, text=body.text, owner_id=body.owner_id,
                        co_responsible=tuple(body.co_responsible) if body.co_responsible is not None else None)
    _check_edit(ctx, ctx.session, decision, edit)
    with ctx.writing(f"decision {decision.number} changed via API") as session:
        changed = edit_decision(session, found(session.get(Decision, decision_id), "decision"), edit,
                                based_on=body.version)
        return {"changed": changed, **found(decision_data(session, decision_id, ctx.today), "decision")}


@router.get("/api/v1/sessions", tags=["commission"])
def sessions_json(ctx: CtxDep, paging: PagingDep, archived: bool = False) -> dict[str, Any]:
    """Sessions of the commission and its working groups, latest first (`archived=true` adds the archived)."""
    listing = list_sessions(ctx.session, paging.limit, paging.offset, archived)
    return listing.as_dict(lambda s: {**serialise.session(s, ctx.today), "archived_at": serialise.iso(s.archived_at)})


@router.get("/api/v1/decisions", tags=["commission"])
def decisions_json(ctx: CtxDep, filters: Annotated[DecisionFilter, Depends()], paging: PagingDep) -> dict[str, Any]:
    """Protocol decisions with owner, deadline and status (overdue derived; `archived=true` adds the archived)."""
    listing = list_decisions(ctx.session, filters, ctx.today, paging.limit, paging.offset)
    return listing.as_dict(lambda d: serialise.decision(d, ctx.today))


@router.post("/api/v1/sessions", status_code=201, tags=["commission"])
def session_create(ctx: CtxDep, body: SessionNew) -> dict[str, Any]:
    """Record a session of the commission or a working group (coordinators and administrators)."""
    api_write(ctx)
    forbid(ctx, can_change(ctx.user, "session"), "record sessions")
    draft = SessionDraft(body_id=body.body_id, number=body.number, held_on=body.held_on, place=body.place,
                         summary=body.summary)
    with ctx.writing("session recorded via API") as session:
        meeting = create_session(session, draft)
        return found(session_data(session, meeting.id, ctx.today), "session")


@router.patch("/api/v1/sessions/{session_id}", tags=["commission"])
def session_patch(ctx: CtxDep, session_id: int, body: SessionChange) -> dict[str, Any]:
    """Change a session's number, date, place or summary (coordinators). A stale `version` is refused with 409."""
    api_write(ctx)
    forbid(ctx, can_change(ctx.user, "session"), "change sessions")
    edit = SessionEdit(number=body.number, held_on=body.held_on, place=body.place, summary=body.summary)
    with ctx.writing(f"session {session_id} changed via API") as session:
        changed = edit_session(session, found(session.get(Meeting, session_id), "session"), edit,
                               based_on=body.version)
        return {"changed": changed, **found(session_data(session, session_id, ctx.today), "session")}


def _archived(record: Meeting | Decision) -> dict[str, Any]:
    """What the archive and restore operations answer: the record's key, its new version and the archive stamp."""
    return {"id": record.id, "number": record.number, "version": record.version,
            "archived_at": serialise.iso(record.archived_at), "archived_by": record.archived_by}


archive_routes(router, Meeting, kind="session", page="/commission/sessions", api="/api/v1/sessions",
               tag="commission", show=_archived)
archive_routes(router, Decision, kind="decision", page="/commission/decisions", api="/api/v1/decisions",
               tag="commission", show=_archived)
