"""API documentation at /api/docs, rendered from the OpenAPI schema on the server (no CDN-hosted viewer)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from accord.web.deps import language
from accord.web.i18n import translator
from accord.web.render import env
from accord.web.security import csrf_token

router = APIRouter()


def operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """Every operation with its method, path, parameters and request body fields, grouped by tag."""
    out = []
    components = schema.get("components", {}).get("schemas", {})
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            body = None
            content = (op.get("requestBody") or {}).get("content", {}).get("application/json")
            if content:
                ref = content["schema"].get("$ref", "")
                model = components.get(ref.rsplit("/", 1)[-1], {})
                body = {"name": ref.rsplit("/", 1)[-1], "required": model.get("required", []),
                        "fields": model.get("properties", {})}
            out.append({
                "method": method.upper(), "path": path, "tag": (op.get("tags") or ["other"])[0],
                "summary": op.get("summary", ""), "description": op.get("description", ""),
                "parameters": op.get("parameters", []), "body": body,
            })
    return sorted(out, key=lambda o: (o["tag"], o["path"], o["method"]))


@router.get("/api/docs", include_in_schema=False)
def api_docs(request: Request) -> HTMLResponse:
    lang = language(request)
    schema = request.app.openapi()
    html = env.get_template("apidocs.html").render(
        _=translator(lang), lang=lang, ops=operations(schema), info=schema.get("info", {}), user=None, nav=(),
        csrf=csrf_token(request), path="/api/docs", here="/api/docs", roadmap=None, query=request.query_params,
        with_query=lambda **kw: "?",
    )
    return HTMLResponse(html)
