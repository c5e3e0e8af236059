"""What the route modules share: paging parameters, write guards, not-found."""

from __future__ import annotations

from typing import Annotated, TypeVar

from fastapi import Depends, HTTPException, Query
from fastapi.responses import RedirectResponse

from accord.web.deps import Ctx, context
from accord.web.security import check_csrf

T = TypeVar("T")

CtxDep = Annotated[Ctx, Depends(context)]


class Paging:
    def __init__(self, limit: int = Query(50, ge=1, le=500, description="at most 500"),
                 offset: int = Query(0, ge=0)) -> None:
        self.limit = limit
        self.offset = offset


class PagePaging:
    """Pages show 100 rows by default and accept the same parameters."""

    def __init__(self, limit: int = Query(100, ge=1, le=500), offset: int = Query(0, ge=0)) -> None:
        self.limit = limit
        self.offset = offset


PagingDep = Annotated[Paging, Depends()]
PagePagingDep = Annotated[PagePaging, Depends()]


def found(value: T | None, what: str = "record") -> T:
    if value is None:
        raise HTTPException(404, f"no such {what}")
    return value


def api_write(ctx: Ctx) -> None:
    """A write through the API: a token, or the session cookie plus its CSRF token in X-CSRF-Token."""
    ctx.require_user()
    if ctx.caller.via == "session":
        check_csrf(ctx.request, ctx.request.headers.get("x-csrf-token"))


def form_write(ctx: Ctx, csrf: str | None) -> None:
    ctx.require_user()
    check_csrf(ctx.request, csrf)


def back(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def safe_next(url: str | None, default: str = "/") -> str:
    """Only same-site paths are followed after login or a language switch."""
    if url and url.startswith("/") and not url.startswith("//") and "\\" not in url:
        return url
    return default
