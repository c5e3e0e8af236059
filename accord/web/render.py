"""Rendering pages: one Jinja environment; every template gets the translator, formats, caller and CSRF token."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.datastructures import QueryParams

from accord.domain.days import DAY_PATTERN, day_text
from accord.web.deps import Ctx
from accord.web.labels import label
from accord.web.security import csrf_token

TEMPLATES = Path(__file__).parent / "templates"

env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]), trim_blocks=True,
                  lstrip_blocks=True)



def outside_link(url: str | None) -> str:
    """A link to an outside page only if it is http(s): a stored `javascript:` or `data:` URL becomes inert."""
    text = (url or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else "#"


env.filters["outside"] = outside_link

NAV = (
    ("/", "Dashboard"),
    ("/roadmap", "Roadmap"),
    ("/agreements", "Agreements"),
    ("/projects", "Projects"),
    ("/commission", "Commission"),
    ("/events", "Events"),
    ("/people", "People"),
    ("/review", "Review"),
    ("/trade", "Trade"),
    ("/reports", "Reports"),
)


def with_query(params: QueryParams, **changes: Any) -> str:
    """The current query string with some parameters replaced (None removes one): shareable filter URLs."""
    merged = {k: v for k, v in params.multi_items() if k not in changes}
    items = list(merged.items()) + [(k, v) for k, v in changes.items() if v not in (None, "")]
    return "?" + urlencode(items) if items else "?"


def page(ctx: Ctx, template: str, status_code: int = 200, **data: Any) -> HTMLResponse:
    request = ctx.request
    roadmap = ctx.roadmap()
    values = {
        "ctx": ctx,
        "_": ctx._,
        "fmt": ctx.fmt,
        "lang": ctx.lang,
        "user": ctx.user,
        "csrf": csrf_token(request),
        "path": request.url.path,
        "query": request.query_params,
        "with_query": lambda **kw: with_query(request.query_params, **kw),
        "here": request.url.path + (("?" + str(request.query_params)) if request.query_params else ""),
        "nav": NAV,
        "roadmap": roadmap,
        "roadmap_choices": ctx.roadmaps(),
        "label": lambda group, key: label(ctx._, ctx.lang, group, key),
        "today": ctx.today,
        "day": lambda value: day_text(value, ctx.lang),
        "day_pattern": DAY_PATTERN.get(ctx.lang, DAY_PATTERN["ru"]),
        **data,
    }
    html = env.get_template(template).render(**values)
    return HTMLResponse(html, status_code=status_code)
