"""Error pages in the reader's language (the API answers the same errors as JSON)."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from accord.web.deps import language
from accord.web.i18n import translator
from accord.web.render import env
from accord.web.security import csrf_token

TITLES = {400: "Bad request", 401: "Sign in required", 403: "Not allowed", 404: "Not found", 409: "Changed meanwhile",
          422: "Cannot do that", 429: "Too many attempts"}


def error_page(request: Request, status: int, detail: str) -> HTMLResponse:
    lang = language(request)
    _ = translator(lang)
    html = env.get_template("error.html").render(
        _=_, lang=lang, status=status, title=_(TITLES.get(status, "Error")), detail=detail, user=None,
        csrf=csrf_token(request), path=request.url.path, here=request.url.path, nav=(), roadmap=None,
        query=request.query_params, with_query=lambda **kw: "?",
    )
    return HTMLResponse(html, status_code=status)
