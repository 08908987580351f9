"""PDF reports with a text layer → Document, read by geometry (PDFium through pypdfium2).

Each page gives its characters with their boxes and its ruling lines (thin path objects: stroked
lines and filled bars; the edges of stroked rectangles); `geometry.py` turns them into cells, so a
label wrapped inside its cell stays one label and a table running over pages is one table. A PDF
whose tables have no rules (a page printed from a plain-text or unstyled source) is read line by
line like a text report. Page furniture (`— 3 —`, `第 1 页`) is dropped. A page PDFium cannot load
is named in a finding and the other pages are read.
"""

from __future__ import annotations

import ctypes
import logging
import math
import re
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from xxgk.findings import Finding, Place
from xxgk.parse.encoding import IDEOGRAPHS, letters_and_ideographs, mismapped
from xxgk.parse.errors import GarbledTextLayer, ReportReadError, garbled_zh, pages_zh
from xxgk.parse.furniture import (
    BROWSER_FOOTER,
    BROWSER_HEADER,
    PAGE_NUMBER,
    drop_site_footer,
    drop_site_header,
    is_decorated_page_number,
)
from xxgk.parse.geometry import (
    PageLayout,
    PlacedLine,
    PlacedTable,
    Rule,
    Word,
    read_layouts,
    tables_from_geometry,
)
from xxgk.parse.grid import TABLE_PICTURE_INCHES, Document, table_sized
from xxgk.parse.limits import check_page_chars, check_page_text_objects, open_pdf

if TYPE_CHECKING:
    from xxgk.parse.scan import PageProgress

log = logging.getLogger(__name__)

# Code units of no printed character: PDFium's markers and every kind of space.
_NOT_PRINTED = frozenset([0x0000, 0xFFFE, 0xFFFF] + [c for c in range(0x3001) if chr(c).isspace()])
# A path this thin (points) along one side is a rule, not a shaded area.
_THIN = 2.5
# A stroked rectangle (move, 3 lines, close) is the four borders of a cell or a table.
_RECTANGLE_SEGMENTS = 5
# A character box this many ems tall is no line's height (a font's exaggerated ascent and descent).
_INFLATED = 1.6
# A picture as large as a table (`grid.TABLE_PICTURE_INCHES`), in points.
_TABLE_PICTURE_POINTS = (72 * TABLE_PICTURE_INCHES[0], 72 * TABLE_PICTURE_INCHES[1])
_BOUNDED = (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE)
# Characters whose direction is sampled to tell which way a page's text runs.
_DIRECTION_SAMPLE = 41


def read_pdf(
    data: bytes,
    *,
    source: str | None = None,
    ocr_pages: frozenset[int] = frozenset(),
    progress: PageProgress | None = None,
) -> Document:
    """Raises `GarbledTextLayer` when a page's text layer does not say what the page prints. The
    pages `ocr_pages` are read by OCR of their image instead (tables pasted as pictures), `progress`
    told after each."""
    pdf = open_pdf(data)
    layouts: list[PageLayout] = []
    broken: list[int] = []
    pictured: list[int] = []
    # Per page, its accented Latin letters and its ideographs (a character map written wrong).
    mapping: dict[int, tuple[int, int]] = {}
    try:
        for number in range(1, len(pdf) + 1):
            try:
                page = pdf[number - 1]
            except pdfium.PdfiumError:
                broken.append(number)
                continue
            try:
                if number in ocr_pages:
                    from xxgk.parse.scan import pdf_page_layout

                    layouts.append(pdf_page_layout(page, number))
                    if progress is not None:
                        progress(sum(n <= number for n in ocr_pages), len(ocr_pages))
                else:
                    layouts.append(_page_layout(page, number, mapping, pictured))
            finally:
                page.close()
    finally:
        pdf.close()
    check_broken_pages(broken, len(broken) + len(layouts), source)
    if mismapped(sum(n for n, _ in mapping.values()), sum(n for _, n in mapping.values())):
        raise GarbledTextLayer(tuple(n for n, (letters, _) in mapping.items() if letters), source)
    if not any(layout.blocks for layout in layouts):
        raise ReportReadError(
            "PDF 文件没有文字层（可能是扫描件），无法读取", f"no text layer in {source or 'PDF'}"
        )
    doc = read_layouts(layouts, source=source, source_format="pdf")
    doc.pictured_pages = tuple(pictured)
    drop_site_header(doc)
    drop_site_footer(doc)
    doc.findings += broken_page_findings(broken, source)
    return doc


def check_broken_pages(broken: list[int], pages: int, source: str | None) -> None:
    """Refuses a PDF of `pages` most of which cannot be loaded (`broken`)."""
    if len(broken) * 2 > pages:
        raise broken_pages_error(broken, source)


def broken_pages_error(broken: list[int], source: str | None) -> ReportReadError:
    """A PDF whose pages `broken` cannot be loaded and whose other pages are not enough to read it."""
    return ReportReadError(
        f"PDF 文件已损坏：第{pages_zh(broken)}页无法读取，其余页面不足以读出报告",
        f"broken pages {broken} in {source or 'PDF'}",
    )


def broken_page_findings(broken: list[int], source: str | None) -> list[Finding]:
    """A finding for each page that cannot be loaded, the others read as usual."""
    for number in broken:
        log.warning("PDF page %d of %s cannot be loaded", number, source or "input")
    return [
        Finding(
            "P-PAGE-UNREADABLE",
            "warning",
            f"第{number}页已损坏，无法读取，其余各页照常读取",
            Place(page=number),
        )
        for number in broken
    ]


def garbled_finding(pages: tuple[int, ...]) -> Finding:
    """Why a PDF with a text layer was read by OCR."""
    return Finding(
        "P-TEXT-LAYER-GARBLED",
        "warning",
        f"{garbled_zh(pages)}，已改用 OCR 识别各页",
        Place(page=pages[0]),
    )


def _page_layout(
    page: pdfium.PdfPage, number: int, mapping: dict[int, tuple[int, int]], pictured: list[int]
) -> PageLayout:
    """The page's blocks; its accented Latin letters and ideographs counted into `mapping`, its number
    added to `pictured` when it holds a picture as large as a table and no ruled table."""
    # The page's own size, before `/Rotate` (PDFium reports the size as displayed).
    width, height = page.get_size()
    if page.get_rotation() in (90, 270):
        width, height = height, width
    collector = _RuleCollector(width, height)
    raw = page.raw
    for index in range(pdfium_c.FPDFPage_CountObjects(raw)):
        collector.collect(pdfium_c.FPDFPage_GetObject(raw, index), (1.0, 0.0), (1.0, 0.0))
    # Bounded before PDFium builds the text page (its cost grows with the characters) and after.
    check_page_text_objects(collector.text_objects, number)
    words, mapping[number], turn = _characters(page, height, number)
    rules = collector.rules
    if turn:
        for word in words:
            word.x0, word.y0, word.x1, word.y1 = _turned(
                word.x0, word.y0, word.x1, word.y1, turn, width, height
            )
        rules = [Rule.from_box(*_turned(*_rule_box(rule), turn, width, height)) for rule in rules]
        if turn != 180:
            width, height = height, width
    layout = tables_from_geometry(words, rules, number, height=height)
    # Page furniture: a page number printed above or below everything else on the page (a lone
    # number inside the page is a cell or a value, never furniture), and what a browser prints in
    # the margins of a web page it prints.
    blocks = layout.blocks
    if blocks and _printed_by(blocks[0], BROWSER_HEADER):
        blocks = blocks[1:]
    if blocks and _printed_by(blocks[-1], BROWSER_FOOTER):
        blocks = blocks[:-1]
    if len(blocks) > 1 and _furniture(blocks[0], blocks[1].top, decorated=True):
        blocks = blocks[1:]
    if len(blocks) > 1 and _furniture(blocks[-1], blocks[-2].bottom):
        blocks = blocks[:-1]
    layout.blocks = blocks
    if collector.picture and not layout.tables:
        pictured.append(number)
    return layout


def _turned(
    x0: float, y0: float, x1: float, y1: float, turn: int, width: float, height: float
) -> tuple[float, float, float, float]:
    """A box on the page as drawn (top-left origin, `width` × `height`) on the page turned so that
    text running `turn` degrees anticlockwise from the x-axis reads left to right."""
    if turn == 90:
        return height - y1, x0, height - y0, x1
    if turn == 180:
        return width - x1, height - y1, width - x0, height - y0
    return y0, width - x1, y1, width - x0  # 270


def _rule_box(rule: Rule) -> tuple[float, float, float, float]:
    if rule.orientation == "h":
        return rule.start, rule.at, rule.end, rule.at
    return rule.at, rule.start, rule.at, rule.end


def _printed_by(block: PlacedLine | PlacedTable, browser_margin: re.Pattern[str]) -> bool:
    return isinstance(block, PlacedLine) and browser_margin.match(block.line.text) is not None


def _furniture(block: PlacedLine | PlacedTable, neighbour: float, *, decorated: bool = False) -> bool:
    """A page number set apart (by more than a line) from the text next to it; at the top of a
    page only a decorated one (`- 2 -`, `第2页`): a bare number there is the end of a table row."""
    if not isinstance(block, PlacedLine) or not PAGE_NUMBER.match(block.line.text):
        return False
    if decorated and not is_decorated_page_number(block.line.text):
        return False
    gap = block.y0 - neighbour if block.y0 > neighbour else neighbour - block.y1
    return gap > 1.5 * (block.y1 - block.y0)


def _characters(page: pdfium.PdfPage, height: float, number: int) -> tuple[list[Word], tuple[int, int], int]:
    """Every printed character with its box (top-left origin, the page as drawn), PDFium's own spaces
    left out; how many accented Latin letters and ideographs the page's text layer holds; and the
    direction (0, 90, 180 or 270 degrees) in which most of its characters run."""
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        count = pdfium_c.FPDFText_CountChars(raw)
        check_page_chars(count, number)
        # All the text in one call (UTF-16, one code unit per character index), then one call per box.
        units = (ctypes.c_ushort * (count + 1))()
        pdfium_c.FPDFText_GetText(raw, 0, count, units)
        turn = _direction(raw, units[:count])
        words = _boxed(raw, units[:count], height, number, turn=turn, em_boxes=False)
        if words is None:  # a font on the page with an exaggerated ascent and descent
            words = _boxed(raw, units[:count], height, number, turn=turn, em_boxes=True) or []
        text = ctypes.string_at(units, 2 * count).decode("utf-16-le", "replace")
        return words, letters_and_ideographs(text), turn
    finally:
        textpage.close()


def _direction(raw: pdfium_c.FPDF_TEXTPAGE, units: list[int]) -> int:
    """The direction most of the page's letters, digits and ideographs run in (a sample of them, from
    each character's matrix): 0 on an upright page, 90/180/270 where the page's content was drawn
    turned (and `/Rotate` turns it back for display, or the page is shown sideways)."""
    votes = [0, 0, 0, 0]
    matrix = pdfium_c.FS_MATRIX()
    ref = ctypes.byref(matrix)
    for index in range(0, len(units), max(1, len(units) // _DIRECTION_SAMPLE)):
        unit = units[index]
        if (unit in IDEOGRAPHS or chr(unit).isalnum()) and pdfium_c.FPDFText_GetMatrix(raw, index, ref):
            a, b = matrix.a, matrix.b
            votes[(0 if a > 0 else 2) if abs(a) >= abs(b) else (1 if b > 0 else 3)] += 1
    return 90 * votes.index(max(votes)) if max(votes) > votes[0] else 0


def _boxed(
    raw: pdfium_c.FPDF_TEXTPAGE, units: list[int], height: float, number: int, *, turn: int, em_boxes: bool
) -> list[Word] | None:
    """The characters with their loose boxes (the font's advance and ascent/descent: a line's
    characters share one height, and the gap between two digits of one number stays small whatever
    their shapes). A font whose ascent and descent are far larger than its size (cairo re-embeds
    fonts so) gives boxes that overlap the lines above and below: an ideograph, one em wide, whose
    box is much taller than wide says so, and the page is read again (None) with such boxes replaced
    by the ideographic em box on the character's baseline (0.12 em below it to 0.88 em above). On a
    page whose text runs sideways (`turn` 90 or 270) a character's height is its box's width."""
    box = pdfium_c.FS_RECTF()
    ref = ctypes.byref(box)
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    words: list[Word] = []
    append = words.append
    spaced = False
    sideways = turn in (90, 270)
    for index, unit in enumerate(units):
        if unit in _NOT_PRINTED:
            spaced = spaced or chr(unit).isspace()
            continue
        if 0xD800 <= unit <= 0xDFFF:  # a character outside the BMP: its two halves
            if unit >= 0xDC00 or index + 1 >= len(units):
                continue
            char = chr(0x10000 + ((unit - 0xD800) << 10) + (units[index + 1] - 0xDC00))
        else:
            char = chr(unit)
        if not get_box(raw, index, ref):
            continue
        left, bottom, right, top = box.left, box.bottom, box.right, box.top
        if em_boxes:
            left, bottom, right, top = _em_box(raw, index, (left, bottom, right, top), turn)
        elif unit in IDEOGRAPHS and (
            right - left > _INFLATED * (top - bottom)
            if sideways
            else top - bottom > _INFLATED * (right - left)
        ):
            return None
        append(Word(char, left, height - top, right, height - bottom, number, spaced=spaced))
        spaced = False
    return words


def _em_box(
    raw: pdfium_c.FPDF_TEXTPAGE, index: int, box: tuple[float, float, float, float], turn: int
) -> tuple[float, float, float, float]:
    """The character's box (left, bottom, right, top) with its extent across the line made the em box
    on its baseline, measured along the character's upward direction (`turn` + 90 degrees)."""
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFText_GetMatrix(raw, index, ctypes.byref(matrix)):
        return box
    em = pdfium_c.FPDFText_GetFontSize(raw, index) * math.hypot(matrix.c, matrix.d)
    left, bottom, right, top = box
    sideways = turn in (90, 270)
    x, y = ctypes.c_double(), ctypes.c_double()
    if not 0 < em * _INFLATED < (
        right - left if sideways else top - bottom
    ) or not pdfium_c.FPDFText_GetCharOrigin(raw, index, ctypes.byref(x), ctypes.byref(y)):
        return box
    # Up is +y at 0 degrees, -x at 90, -y at 180, +x at 270.
    up = 1 if turn in (0, 270) else -1
    origin = x.value if sideways else y.value
    low, high = sorted((origin - 0.12 * em * up, origin + 0.88 * em * up))
    return (low, bottom, high, top) if sideways else (left, low, right, high)


class _RuleCollector:
    """Ruling lines: thin path objects, and the four edges of stroked rectangles (raw PDFium calls:
    the object wrappers cost more than the whole table reading); the page's text objects counted on
    the same pass."""

    def __init__(self, width: float, height: float) -> None:
        self.width, self.height = width, height
        self.rules: list[Rule] = []
        self.text_objects = 0
        # An image as large as a table: maybe a table pasted as a picture.
        self.picture = False
        self.fill, self.stroke = ctypes.c_int(), ctypes.c_int()
        self.box = [ctypes.c_float() for _ in range(4)]  # left, bottom, right, top
        self.box_refs = [ctypes.byref(v) for v in self.box]

    def collect(self, obj: int, fx: tuple[float, float], fy: tuple[float, float]) -> None:
        """Rules of one page object; inside a form XObject, its matrix (scale, shift) maps to the page."""
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            self.text_objects += 1
            return
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            m = pdfium_c.FS_MATRIX()
            if pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
                inner_x, inner_y = (fx[0] * m.a, fx[0] * m.e + fx[1]), (fy[0] * m.d, fy[0] * m.f + fy[1])
                for index in range(pdfium_c.FPDFFormObj_CountObjects(obj)):
                    self.collect(pdfium_c.FPDFFormObj_GetObject(obj, index), inner_x, inner_y)
            return
        if kind not in _BOUNDED or not pdfium_c.FPDFPageObj_GetBounds(obj, *self.box_refs):
            return
        left, bottom, right, top = (v.value for v in self.box)
        xa, xb = fx[0] * left + fx[1], fx[0] * right + fx[1]
        ya, yb = fy[0] * bottom + fy[1], fy[0] * top + fy[1]
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            self.picture = self.picture or table_sized(abs(xb - xa), abs(yb - ya), _TABLE_PICTURE_POINTS)
            return
        self.add(obj, min(xa, xb), self.height - max(ya, yb), max(xa, xb), self.height - min(ya, yb))

    def add(self, obj: int, x0: float, top: float, x1: float, bottom: float) -> None:
        if min(x1 - x0, bottom - top) <= _THIN:
            if max(x1 - x0, bottom - top) > _THIN:
                self.rules.append(Rule.from_box(x0, top, x1, bottom))
            return
        pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(self.fill), ctypes.byref(self.stroke))
        if self.stroke.value and pdfium_c.FPDFPath_CountSegments(obj) == _RECTANGLE_SEGMENTS:
            self.rules += [
                Rule("h", top, x0, x1),
                Rule("h", bottom, x0, x1),
                Rule("v", x0, top, bottom),
                Rule("v", x1, top, bottom),
            ]
