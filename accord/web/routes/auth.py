"""Signing in and out, changing one's password, switching language; the API's `me` and user admin."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from accord.auth import users
from accord.auth.access import can_manage_users
from accord.auth.users import AccountError
from accord.store.models import User
from accord.web.deps import Ctx, language
from accord.web.i18n import LANGUAGES, translator
from accord.web.render import env
from accord.web.routes.common import CtxDep, api_write, back, form_write, safe_next
from accord.web.schemas import UserNew
from accord.web.security import check_csrf, csrf_token, sign_in, sign_out

router = APIRouter()


def login_page(request: Request, error: str | None = None, status: int = 200, next_url: str = "/") -> HTMLResponse:
    lang = language(request)
    html = env.get_template("login.html").render(
        _=translator(lang), lang=lang, csrf=csrf_token(request), error=error, next=next_url, user=None, nav=(),
        path="/login", here="/login", roadmap=None, query=request.query_params, with_query=lambda **kw: "?",
    )
    return HTMLResponse(html, status_code=status)


@router.get("/login", include_in_schema=False)
def login_form(request: Request, next: str | None = None) -> HTMLResponse:  # noqa: A002
    return login_page(request, next_url=safe_next(next))


@router.post("/login", include_in_schema=False)
def login(
    request: Request,
    name: Annotated[str, Form()],
    password: Annotated[str, Form()],
    csrf: Annotated[str | None, Form()] = None,
    next: Annotated[str, Form()] = "/",  # noqa: A002
) -> Response:
    check_csrf(request, csrf)
    _ = translator(language(request))
    limiter = request.app.state.limiter
    address = request.client.host if request.client else "unknown"
    wait = limiter.reserve(address)
    if wait:
        response = login_page(request, _("Too many failed attempts; try again in a minute."), 429, safe_next(next))
        response.headers["Retry-After"] = str(wait)
        return response
    with request.app.state.db.transaction(actor=name.strip() or "anonymous", reason="login") as session:
        user = users.authenticate(session, name, password)
        if user is None:
            return login_page(request, _("Wrong name or password."), 401, safe_next(next))
        limiter.release(address)
        sign_in(request, user, session)
    return back(safe_next(next))


@router.post("/logout", include_in_schema=False)
def logout(request: Request, csrf: Annotated[str | None, Form()] = None) -> Response:
    check_csrf(request, csrf)
    with request.app.state.db.transaction(actor="logout", reason="sign-out") as session:
        sign_out(request, session)
    return back("/login")


@router.get("/lang/{code}", include_in_schema=False)
def switch_language(request: Request, code: str, next: str | None = None) -> Response:  # noqa: A002
    if code in LANGUAGES:
        request.session["lang"] = code
    return RedirectResponse(safe_next(next), status_code=303)


@router.get("/roadmaps/choose", include_in_schema=False)
def choose_roadmap(request: Request, code: str, next: str | None = None) -> Response:  # noqa: A002
    """Remember which roadmap this session works on (pages show it until another is chosen)."""
    request.session["roadmap"] = code[:60]
    return RedirectResponse(safe_next(next), status_code=303)


@router.get("/account", include_in_schema=False)
def account(ctx: CtxDep, done: bool = False) -> HTMLResponse:
    from accord.web.render import page

    ctx.require_user()
    return page(ctx, "account.html", error=None, done=done)


@router.post("/account/password", include_in_schema=False)
def change_password(
    ctx: CtxDep,
    current: Annotated[str, Form()],
    new: Annotated[str, Form()],
    repeat: Annotated[str, Form()],
    csrf: Annotated[str | None, Form()] = None,
) -> Response:
    from accord.web.render import page

    form_write(ctx, csrf)
    if new != repeat:
        return page(ctx, "account.html", 422, error=ctx._("The new passwords differ."), done=False)
    try:
        with ctx.writing("password change") as session:
            user = session.get(User, ctx.caller.user_id)
            users.change_password(session, user, current, new)
            sign_in(ctx.request, user, session)
    except AccountError as exc:
        return page(ctx, "account.html", 422, error=str(exc), done=False)
    return back("/account?done=1")


@router.get("/api/v1/me", tags=["accounts"])
def me(ctx: CtxDep) -> dict[str, Any]:
    """Who the token (or session) belongs to, with role and scope."""
    user = ctx.require_user()
    return {"name": user.name, "display_name": user.display_name, "role": user.role.value, "party": user.party,
            "direction": user.direction}


@router.get("/api/v1/users", tags=["accounts"])
def list_users(ctx: CtxDep) -> dict[str, Any]:
    """Accounts (administrators only)."""
    _require_admin(ctx)
    from sqlalchemy import select

    rows = list(ctx.session.scalars(select(User).order_by(User.name)))
    items = [{"name": u.name, "display_name": u.display_name, "role": u.role, "party": u.party,
              "direction": u.direction, "active": u.active} for u in rows]
    return {"items": items, "total": len(items), "limit": len(items), "offset": 0}


@router.post("/api/v1/users", status_code=201, tags=["accounts"])
def create_user(ctx: CtxDep, body: UserNew) -> dict[str, Any]:
    """Create an account (administrators only)."""
    _require_admin(ctx)
    api_write(ctx)
    try:
        with ctx.writing("user created via API") as session:
            user = users.add_user(session, body.name, body.role, body.password, body.party, body.direction,
                                  body.display_name)
            return {"name": user.name, "role": user.role, "party": user.party, "direction": user.direction}
    except AccountError as exc:
        raise HTTPException(422, str(exc)) from exc


def _require_admin(ctx: Ctx) -> None:
    user = ctx.require_user()
    if not can_manage_users(user):
        raise HTTPException(403, f"{user.name} ({user.role.value}) may not manage accounts")
