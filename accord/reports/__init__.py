"""The session report: what the commission reads before it meets, as DOCX, XLSX or a print view.

The one entry point the CLI and the web app call::

    data = render(db, roadmap_code=None, as_of=date.today(), since=None, fmt="docx", lang="ru")
    FORMATS["docx"].content_type, FORMATS["docx"].extension, download_name("by-kg-2030", date.today(), "docx")

`build(...)` gives the same report as plain data (`SessionReport`) for other uses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from accord.reports.build import build_report
from accord.reports.model import SessionReport
from accord.store.db import Database
from accord.store.progress import default_roadmap


@dataclass(frozen=True)
class Format:
    name: str
    content_type: str
    extension: str


FORMATS: dict[str, Format] = {
    "docx": Format(
        "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"
    ),
    "xlsx": Format("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    "html": Format("html", "text/html; charset=utf-8", ".html"),
}


class ReportError(LookupError):
    """The report cannot be made: no such roadmap, an unknown format or language."""


def _renderer(fmt: str) -> Callable[[SessionReport], bytes]:
    if fmt == "docx":
        from accord.reports.docx import render_docx

        return render_docx
    if fmt == "xlsx":
        from accord.reports.xlsx import render_xlsx

        return render_xlsx
    if fmt == "html":
        from accord.reports.html import render_html

        return lambda report: render_html(report).encode("utf-8")
    raise ReportError(f"format {fmt!r} is not supported: use {', '.join(FORMATS)}")


def build_in(
    session: Session,
    roadmap_code: str | None = None,
    as_of: date | None = None,
    since: date | None = None,
    lang: str = "ru",
    currency: str | None = None,
) -> SessionReport:
    if lang not in ("ru", "en"):
        raise ReportError(f"language {lang!r} is not supported: use ru or en")
    roadmap = default_roadmap(session, roadmap_code)
    if roadmap is None:
        raise ReportError(
            f"no roadmap {roadmap_code!r}" if roadmap_code else "there is no roadmap in the database"
        )
    return build_report(session, roadmap, as_of or date.today(), since, currency, lang)


def build(
    source: Database | Session,
    roadmap_code: str | None = None,
    as_of: date | None = None,
    since: date | None = None,
    lang: str = "ru",
    currency: str | None = None,
) -> SessionReport:
    """The report as data, from a database (read in its own session) or an open session."""
    if isinstance(source, Database):
        with source.reading() as session:
            return build_in(session, roadmap_code, as_of, since, lang, currency)
    return build_in(source, roadmap_code, as_of, since, lang, currency)


def render(
    source: Database | Session,
    roadmap_code: str | None = None,
    as_of: date | None = None,
    since: date | None = None,
    fmt: str = "docx",
    lang: str = "ru",
    currency: str | None = None,
) -> bytes:
    """The session report as a file's bytes; `FORMATS[fmt]` gives its content type and extension.

    `as_of` defaults to today; `since` to the last commission session held before `as_of`;
    `currency` (for the trade section) to the turnover target's currency.
    """
    renderer = _renderer(fmt)
    return renderer(build(source, roadmap_code, as_of, since, lang, currency))


def file_name(report: SessionReport, fmt: str) -> str:
    """A download name for a built report, such as `by-kg-2030-report-2026-11-27.docx`."""
    return download_name(report.title.roadmap_code, report.title.as_of, fmt)


def download_name(roadmap_code: str | None, as_of: date, fmt: str) -> str:
    """The same name without building the report (the web app names a file it streams)."""
    prefix = f"{roadmap_code}-" if roadmap_code else ""
    return f"{prefix}report-{as_of.isoformat()}{FORMATS[fmt].extension}"


__all__ = [
    "FORMATS",
    "Format",
    "ReportError",
    "SessionReport",
    "build",
    "download_name",
    "file_name",
    "render",
]
