"""DOCX rendering in 公文 style (GB/T 9704): A4, 仿宋_GB2312 三号 body, 小标宋 二号 title, 黑体 headings,
the three tables as real Word tables with merged cells, and “— 1 —” page numbers in the footer.

Chinese text needs its East Asian font on every run (`w:eastAsia` in `w:rFonts`), otherwise
Word substitutes a Latin font; machines without the 公文 fonts get the `w:altName` fallbacks
declared in the font table.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt, Twips
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from xxgk.render.document import ReportDocument, build_document
from xxgk.render.layout import Grid
from xxgk.report import Report

# Fonts of GB/T 9704 and the names Word falls back to where they are not installed.
BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
PAGE_NUMBER_FONT = "宋体"
LATIN_FONT = "Times New Roman"
FONT_FALLBACKS: dict[str, str] = {
    BODY_FONT: "仿宋",
    TITLE_FONT: "宋体",
    HEADING_FONT: "SimHei",
    "宋体": "SimSun",
}

BODY_SIZE = Pt(16)  # 三号
TITLE_SIZE = Pt(22)  # 二号
TABLE_SIZE = Pt(10.5)  # 五号
CELL_PADDING = Pt(3)
PAGE_NUMBER_SIZE = Pt(14)  # 四号
LINE_PITCH = Pt(28.95)  # 22 lines on the 225 mm text block

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGINS = {"top": Mm(37), "bottom": Mm(35), "left": Mm(28), "right": Mm(26)}
TEXT_WIDTH = Mm(210 - 28 - 26)


def render_docx(report: Report) -> bytes:
    """The report as a .docx file (bytes)."""
    doc = new_document()
    _write(doc, build_document(report))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# --- page, styles, fonts -------------------------------------------------------------------


def new_document() -> DocxDocument:
    """An empty document in the house 公文 style (A4, GB/T 9704 margins, fonts, page numbers);
    the platform's letters and notices start from it too."""
    doc = Document()
    _setup_page(doc)
    _setup_styles(doc)
    return doc


def _setup_page(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.footer_distance = Mm(28)
    doc.settings.odd_and_even_pages_header_footer = True
    # GB/T 9704: odd pages right, even pages left, one character in from the edge.
    _page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)
    _declare_font_fallbacks(doc)


def _setup_styles(doc: DocxDocument) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = BODY_SIZE
    _east_asian(normal.element.get_or_add_rPr(), BODY_FONT)
    fmt = normal.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE_PITCH


def set_run_font(run: Run, east_asian: str, size: Length | None = None, *, bold: bool = False) -> Run:
    """Latin and East Asian font of one run (`w:rFonts` with `w:eastAsia`)."""
    run.font.name = LATIN_FONT
    _east_asian(run._r.get_or_add_rPr(), east_asian)
    if size is not None:
        run.font.size = size
    run.font.bold = bold or None
    return run


def _east_asian(rpr: etree._Element, font: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), font)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)


def _declare_font_fallbacks(doc: DocxDocument) -> None:
    """Add the 公文 fonts to word/fontTable.xml with `w:altName` (what Word uses when one is missing)."""
    part = next((p for p in doc.part.package.iter_parts() if p.partname.endswith("/fontTable.xml")), None)
    if not isinstance(part, Part):
        return
    root = etree.fromstring(part.blob)
    for name, alternative in FONT_FALLBACKS.items():
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        etree.SubElement(font, qn("w:altName")).set(qn("w:val"), alternative)
        etree.SubElement(font, qn("w:charset")).set(qn("w:val"), "86")  # GB2312
        etree.SubElement(font, qn("w:family")).set(qn("w:val"), "modern" if name == BODY_FONT else "auto")
        etree.SubElement(font, qn("w:pitch")).set(qn("w:val"), "variable")
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _page_number(paragraph: Paragraph, align: WD_ALIGN_PARAGRAPH) -> None:
    """“— N —” with N a PAGE field."""
    paragraph.alignment = align
    indent = Pt(14)
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        paragraph.paragraph_format.right_indent = indent
    else:
        paragraph.paragraph_format.left_indent = indent
    set_run_font(paragraph.add_run("— "), PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = set_run_font(paragraph.add_run(), PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif text is not None:
            run.text = text
    set_run_font(paragraph.add_run(" —"), PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)


# --- body ------------------------------------------------------------------------------------


def _write(doc: DocxDocument, content: ReportDocument) -> None:
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.line_spacing = Pt(36)
    title.paragraph_format.space_after = Pt(28)
    set_run_font(title.add_run(content.title), TITLE_FONT, TITLE_SIZE)
    for text in content.preamble:
        _body_paragraph(doc, text)
    for section in content.sections:
        heading = _body_paragraph(doc, section.heading, font=HEADING_FONT)
        heading.paragraph_format.keep_with_next = True
        for text in section.paragraphs:
            _body_paragraph(doc, text)
        if section.grid is not None:
            _table(doc, section.grid)
    doc.add_paragraph()
    for text in (content.organization, content.signed_on):
        if text:
            line = doc.add_paragraph()
            line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            line.paragraph_format.right_indent = BODY_SIZE * 4
            set_run_font(line.add_run(text), BODY_FONT, BODY_SIZE)


def _body_paragraph(doc: DocxDocument, text: str, *, font: str = BODY_FONT) -> Paragraph:
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.first_line_indent = BODY_SIZE * 2
    set_run_font(paragraph.add_run(text), font, BODY_SIZE)
    return paragraph


def column_widths(grid: Grid) -> list[Length]:
    """Widths over the text block: numbers share what the row headings leave, outer headings narrow."""
    data = grid.width - grid.stub_columns
    if grid.stub_columns == 0:
        return [Length(TEXT_WIDTH // grid.width)] * grid.width
    data_width = Mm(12) if data >= 5 else Length(int(TEXT_WIDTH * 0.6) // data)
    stub_total = TEXT_WIDTH - data_width * data
    outer = [Mm(8), Mm(20)][: grid.stub_columns - 1]
    stub = [*outer, Length(stub_total - sum(outer))]
    return [*stub, *([data_width] * data)]


def _table(doc: DocxDocument, grid: Grid) -> DocxTable:
    """The grid as a Word table: text in each cell's top-left, then one `merge` per spanning cell."""
    table = doc.add_table(rows=grid.height, cols=grid.width)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = column_widths(grid)
    _fix_layout(table, widths)
    cells = [list(row.cells) for row in table.rows]
    for row in cells:
        for cell, width in zip(row, widths, strict=True):
            cell.width = width
    head_rows = sum(len(block.rows) for block in grid.blocks if block.head)
    for index, row in enumerate(table.rows):
        trpr = row._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:cantSplit"))
        if index < head_rows:
            trpr.append(OxmlElement("w:tblHeader"))  # repeated on each page
    placed = list(grid.placed())
    for p in placed:
        cell = cells[p.row][p.col]
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        _cell_text(cell.paragraphs[0], p.cell.text, p.cell.role)
    for p in placed:
        if p.cell.rowspan > 1 or p.cell.colspan > 1:
            cells[p.row][p.col].merge(cells[p.row + p.cell.rowspan - 1][p.col + p.cell.colspan - 1])
    return table


def _fix_layout(table: DocxTable, widths: Sequence[Length]) -> None:
    """Column widths in `w:tblGrid` and the total in `w:tblW`, with a fixed layout: LibreOffice and
    WPS lay a table out from its grid (python-docx writes equal columns there), and Word keeps a
    fixed layout as given, so the label columns keep the PDF's proportions everywhere."""
    tbl = table._tbl
    for col, width in zip(tbl.tblGrid.gridCol_lst, widths, strict=True):
        col.w = width
    tblpr = tbl.tblPr
    total = tblpr.find(qn("w:tblW"))
    if total is None:
        total = OxmlElement("w:tblW")
        tblpr.insert_element_before(total, "w:jc", "w:tblLayout", "w:tblCellMar", "w:tblLook")
    total.set(qn("w:w"), str(sum(widths) // Twips(1)))
    total.set(qn("w:type"), "dxa")
    tblpr.get_or_add_tblLayout().type = "fixed"
    # The PDF's 3 pt cell padding instead of Word's 0.19 cm, so a four-digit total fits its column.
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(CELL_PADDING // Twips(1)))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    tblpr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")


_LEFT_ROLES: Sequence[str] = ("stub", "note")


def _cell_text(paragraph: Paragraph, text: str, role: str) -> None:
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if role in _LEFT_ROLES else WD_ALIGN_PARAGRAPH.CENTER
    if text:
        set_run_font(paragraph.add_run(text), BODY_FONT, TABLE_SIZE, bold=role in ("caption", "heading"))
