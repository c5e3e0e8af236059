"""The session report as one self-contained HTML page made for printing (A4, landscape annex).

The charts are inline SVG and the stylesheet is inline, so the page prints the
same from a browser, a saved file or the web app's Reports page.
"""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from accord.reports import labels as words
from accord.reports import prose, tables
from accord.reports.charts import charts_svg
from accord.reports.model import SessionReport
from accord.reports.tables import Table

NUMERIC = ("int", "amount", "percent", "share")

_env = Environment(
    loader=PackageLoader("accord.reports", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def table_view(table: Table, lang: str) -> dict[str, object]:
    """A table as the template lays it out: header cells, then rows of (text, numeric, bold)."""
    return {
        "groups": table.groups,
        "headers": [c.header for c in table.columns],
        "widths": [c.width for c in table.columns],
        "rows": [
            [
                (tables.as_text(value, column.kind, lang), column.kind in NUMERIC, index in table.bold_rows)
                for column, value in zip(table.columns, row, strict=True)
            ]
            for index, row in enumerate(table.rows)
        ],
        "marked": table.has_marks,
    }


def render_html(report: SessionReport) -> str:
    lang = report.lang

    def t(key: str, **values: object) -> str:
        return words.label(key, lang, **values)

    def view(table: Table) -> dict[str, object]:
        return table_view(table, lang)

    return _env.get_template("report.html").render(
        r=report,
        t=t,
        lang=lang,
        title_lines=prose.title_lines(report),
        status_note=prose.status_note(report),
        heading=lambda key: prose.heading(report, key),
        summary_lines=prose.summary_lines(report),
        charts=[Markup(svg[svg.find("<svg") :]) for svg in charts_svg(report)],
        summary=view(tables.summary_table(report)),
        changes_period=prose.changes_period(report),
        changes=[
            (t("changes_measures"), view(tables.status_changes_table(report)), t("no_changes_measures")),
            (t("changes_agreements"), view(tables.agreements_table(report)), t("no_changes_agreements")),
            (t("changes_projects"), view(tables.projects_table(report)), t("no_changes_projects")),
        ],
        overdue=view(tables.overdue_table(report)),
        upcoming=view(tables.upcoming_table(report)),
        session_line=prose.session_line(report),
        decisions=view(tables.decisions_table(report)),
        trade=view(tables.trade_table(report)),
        trade_notes=prose.trade_notes(report),
        target_lines=prose.target_lines(report),
        annex=view(tables.annex_table(report)),
        as_of=words.day(report.title.as_of, lang),
    )
