"""The application factory: settings, session cookies, static files, error pages, and every route module."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from starlette.middleware.sessions import SessionMiddleware
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from accord import settings as config
from accord.auth.ratelimit import LoginLimiter
from accord.domain.days import DayError
from accord.domain.due import DueError
from accord.domain.status import TransitionError
from accord.store import indexing
from accord.store.archive import ArchiveError
from accord.store.audit import ConflictError, FieldError
from accord.store.db import Database
from accord.web.data.changes import Invalid
from accord.web.deps import LoginRequired
from accord.web.guards import check_request_values
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
        dependencies=[Depends(check_request_values)],
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
    app.add_middleware(SecurityHeaders, https=secure)
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
        app.include_router(router, responses=ERRORS)  # every refusal is documented in the schema
    install_errors(app)
    app.add_middleware(RequestIds)  # outermost: every log line of a request carries its id
    return app


class Problem(BaseModel):
    """Every refusal other than a 422: what went wrong, in words."""

    detail: str


class Invalidity(BaseModel):
    type: str
    loc: list[str | int]
    msg: str


class Invalidities(BaseModel):
    """A 422: the list of what is wrong and where, for FastAPI's checks and the record's rules alike."""

    detail: list[Invalidity]


#: the refusals any API operation may answer, each documented in the schema
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "the body could not be read (not JSON, or not the declared encoding)"},
    401: {"model": Problem, "description": "no valid token or session"},
    403: {"model": Problem, "description": "the caller's role or scope does not allow it"},
    404: {"model": Problem, "description": "no such record"},
    409: {"model": Problem, "description": "changed meanwhile (a stale version) or already decided"},
    422: {"model": Invalidities, "description": "invalid input: each error names where"},
    503: {"model": Problem, "description": "the database is unavailable; nothing was saved"},
}


#: scripts only from this site and no inline ones; plotly sets inline styles, so styles may be inline
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
       "frame-ancestors 'none'")


class SecurityHeaders:
    """The headers every answer carries: CSP, no framing, no sniffing, no caching of the record."""

    def __init__(self, app: Any, https: bool = False) -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", CSP.encode()),
            (b"x-frame-options", b"DENY"),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"same-origin"),
            (b"cross-origin-opener-policy", b"same-origin"),
            (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
        ]
        if https:
            self.headers.append((b"strict-transport-security", b"max-age=31536000"))

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith(("/static/", "/static-vendor/"))

        async def with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in self.headers if n not in present]
                if not static and b"cache-control" not in present:
                    extra.append((b"cache-control", b"no-store"))
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)


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
    """JSON errors for the API: its paths, and any operation the OpenAPI schema lists (the report file too)."""
    route = request.scope.get("route")
    if isinstance(route, APIRoute) and route.include_in_schema:
        return True
    return request.url.path.startswith("/api/")


#: how long an error message may be when it is shown (messages can quote what was sent)
SHOWN_MAX = 500


def shorten(text: str) -> str:
    return text if len(text) <= SHOWN_MAX else text[:SHOWN_MAX] + "…"


def problems(message: str, loc: tuple[str, ...] = ("body",), kind: str = "value_error") -> list[dict[str, Any]]:
    """A domain refusal in the shape the schema documents for 422: a list of errors, like FastAPI's own."""
    return [{"type": kind, "loc": list(loc), "msg": shorten(message)}]


def install_errors(app: FastAPI) -> None:
    from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, InterfaceError, OperationalError

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
            if status == 422 and isinstance(detail, str):
                detail = problems(detail)
            elif isinstance(detail, str):
                detail = shorten(detail)
            return JSONResponse({"detail": detail}, status_code=status)
        if isinstance(detail, list):
            detail = "; ".join(str(e.get("msg")) for e in detail)
        return error_page(request, status, shorten(str(detail)))

    @app.exception_handler(HTTPException)
    def http_error(request: Request, exc: HTTPException) -> Response:
        response = reply(request, exc.status_code, exc.detail)
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(ConflictError)
    def conflict(request: Request, exc: ConflictError) -> Response:
        return reply(request, 409, str(exc))

    for kind in (TransitionError, DueError, DayError, Invalid, ArchiveError):
        app.add_exception_handler(kind, lambda request, exc: reply(request, 422, str(exc)))  # type: ignore[arg-type]

    @app.exception_handler(FieldError)
    def field_error(request: Request, exc: FieldError) -> Response:
        if is_api(request):
            return JSONResponse({"detail": problems(str(exc), ("body", exc.field))}, status_code=422)
        return error_page(request, 422, str(exc))

    @app.exception_handler(RequestValidationError)
    def invalid(request: Request, exc: RequestValidationError) -> Response:
        if is_api(request):
            return JSONResponse({"detail": jsonable(exc.errors())}, status_code=422)
        return error_page(request, 422, shorten("; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}" for e in exc.errors())))

    @app.exception_handler(OverflowError)
    @app.exception_handler(DataError)
    def unstorable(request: Request, _exc: Exception) -> Response:
        """The last line behind the checks: a value the database driver cannot take is the sender's error."""
        return reply(request, 422, "a value is out of range, too long or not valid for the database")

    @app.exception_handler(IntegrityError)
    def duplicate(request: Request, _exc: IntegrityError) -> Response:
        return reply(request, 409, "the change conflicts with a record saved meanwhile (a duplicate or a removed "
                                   "reference); nothing was saved — reload and try again")

    @app.exception_handler(OperationalError)
    @app.exception_handler(InterfaceError)
    def unavailable(request: Request, exc: DBAPIError) -> Response:
        """The database went away or is busy: nothing was saved, and the next request gets a new connection."""
        response = reply(request, 503, "the database is unavailable at the moment; nothing was saved — try again")
        response.headers["Retry-After"] = "5"
        return response


def jsonable(errors: Any) -> Any:
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(errors, custom_encoder={Exception: str})
