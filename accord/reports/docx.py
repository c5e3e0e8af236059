"""The session report as a Word document: real tables, headings, page numbers, a landscape annex.

Laid out as ministries send such papers: A4, Times New Roman, numbered
sections, table headers repeated on every page, the roadmap table in a landscape
section at the end.
"""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from accord.io.docx_layout import cell_text, keep_together, repeat_header, shade
from accord.reports import labels as words
from accord.reports import prose, tables
from accord.reports.charts import charts_png
from accord.reports.model import SessionReport
from accord.reports.tables import Table

FONT = "Times New Roman"
HEADER_FILL = "DDE6F0"
WARNING = RGBColor(0x9C, 0x57, 0x00)
#: tables up to this many rows are kept on one page (with their heading)
KEEP_WHOLE = 8


def _field(paragraph: object, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that the reader's Word or LibreOffice fills in."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()  # type: ignore[attr-defined]
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == instruction:
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = f" {instruction} "
            run._r.append(code)
        else:
            run.text = text


def _styles(doc: DocumentType) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(12)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(4)
    for name, size in (("Title", 16), ("Heading 1", 14), ("Heading 2", 12)):
        style = doc.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0, 0, 0)
        rfonts = style.element.rPr.find(qn("w:rFonts"))
        if rfonts is not None:
            for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                rfonts.attrib.pop(qn(attr), None)
            rfonts.set(qn("w:ascii"), FONT)
            rfonts.set(qn("w:hAnsi"), FONT)
        style.paragraph_format.space_before = Pt(14 if name == "Heading 1" else 8)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
    title = doc.styles["Title"]
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pPr = title.element.get_or_add_pPr()
    for border in pPr.findall(qn("w:pBdr")):
        pPr.remove(border)


def _page(doc: DocumentType, report: SessionReport) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin, section.right_margin = Cm(2.5), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(f"{words.label('page', report.lang)} ")
    _field(footer, "PAGE")
    footer.add_run(" / ")
    _field(footer, "NUMPAGES")
    for run in footer.runs:
        run.font.size = Pt(9)
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = header.add_run(
        f"{report.title.roadmap_code} · {words.label('as_of', report.lang)} {words.day(report.title.as_of, report.lang)}"
    )
    run.font.size = Pt(9)
    run.font.color.rgb = RGBColor(0x60, 0x60, 0x60)


def _widths(grid: object, widths: list[float]) -> None:
    """Fixed column widths Word and LibreOffice both honour: the grid, the table and every cell."""
    tbl = grid._tbl  # type: ignore[attr-defined]
    for col, width in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(Cm(width).twips)))
    properties = tbl.tblPr
    table_width = properties.find(qn("w:tblW"))
    if table_width is None:
        table_width = OxmlElement("w:tblW")
        properties.append(table_width)
    table_width.set(qn("w:type"), "dxa")
    table_width.set(qn("w:w"), str(int(Cm(sum(widths)).twips)))
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.append(layout)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(int(Cm(0.1).twips)))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties.append(margins)
    for row in grid.rows:  # type: ignore[attr-defined]
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = Cm(width)


def add_table(doc: DocumentType, table: Table, lang: str, size: float = 9.5) -> None:
    """A real Word table: grid, shaded header repeated on each page, numbers right-aligned."""
    header_rows = 2 if table.groups else 1
    header_size = max(size - 1.5, 7.5)
    grid = doc.add_table(rows=header_rows + len(table.rows), cols=len(table.columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    if table.groups:
        start = 0
        for text, span in table.groups:
            cell = grid.cell(0, start)
            if span > 1:
                cell = cell.merge(grid.cell(0, start + span - 1))
            cell_text(cell, text, header_size, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
            shade(cell, HEADER_FILL)
            start += span
        repeat_header(grid.rows[0])
    header = grid.rows[header_rows - 1]
    repeat_header(header)
    for cell, column in zip(header.cells, table.columns, strict=True):
        cell_text(cell, column.header, header_size, bold=True)
        shade(cell, HEADER_FILL)
    for index, values in enumerate(table.rows):
        row = grid.rows[header_rows + index]
        keep_together(row)
        for cell, column, value in zip(row.cells, table.columns, values, strict=True):
            numeric = column.kind in ("int", "amount", "percent", "share")
            cell_text(
                cell,
                tables.as_text(value, column.kind, lang),
                size,
                bold=index in table.bold_rows,
                align=WD_ALIGN_PARAGRAPH.RIGHT if numeric else None,
            )
    _widths(grid, [c.width for c in table.columns])
    if len(table.rows) <= KEEP_WHOLE:
        for row in grid.rows[:-1]:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
    if table.has_marks:
        note(doc, words.label("illustrative_mark", lang), size=9)
    else:
        doc.add_paragraph().paragraph_format.space_after = Pt(2)


def note(doc: DocumentType, text: str, italic: bool = True, size: float = 10, keep: bool = False) -> None:
    """A line of prose; `keep` holds it on the page of what follows (an intro to a table)."""
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.keep_with_next = keep
    run = paragraph.add_run(text)
    run.italic = italic
    run.font.size = Pt(size)


def table_or_note(
    doc: DocumentType, table: Table, empty_key: str, report: SessionReport, **values: object
) -> None:
    if len(table):
        add_table(doc, table, report.lang)
    else:
        note(doc, words.label(empty_key, report.lang, **values))


def title_block(doc: DocumentType, report: SessionReport) -> None:
    lang = report.lang
    intro = doc.add_paragraph()
    intro.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = intro.add_run(f"{words.label('report', lang)} {words.label('report_of', lang)}".upper())
    run.bold = True
    run.font.size = Pt(11)
    doc.add_paragraph(report.title.roadmap_title, style="Title")
    grid = doc.add_table(rows=0, cols=2)
    grid.style = "Table Grid"
    for name, value in prose.title_lines(report):
        cells = grid.add_row().cells
        cell_text(cells[0], name, 11, bold=True)
        cell_text(cells[1], value, 11)
    _widths(grid, [5.0, 12.0])
    recorded = prose.status_note(report)
    if recorded:
        note(doc, recorded, size=10)
    doc.add_paragraph()
    if report.title.illustrative:
        paragraph = doc.add_paragraph()
        run = paragraph.add_run(words.label("illustrative_banner", lang))
        run.bold = True
        run.font.size = Pt(10.5)
        run.font.color.rgb = WARNING
    if report.empty:
        paragraph = doc.add_paragraph()
        paragraph.add_run(words.label("nothing_to_report", lang)).bold = True


def body(doc: DocumentType, report: SessionReport) -> None:
    lang = report.lang
    doc.add_heading(prose.heading(report, "s_summary"), level=1)
    for line in prose.summary_lines(report):
        doc.add_paragraph(line, style="List Bullet")
    if not report.empty:
        add_table(doc, tables.summary_table(report), lang)
    for png in charts_png(report):
        doc.add_picture(io.BytesIO(png), width=Cm(16.5))
        doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER

    doc.add_heading(prose.heading(report, "s_changes"), level=1)
    note(doc, prose.changes_period(report), italic=False, size=11, keep=True)
    for key, table, empty in (
        ("changes_measures", tables.status_changes_table(report), "no_changes_measures"),
        ("changes_agreements", tables.agreements_table(report), "no_changes_agreements"),
        ("changes_projects", tables.projects_table(report), "no_changes_projects"),
    ):
        doc.add_heading(words.label(key, lang), level=2)
        table_or_note(doc, table, empty, report)

    doc.add_heading(prose.heading(report, "s_overdue"), level=1)
    table_or_note(doc, tables.overdue_table(report), "no_overdue", report)
    doc.add_heading(prose.heading(report, "s_upcoming"), level=1)
    table_or_note(doc, tables.upcoming_table(report), "no_upcoming", report, days=report.upcoming_days)

    doc.add_heading(prose.heading(report, "s_decisions"), level=1)
    note(doc, prose.session_line(report), italic=False, size=11, keep=True)
    if report.last_session is not None:
        table_or_note(doc, tables.decisions_table(report), "no_decisions", report)

    doc.add_heading(prose.heading(report, "s_trade"), level=1)
    if report.trade.lines:
        add_table(doc, tables.trade_table(report), lang, size=9)
        for line in prose.trade_notes(report):
            note(doc, line, size=9.5)
        for line in prose.target_lines(report):
            doc.add_paragraph(line, style="List Bullet")
    else:
        note(doc, words.label("no_trade", lang))


def annex(doc: DocumentType, report: SessionReport) -> None:
    """The roadmap table on landscape pages, as its own section."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin, section.right_margin = Cm(2.0), Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(1.5), Cm(1.5)
    doc.add_heading(words.label("s_annex", report.lang), level=1)
    note(doc, words.label("annex_note", report.lang), size=10)
    if report.annex.rows:
        add_table(doc, tables.annex_table(report), report.lang, size=8.5)
    else:
        note(doc, words.label("nothing_to_report", report.lang))


def render_docx(report: SessionReport) -> bytes:
    doc = Document()
    _styles(doc)
    _page(doc, report)
    doc.core_properties.title = report.title.roadmap_title
    doc.core_properties.language = report.lang
    title_block(doc, report)
    body(doc, report)
    annex(doc, report)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
