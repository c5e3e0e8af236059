"""The review queue: proposals from the news reader, accepted or rejected by a person with the right."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException
from fastapi.responses import HTMLResponse, Response

from accord.auth.access import can_review
from accord.domain.kinds import EvidenceState
from accord.store.models import Evidence
from accord.web.data import serialise
from accord.web.data.review import decider, proposal, queue
from accord.web.deps import Ctx, forbid
from accord.web.render import page
from accord.web.routes.common import CtxDep, PagePagingDep, PagingDep, api_write, back, form_write, found
from accord.web.schemas import Verdict

router = APIRouter()


@router.get("/review", include_in_schema=False)
def review_page(ctx: CtxDep, paging: PagePagingDep, state: EvidenceState = EvidenceState.PROPOSED) -> HTMLResponse:
    listing = queue(ctx.session, state.value, paging.limit, paging.offset)
    allowed = {p.evidence.id: can_review(ctx.user, p.scope) for p in listing.items}
    return page(ctx, "review.html", listing=listing, state=state.value, allowed=allowed,
                ready=decider() is not None)


@router.get("/api/v1/evidence", tags=["review"])
def evidence_json(ctx: CtxDep, paging: PagingDep, state: EvidenceState = EvidenceState.PROPOSED) -> dict[str, Any]:
    """Evidence links by state; `proposed` is the review queue, best-scored first."""
    listing = queue(ctx.session, state.value, paging.limit, paging.offset)
    return listing.as_dict(lambda p: serialise.evidence(p.evidence))


@router.get("/api/v1/evidence/{evidence_id}", tags=["review"])
def evidence_item_json(ctx: CtxDep, evidence_id: int) -> dict[str, Any]:
    """One evidence link or proposal with its source and reason."""
    return serialise.evidence(found(ctx.session.get(Evidence, evidence_id), "evidence"))


def decide(ctx: Ctx, evidence_id: int, verdict: str, note: str | None) -> None:
    """Check the right to decide, then hand the decision to the ingest package's review module."""
    evidence = found(ctx.session.get(Evidence, evidence_id), "proposal")
    forbid(ctx, can_review(ctx.user, proposal(ctx.session, evidence).scope), f"decide proposal {evidence_id}")
    module = decider()
    if module is None:
        raise HTTPException(503, "deciding proposals needs accord.ingest.review, which is not installed")
    user = ctx.require_user()
    try:
        with ctx.writing(f"proposal {evidence_id} {verdict}") as session:
            if verdict == "accepted":
                module.accept(session, evidence_id, user.name, note=note or None)
            else:
                module.reject(session, evidence_id, user.name, why=note or None)
    except getattr(module, "ReviewError", LookupError) as exc:
        raise HTTPException(409, str(exc)) from exc


@router.post("/review/{evidence_id}/{verdict}", include_in_schema=False)
def review_form(ctx: CtxDep, evidence_id: int, verdict: str, note: Annotated[str, Form()] = "",
                csrf: Annotated[str | None, Form()] = None) -> Response:
    form_write(ctx, csrf)
    if verdict not in ("accept", "reject"):
        raise HTTPException(404, "no such action")
    decide(ctx, evidence_id, verdict + "ed", note)
    return back("/review")


@router.post("/api/v1/evidence/{evidence_id}/accept", tags=["review"])
def accept_json(ctx: CtxDep, evidence_id: int, body: Verdict | None = None) -> dict[str, Any]:
    """Accept a proposal: it becomes evidence (and may move its measure to in progress)."""
    api_write(ctx)
    decide(ctx, evidence_id, "accepted", body.note if body else None)
    with ctx.db.reading() as session:
        return serialise.evidence(found(session.get(Evidence, evidence_id)))


@router.post("/api/v1/evidence/{evidence_id}/reject", tags=["review"])
def reject_json(ctx: CtxDep, evidence_id: int, body: Verdict | None = None) -> dict[str, Any]:
    """Reject a proposal, saying why."""
    api_write(ctx)
    decide(ctx, evidence_id, "rejected", body.note if body else None)
    with ctx.db.reading() as session:
        return serialise.evidence(found(session.get(Evidence, evidence_id)))
