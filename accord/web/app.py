"""The application factory: settings, session cookies, static files, error pages, and every route module."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from accord import settings as config
from accord.auth.ratelimit import LoginLimiter
from accord.domain.due import DueError
from accord.domain.status import TransitionError
from accord.store import indexing
from accord.store.audit import ConflictError
from accord.store.db import Database
from accord.web.data.changes import Invalid
from accord.web.deps import LoginRequired
from accord.web.request_ids import RequestIds

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"


def plotly_js() -> Path:
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def create_app(
    db: Database | None = None,
    *,
    today: Callable[[], date] | None = None,
    public_read: bool | None = None,
    secure_cookies: bool | None = None,
    secret_key: str | None = None,
    login_rate: int | None = None,
    trusted_proxies: Sequence[str] | None = None,
) -> FastAPI:
    """One app over one database; arguments override the environment (tests pass their own)."""
    from accord.web.routes import ROUTERS

    env = config.load()
    app = FastAPI(
        title="accord API",
        version="1",
        description="The record of an intergovernmental cooperation roadmap: measures, agreements, projects, "
        "commission, events, people, trade. Authenticate with the header Authorization: Bearer TOKEN "
        "(a token comes from accord token create NAME).",
        openapi_url="/api/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.db = db or Database()
    indexing.prepare(app.state.db)
    app.state.today = today or date.today
    app.state.public_read = env.public_read if public_read is None else public_read
    app.state.limiter = LoginLimiter(env.login_attempts_per_minute if login_rate is None else login_rate)
    secure = env.secure_cookies if secure_cookies is None else secure_cookies
    app.add_middleware(
        SessionMiddleware,
        secret_key=secret_key or env.secret_key(),
        session_cookie="accord_session",
        same_site="lax",
        https_only=secure,
        max_age=12 * 3600,
    )
    app.add_middleware(DropEmptyQuery)
    proxies = env.trusted_proxies if trusted_proxies is None else trusted_proxies
    if proxies:  # the client address (login throttling) comes from X-Forwarded-For only through these
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=list(proxies))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/static-vendor/plotly.min.js", include_in_schema=False)
    def plotly_bundle() -> FileResponse:
        return FileResponse(plotly_js(), media_type="application/javascript",
                            headers={"Cache-Control": "public, max-age=86400"})

    for router in ROUTERS:
        for route in router.routes:  # the docs list each operation by the first line of its docstring
            if isinstance(route, APIRoute) and route.description and not route.summary:
                route.summary = route.description.strip().splitlines()[0].rstrip(".")
        app.include_router(router)
    install_errors(app)
    app.add_middleware(RequestIds)  # outermost: every log line of a request carries its id
    return app


class DropEmptyQuery:
    """Filter forms submit empty fields (`?party=&body=`); an empty filter means no filter."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            pairs = [(k, v) for k, v in parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True) if v != ""]
            scope = {**scope, "query_string": urlencode(pairs).encode("latin-1")}
        await self.app(scope, receive, send)


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def install_errors(app: FastAPI) -> None:
    from accord.web.routes.errors import error_page

    @app.exception_handler(LoginRequired)
    def login_required(request: Request, _exc: LoginRequired) -> Response:
        if is_api(request):
            return JSONResponse({"detail": "authentication required"}, status_code=401,
                                headers={"WWW-Authenticate": "Bearer"})
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target)}", status_code=303)

    def reply(request: Request, status: int, detail: Any) -> Response:
        log.info("%s %s refused with %s: %s", request.method, request.url.path, status, detail,
                 exc_info=log.isEnabledFor(logging.DEBUG))
        if is_api(request):
            return JSONResponse({"detail": detail}, status_code=status)
        return error_page(request, status, str(detail))

    @app.exception_handler(HTTPException)
    def http_error(request: Request, exc: HTTPException) -> Response:
        response = reply(request, exc.status_code, exc.detail)
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(ConflictError)
    def conflict(request: Request, exc: ConflictError) -> Response:
        return reply(request, 409, str(exc))

    for kind in (TransitionError, DueError, Invalid):
        app.add_exception_handler(kind, lambda request, exc: reply(request, 422, str(exc)))  # type: ignore[arg-type]

    @app.exception_handler(RequestValidationError)
    def invalid(request: Request, exc: RequestValidationError) -> Response:
        if is_api(request):
            return JSONResponse({"detail": jsonable(exc.errors())}, status_code=422)
        return error_page(request, 422, "; ".join(str(e.get("msg")) for e in exc.errors()))


def jsonable(errors: Any) -> Any:
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(errors, custom_encoder={Exception: str})
