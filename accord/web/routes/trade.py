"""Trade turnover by period and reporter against the target, in a chosen currency."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from accord.fx.store import rate_count
from accord.trade.summary import trade_summary
from accord.web.data import serialise
from accord.web.data.dashboard import chart, has_illustrative
from accord.web.data.registers import list_flows
from accord.web.render import page
from accord.web.routes.common import CtxDep, PagingDep

router = APIRouter()
CURRENCIES = ("USD", "EUR", "BYN", "KGS", "RUB")


@router.get("/trade", include_in_schema=False)
def trade_page(ctx: CtxDep, currency: str | None = None) -> HTMLResponse:
    summary = trade_summary(ctx.session, ctx.roadmap(), currency.upper() if currency else None, ctx.today)
    rates = rate_count(ctx.session)
    return page(ctx, "trade.html", summary=summary, figure=json.dumps(chart(summary, ctx.lang), ensure_ascii=False),
                currencies=CURRENCIES if rates else (summary.currency,), rates=rates,
                illustrative_trade=has_illustrative(summary))


@router.get("/api/v1/trade/summary", tags=["trade"])
def trade_json(ctx: CtxDep, currency: str | None = None, roadmap: str | None = None) -> dict[str, Any]:
    """Turnover by period and reporter, growth, and the target; converted figures carry their rate and source."""
    return trade_summary(ctx.session, ctx.roadmap(), currency.upper() if currency else None, ctx.today).as_dict()


@router.get("/api/v1/trade/flows", tags=["trade"])
def flows_json(ctx: CtxDep, paging: PagingDep, reporter: str | None = None, flow: str | None = None) -> dict[str, Any]:
    """Reported trade figures as stored (mirror figures are separate rows)."""
    return list_flows(ctx.session, reporter, flow, paging.limit, paging.offset).as_dict(serialise.trade_flow)
