"""The dashboard page and its JSON."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse

from accord.web.data.dashboard import chart, dashboard, has_illustrative
from accord.web.data.tasks import my_tasks
from accord.web.render import page
from accord.web.routes.common import CtxDep

router = APIRouter()


def build(ctx: CtxDep, currency: str | None):  # noqa: ANN201
    roadmap = ctx.roadmap()
    if roadmap is None:
        raise HTTPException(404, "there is no roadmap yet: run `accord demo --load` or `accord import roadmap FILE`")
    return dashboard(ctx.session, roadmap, ctx.today, currency)


@router.get("/", include_in_schema=False)
def dashboard_page(ctx: CtxDep, currency: str | None = None) -> HTMLResponse:
    data = build(ctx, currency)
    figure = json.dumps(chart(data.trade, ctx.lang), ensure_ascii=False)
    return page(ctx, "dashboard.html", data=data, figure=figure, illustrative_trade=has_illustrative(data.trade),
                tasks=my_tasks(ctx.session, ctx.user, ctx.today))


@router.get("/api/v1/dashboard", tags=["dashboard"])
def dashboard_json(ctx: CtxDep, currency: str | None = None, roadmap: str | None = None) -> dict[str, Any]:
    """Progress by direction, overdue and next-90-day measures, trade against target, recent events and signings,
    and the caller's tasks: the open measures and decisions they answer for, overdue or due within 90 days."""
    return {**build(ctx, currency).as_dict(ctx.today), "tasks": my_tasks(ctx.session, ctx.user, ctx.today)}
