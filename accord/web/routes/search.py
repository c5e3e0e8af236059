"""Search across measures, agreements, projects, people, organisations, events and news items."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from accord.domain.kinds import RecordKind
from accord.search.index import RANKED_UP_TO, search
from accord.web.data.listing import Listing
from accord.web.render import page
from accord.web.routes.common import CtxDep, PagingDep

router = APIRouter()

KINDS = [k.value for k in RecordKind]

LINKS = {"measure": "/measures/{}", "agreement": "/agreements/{}", "project": "/projects/{}", "person": "/people/{}",
         "organization": "/organisations/{}", "event": "/events/{}", "news": "/news/{}"}


def results(ctx: CtxDep, q: str, kind: list[str] | None, limit: int, offset: int) -> Listing[Any]:
    hits, total = search(ctx.session, q, [k for k in (kind or []) if k in KINDS] or None, limit, offset)
    return Listing(hits, total, limit, offset, extra={"q": q, "total_capped": total > RANKED_UP_TO})


@router.get("/search", include_in_schema=False)
def search_page(ctx: CtxDep, q: str = "", kind: list[str] | None = Query(None), limit: int = Query(50, ge=1, le=500),
                offset: int = Query(0, ge=0)) -> HTMLResponse:
    listing = results(ctx, q, kind, limit, offset) if q.strip() else None
    return page(ctx, "search.html", q=q, listing=listing, kinds=KINDS, chosen=kind or [], links=LINKS)


@router.get("/api/v1/search", tags=["search"])
def search_json(ctx: CtxDep, paging: PagingDep, q: str, kind: list[str] | None = Query(None)) -> dict[str, Any]:
    """Words in any grammatical form (`соглашения` finds `соглашение`); `kind` narrows to measure, agreement, …"""
    return results(ctx, q, kind, paging.limit, paging.offset).as_dict(lambda h: {**h.as_dict(), "url": LINKS[h.kind].format(h.ref_id)})
