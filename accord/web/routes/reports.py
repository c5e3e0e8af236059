"""The session report for the commission: DOCX, XLSX or a print view, in Russian or English."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse, Response

from accord.web.render import page
from accord.web.routes.common import CtxDep

router = APIRouter()


def formats() -> dict[str, object]:
    try:
        from accord.reports import FORMATS
    except ImportError:
        return {}
    return dict(FORMATS)


@router.get("/reports", include_in_schema=False)
def reports_page(ctx: CtxDep) -> HTMLResponse:
    return page(ctx, "reports.html", formats=formats())


REPORT_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {},
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {},
    "text/html": {},
}


@router.get("/reports/session.{fmt}", tags=["reports"], response_class=Response,
            responses={200: {"content": REPORT_TYPES, "description": "the report: docx, xlsx or html"}})
def session_report(ctx: CtxDep, fmt: str, lang: str | None = None, as_of: date | None = None,
                   since: date | None = None, roadmap: str | None = None) -> Response:
    """The session report as a file (docx, xlsx) or a print view (html)."""
    known = formats()
    if fmt not in known:
        raise HTTPException(404, f"no report format {fmt!r}")
    from accord.reports import ReportError, build, file_name, render

    language = lang if lang in ("ru", "en") else ctx.lang
    code = ctx.roadmap().code if ctx.roadmap() else None
    try:
        content = render(ctx.session, code, as_of or ctx.today, since, fmt, language)
        name = file_name(build(ctx.session, code, as_of or ctx.today, since, language), fmt)
    except ReportError as exc:
        raise HTTPException(422, str(exc)) from exc
    spec = known[fmt]
    disposition = "inline" if fmt == "html" else "attachment"
    return Response(content, media_type=spec.content_type,  # type: ignore[attr-defined]
                    headers={"Content-Disposition": f'{disposition}; filename="{name}"'})
