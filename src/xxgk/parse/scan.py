"""Scans and images (a PDF of page images, PNG/JPEG of a page or a table) → Document, by offline OCR.

Each page image is straightened (a scan skewed within ±1°), its ruling lines are found by
morphology (long thin runs of dark pixels), its characters are recognised with their boxes and
confidences (`ocr.py`), the cells left empty or uncertain are recognised again one by one
(`scan_cells.py`), and `geometry.tables_from_geometry` turns both into cells, as for a PDF
with a text layer. A digit recognised with a confidence below `DIGIT_CONFIDENCE` is carried as its
full-width form, so the cell still reads as a number in the grid (its row keeps its shape) but
`settle` leaves every value holding one null with a finding naming page and cell. `settle` also
nulls the rows of table 三/四 whose printed sums fail: on a scan that is a sign of a misread, and
the identities only detect it, they never choose a value.
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import groupby

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from xxgk.checks.arithmetic import Identity
from xxgk.findings import Finding, Place
from xxgk.parse import ocr
from xxgk.parse.errors import ReportReadError
from xxgk.parse.geometry import (
    PageLayout,
    Rule,
    Word,
    cell_boxes,
    crosses,
    read_layouts,
    tables_from_geometry,
)
from xxgk.parse.grid import TABLE_PICTURE_PIXELS, Document, GridTable, Picture, table_sized
from xxgk.parse.limits import MAX_SCAN_PAGES, MAX_SCAN_PIXELS, check_scan_image, check_scan_pages, open_pdf
from xxgk.parse.ocr import Glyph
from xxgk.parse.pdf import broken_page_findings, broken_pages_error, check_broken_pages
from xxgk.parse.scan_cells import reread_cells
from xxgk.report import Provenance, Report
from xxgk.template import CellKey

log = logging.getLogger(__name__)

# A digit is taken as read only at or above this recognition confidence (measured on the scan
# matrix, benchmarks/scan_matrix.py: every wrong digit seen there scored below it).
DIGIT_CONFIDENCE = 0.95
# The skew searched for, in degrees either way, and the step of the search.
MAX_SKEW = 1.0
_SKEW_STEP = 0.1
# A ruling line is at least this long in one piece (mm), and at most `_MAX_RULE_THICKNESS` pixels
# thick per 100 dpi. A vertical rule may be as short as one row of one line (table 二's blocks of a
# header and one row: 3 % of the page's height, 9 mm, lost them), so it counts only where it meets
# a horizontal rule at least `_ROW_RULE_MM` long: the strokes of a title's characters (开 at 22 pt
# is 8 mm wide) would otherwise cross into a frame of their own.
_MIN_RULE_MM = {"h": 6.0, "v": 4.0}
_ROW_RULE_MM = 20.0
# Pieces of rules this long (mm) are whitened before a cell is read again.
_MIN_PIECE_MM = 4.0
_MAX_RULE_THICKNESS = 4.0
# Page images are rendered from a PDF at their own resolution, within these bounds (dpi).
_MIN_DPI, _MAX_DPI, _DEFAULT_DPI = 150, 300, 200
# A page reads upright with this many legible ideographs (`ocr.LEGIBLE`; digits do not count, a page
# of zeros reads as well upside down), or with fewer, at least `_SHORT_PAGE`, that are most of the
# ideographs read (a page of a few lines: a signature). The ten pages of the 洪泽 2024 and 平潭 2024
# scans give 150–1,084 upright (84–100 % of their ideographs), 0–6 upside down (0–50 %); turned the
# wrong way sideways, one read a single character, legibly.
_FEW_LEGIBLE = 100
_MOSTLY_LEGIBLE = 0.8
_SHORT_PAGE = 10
# Characters a vertical ruling line is read as.
_BAR_LIKE = frozenset("|｜丨!！lI[]")
# Full-width digits mark an uncertain digit (NFKC folds them back for the grid's number test).
_UNCERTAIN = str.maketrans("0123456789", "０１２３４５６７８９")
# Told (pages done, pages in all) after each page is recognised.
PageProgress = Callable[[int, int], None]


def read_scan(data: bytes, *, source: str | None = None, progress: PageProgress | None = None) -> Document:
    """An image-only PDF or a PNG/JPEG image → Document (source_format "scan"); `progress(done, total)` is
    told after each page is recognised (seconds a page)."""
    layouts = []
    turned: list[tuple[int, int]] = []  # (page, quarter turns) of pages scanned sideways or upside down
    broken: list[int] = []  # PDF pages that cannot be loaded
    for number, image, dpi, total in _pages(data, broken, source):
        layout, turns = _page_layout(image, dpi, number)
        layouts.append(layout)
        if turns:
            turned.append((number, turns))
        if progress is not None:
            progress(number, total)
    if not any(layout.blocks for layout in layouts):
        if broken:
            raise broken_pages_error(broken, source)
        raise ReportReadError("扫描件中未识别出文字，无法读取", f"no text recognised in {source or 'scan'}")
    doc = read_layouts(layouts, source=source, source_format="scan")
    doc.findings += broken_page_findings(broken, source)
    for number, turns in turned:
        how = "倒置" if turns == 2 else "横向（侧转）"
        doc.findings.append(
            Finding("P-SCAN-TURNED", "info", f"第{number}页扫描方向{how}，已转正后识别", Place(page=number))
        )
    return doc


# --- page images --------------------------------------------------------------------------------


def _pages(
    data: bytes, broken: list[int], source: str | None
) -> Iterator[tuple[int, np.ndarray, float, int]]:
    """Each page's number, greyscale image (uint8) and resolution in dpi, and the number of pages; the
    PDF pages that cannot be loaded are added to `broken`."""
    if data.lstrip()[:4] == b"%PDF":
        yield from _pdf_pages(data, broken, source)
        return
    yield 1, *_image(data), 1


def _image(data: bytes) -> tuple[np.ndarray, float]:
    """A PNG/JPEG (or other image Pillow opens) as a greyscale image, with its resolution in dpi."""
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_SCAN_PIXELS  # Pillow's own check at open refuses twice the bound,
    try:  # and warns past it, where ours refuses
        with warnings.catch_warnings(action="ignore", category=Image.DecompressionBombWarning):
            img = Image.open(io.BytesIO(data))
        with img:
            check_scan_image(img.width, img.height, 1)
            dpi = float((img.info.get("dpi") or (_DEFAULT_DPI,))[0]) or _DEFAULT_DPI
            return np.asarray(img.convert("L")), min(max(dpi, _MIN_DPI), _MAX_DPI)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise ReportReadError("无法打开图片文件（文件损坏或格式不受支持）", str(exc)) from exc


def _pdf_pages(
    data: bytes, broken: list[int], source: str | None
) -> Iterator[tuple[int, np.ndarray, float, int]]:
    pdf = open_pdf(data)
    try:
        check_scan_pages(len(pdf))
        # Every page loaded before any is recognised: a PDF mostly broken is refused before seconds of OCR.
        for number in range(1, len(pdf) + 1):
            try:
                pdf[number - 1].close()
            except pdfium.PdfiumError:
                broken.append(number)
        check_broken_pages(broken, len(pdf), source)
        for number in range(1, len(pdf) + 1):
            if number in broken:
                continue
            page = pdf[number - 1]
            try:
                yield number, *_rendered(page, number), len(pdf)
            finally:
                page.close()
    finally:
        pdf.close()


def pdf_page_layout(page: pdfium.PdfPage, number: int) -> PageLayout:
    """One page of a PDF with a text layer read by OCR of its image (a table pasted as a picture)."""
    layout, _ = _page_layout(*_rendered(page, number), number)
    return layout


def _rendered(page: pdfium.PdfPage, number: int) -> tuple[np.ndarray, float]:
    """The page's greyscale image at the resolution of its own largest image, within bounds."""
    dpi = _image_dpi(page)
    width, height = page.get_size()
    check_scan_image(round(width * dpi / 72), round(height * dpi / 72), number)
    try:
        bitmap = page.render(scale=dpi / 72, grayscale=True)
    except pdfium.PdfiumError as exc:
        raise ReportReadError(f"PDF 文件已损坏：第{number}页无法渲染", str(exc)) from exc
    return np.array(bitmap.to_pil().convert("L")), dpi


def _image_dpi(page: pdfium.PdfPage) -> float:
    """The resolution of the page's largest image (a scan's own), within bounds."""
    best = 0.0
    width = page.get_width()
    for obj in page.get_objects(max_depth=2):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            pixels, _ = obj.get_px_size()
            left, _, right, _ = obj.get_bounds()
            if right > left and (right - left) > width / 3:
                best = max(best, pixels / ((right - left) / 72))
    return min(max(best or _DEFAULT_DPI, _MIN_DPI), _MAX_DPI)


# --- pictures in a document ---------------------------------------------------------------------


def read_pictures(doc: Document, *, progress: PageProgress | None = None) -> tuple[Document, list[Picture]]:
    """`doc` with the pictures its body holds read by OCR in their places (tables pasted as images),
    and the pictures read. Pictures the input does not hold (linked), too small
    to be a table, or that do not open as an image are left out."""
    wanted = [p for p in doc.pictures if p.data is not None and p.may_be_table][:MAX_SCAN_PAGES]
    read: list[tuple[Picture, PageLayout]] = []
    for number, picture in enumerate(wanted, start=1):
        try:
            image, dpi = _image(picture.data or b"")
        except ReportReadError as exc:
            log.info("picture at source line %s not read: %s", picture.line, exc.detail)
            continue
        if picture.width_in and picture.height_in:
            dpi = min(max(image.shape[1] / picture.width_in, _MIN_DPI), _MAX_DPI)
        elif not table_sized(image.shape[1], image.shape[0], TABLE_PICTURE_PIXELS):
            continue
        read.append((picture, _page_layout(image, dpi, number)[0]))
        if progress is not None:
            progress(number, len(wanted))
    return _with_read(doc, read), [picture for picture, _ in read]


def _with_read(doc: Document, read: list[tuple[Picture, PageLayout]]) -> Document:
    """`doc` with each picture's lines and tables in its place, pointing back to the picture's line."""
    lines = list(doc.lines)
    placed: list[tuple[int, int, GridTable]] = []  # (after original line, text 0 / picture 1, table)
    inserted: list[tuple[int, int]] = []  # (after original line, lines inserted there)
    # Pictures side by side (nothing printed between them) may hold one table cut in pieces: read together.
    for after_line, group in groupby(read, key=lambda item: item[0].after_line):
        pictures, layouts = zip(*group, strict=True)
        pictured = read_layouts(list(layouts), source=doc.source, source_format=doc.source_format)
        for text_line in pictured.lines:
            text_line.line, text_line.page = pictures[0].line, None
        at = after_line + sum(n for _, n in inserted)
        for table in pictured.tables:
            for row in table.rows:
                for cell in row:
                    cell.line, cell.page = pictures[0].line, None
            placed.append((after_line, 1, replace(table, after_line=at + table.after_line)))
        lines[at:at] = pictured.lines
        inserted.append((after_line, len(pictured.lines)))
    for table in doc.tables:
        shift = sum(n for where, n in inserted if where < table.after_line)
        placed.append((table.after_line, 0, replace(table, after_line=table.after_line + shift)))
    placed.sort(key=lambda item: item[:2])
    return Document(
        lines=lines,
        tables=[table for *_, table in placed],
        source=doc.source,
        source_format=doc.source_format,
        findings=list(doc.findings),
    )


# --- one page -----------------------------------------------------------------------------------


def _page_layout(image: np.ndarray, dpi: float, number: int) -> tuple[PageLayout, int]:
    """The page's blocks, and the quarter turns (anticlockwise) that stood it upright."""
    import cv2

    scanned = image
    image = straighten(scanned)
    turns, glyphs = _upright(image)
    if turns == 2:
        # A half turn keeps the skew found: the same lines are level either way up.
        image = np.ascontiguousarray(np.rot90(image, 2))
    elif turns:
        # Straightened again the right way up: the skew found on the page as scanned sideways was
        # measured across the wrong lines. Recognised again only where that changed the image read turned.
        upright = straighten(np.ascontiguousarray(np.rot90(scanned, turns)))
        if not np.array_equal(upright, np.rot90(image, turns)):
            glyphs = ocr.recognise(upright).glyphs
        image = upright
    ink = _ink(image)
    rules = _rules(ink, dpi)
    glyphs = _off_rules(glyphs, rules)
    tolerance = _tolerance(dpi)
    # The rules whitened, with a margin for their blurred edges, so a cell's crop holds its text only.
    margin = max(3, round(dpi / 50))
    ruled = cv2.dilate(_rule_ink(ink, dpi).astype(np.uint8), np.ones((margin, margin), np.uint8)) > 0
    plain = image.copy()
    plain[ruled] = 255
    ink[ruled] = 0
    glyphs = reread_cells(
        plain, ink, cell_boxes(rules, tolerance), glyphs, dpi=dpi, threshold=DIGIT_CONFIDENCE
    )
    words = [
        Word(_marked(g.text, g.confidence), g.x0, g.y0, g.x1, g.y1, number, g.confidence) for g in glyphs
    ]
    layout = tables_from_geometry(words, rules, number, height=float(image.shape[0]), tolerance=tolerance)
    return layout, turns


def _off_rules(glyphs: list[Glyph], rules: list[Rule]) -> list[Glyph]:
    """Without the bars that are a vertical ruling line read as a character (`|` before a cell's number
    made it no number). A digit read from a rule scores under `DIGIT_CONFIDENCE` and is left null."""
    verticals = [rule for rule in rules if rule.orientation == "v"]
    return [
        glyph
        for glyph in glyphs
        if glyph.text not in _BAR_LIKE
        or not any(
            glyph.x0 <= rule.at <= glyph.x1 and rule.start <= (glyph.y0 + glyph.y1) / 2 <= rule.end
            for rule in verticals
        )
    ]


def _upright(image: np.ndarray) -> tuple[int, list[Glyph]]:
    """The page's characters read the way up its text stands, and the quarter turns (anticlockwise,
    as `np.rot90` counts them) that stand it upright: 0 for a page scanned upright. A page that does
    not read as upright text is read turned, the likeliest turn first (`_likely_turns`), until a turn
    reads many ideographs; the turn that reads most is kept, if it reads at least a short page's worth
    (a page with next to no text stays as it is)."""
    reading = ocr.recognise(image)  # looked up at the call: tests and the fuzz harness replace it
    if _reads_upright(reading):
        return 0, reading.glyphs
    best, best_turn = reading, 0
    tried = {0}
    turns = _likely_turns(reading, 0)
    while turns and best.legible < _FEW_LEGIBLE:
        turn = turns.pop(0)
        tried.add(turn)
        turned = ocr.recognise(np.ascontiguousarray(np.rot90(image, turn)))
        if turned.legible > best.legible and turned.legible >= _SHORT_PAGE:
            best, best_turn = turned, turn
        turns = [t for t in dict.fromkeys(_likely_turns(turned, turn) + turns) if t not in tried]
    return best_turn, best.glyphs


def _likely_turns(reading: ocr.Reading, turn: int) -> list[int]:
    """After reading the page turned `turn`, the turns to read it at next, likeliest first. Lines
    running across that read badly: upside down. Lines running down: sideways, the way the engine's
    reading of them says first — it stands each such line up a quarter anticlockwise before reading
    it, so lines legible then say the page reads turned that way, lines read as noise the other way —
    then upside down (a table page upside down may show more lines running down than across)."""
    if not _runs_down(reading):
        return [(turn + 2) % 4]
    first = 1 if reading.legible_down >= _SHORT_PAGE else 3
    return [(turn + first) % 4, (turn + 4 - first) % 4, (turn + 2) % 4]


def _runs_down(reading: ocr.Reading) -> bool:
    return reading.down > reading.across


def _reads_upright(reading: ocr.Reading) -> bool:
    """Lines running across the page, read legibly: many ideographs, or most of a short page's whose
    lines all run across (a sideways table's header cells read across, legibly)."""
    if _runs_down(reading) or reading.legible < _SHORT_PAGE:
        return False
    if reading.legible >= _FEW_LEGIBLE:
        return True
    return reading.legible >= _MOSTLY_LEGIBLE * reading.ideographs and reading.down * 10 < reading.across


def _marked(text: str, confidence: float) -> str:
    return text.translate(_UNCERTAIN) if confidence < DIGIT_CONFIDENCE else text


def _ink(image: np.ndarray) -> np.ndarray:
    """Dark pixels as 255 on 0 (Otsu's threshold: scans differ in paper and toner)."""
    import cv2

    _, ink = cv2.threshold(image, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return ink


def skew_angle(image: np.ndarray) -> float:
    """The rotation (degrees, within ±MAX_SKEW) that makes the page's text lines and rules level:
    the one whose row profile of ink is sharpest."""
    import cv2

    small = _ink(cv2.resize(image, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA))
    h, w = small.shape
    centre = (w / 2, h / 2)
    best, best_score = 0.0, -1.0
    for step in range(-round(MAX_SKEW / _SKEW_STEP), round(MAX_SKEW / _SKEW_STEP) + 1):
        angle = step * _SKEW_STEP
        turned = cv2.warpAffine(small, cv2.getRotationMatrix2D(centre, angle, 1.0), (w, h))
        profile = turned.sum(axis=1, dtype=np.float64)
        score = float(np.square(np.diff(profile)).sum())
        if score > best_score:
            best, best_score = angle, score
    return best


def straighten(image: np.ndarray) -> np.ndarray:
    import cv2

    angle = skew_angle(image)
    if angle == 0:
        return image
    h, w = image.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(image, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def ruling_lines(image: np.ndarray, dpi: float) -> list[Rule]:
    """Horizontal and vertical ruling segments of a page image."""
    return _rules(_ink(image), dpi)


def _rules(ink: np.ndarray, dpi: float) -> list[Rule]:
    found: dict[str, list[Rule]] = {"h": [], "v": []}
    for orientation, _labels, stats, kept in _thin_lines(ink, dpi, _MIN_RULE_MM):
        for label in kept:
            x, y, bw, bh, _area = stats[label]
            found[orientation].append(Rule.from_box(float(x), float(y), float(x + bw), float(y + bh)))
    rows = [h for h in found["h"] if h.end - h.start >= _pixels(_ROW_RULE_MM, dpi)]
    tolerance = _tolerance(dpi)
    return found["h"] + [v for v in found["v"] if any(crosses(h, v, tolerance) for h in rows)]


def _pixels(mm: float, dpi: float) -> float:
    return dpi * mm / 25.4


def _tolerance(dpi: float) -> float:
    """How far apart two rules, or a rule and a cell edge, may be and still be one line: about 1 mm."""
    return max(3.0, dpi / 25)


def _rule_ink(ink: np.ndarray, dpi: float) -> np.ndarray:
    """Every piece of a ruling line, however short (a blurred rule breaks into pieces), as a mask."""
    pixels = np.zeros(ink.shape, dtype=bool)
    for _orientation, labels, _stats, kept in _thin_lines(ink, dpi, {"h": _MIN_PIECE_MM, "v": _MIN_PIECE_MM}):
        pixels |= np.isin(labels, kept)
    return pixels


def _thin_lines(
    ink: np.ndarray, dpi: float, least_mm: dict[str, float]
) -> Iterator[tuple[str, np.ndarray, np.ndarray, list[int]]]:
    """Per orientation, the pieces of ink that survive an opening by a line `least_mm` long and are
    thin enough across to be a rule (not a block of text or a stamp): the labels image, the pieces'
    stats and the labels kept."""
    import cv2

    thick = _MAX_RULE_THICKNESS * dpi / 100
    for orientation in ("h", "v"):
        length = max(round(_pixels(least_mm[orientation], dpi)), 10)
        size = (length, 1) if orientation == "h" else (1, length)
        lines = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, size))
        count, labels, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
        across = 3 if orientation == "h" else 2  # the stats column of the piece's thickness
        kept = [label for label in range(1, count) if stats[label][across] <= thick]
        yield orientation, labels, stats, kept


# --- after mapping ------------------------------------------------------------------------------

# Identities that hold within one printed row (a misread digit breaks its own row's sum).
_ROW_IDENTITIES = frozenset({"T3-ROW-SUM", "T4-BLOCK-SUM"})


def settle(report: Report, by_ocr: Callable[[Provenance], bool] | None = None) -> Report:
    """Values resting on an uncertain digit, and rows of table 三/四 whose printed sums fail, → null
    with a finding naming page and cell (a scan's misread must never print as a number). With `by_ocr`,
    only values read where it says OCR read (the others were read from a text layer)."""
    from xxgk.checks.arithmetic import table3_identities, table4_identities

    for key, where in sorted(report.provenance.items()):
        if by_ocr is not None and not by_ocr(where):
            continue
        cell = CellKey.parse(key)
        table, row, column = cell.table, cell.row, cell.column
        if where.text and where.text != where.text.translate(_FOLD):
            _drop(report, table, row, column, "OCR 识别置信度低，记为空，请核对原件", "P-OCR-UNCERTAIN")
        elif not (where.text or "").strip() and report.table(table)[row].get(column) is None:
            # A scan cannot tell a cell printed blank from one whose faint digit was not seen.
            _note(report, table, row, column, "扫描件中此格未识别出内容，记为空，请核对原件", "P-OCR-EMPTY")
    for identity in table3_identities(report) + table4_identities(report):
        if identity.code not in _ROW_IDENTITIES or not _contradicts(report, identity):
            continue
        if by_ocr is not None and not _read_on(report, identity, by_ocr):
            continue
        for (row, column), _ in identity.terms:
            _drop(
                report,
                identity.table,
                row,
                column,
                "经 OCR 识别的本行数字不满足合计关系，可能误识，记为空，请核对原件",
                "P-OCR-IDENTITY",
            )
    return report


def _read_on(report: Report, identity: Identity, by_ocr: Callable[[Provenance], bool]) -> bool:
    """Some value of the identity's row was read by OCR."""
    return any(
        (where := report.provenance.get(str(CellKey(identity.table, row, column)))) is not None
        and by_ocr(where)
        for (row, column), _ in identity.terms
    )


def _contradicts(report: Report, identity: Identity) -> bool:
    """The row's read values cannot all be right: its sum fails, or (some parts unread) the parts
    read already exceed the total (counts are never negative)."""
    blanks = identity.blanks(report)
    if not blanks:
        return identity.residual(report) != 0
    return identity.target not in blanks and identity.residual(report) > 0


_FOLD = str.maketrans("０１２３４５６７８９", "0123456789")


def _drop(report: Report, table: str, row: str, column: str, why: str, code: str) -> None:
    data = report.table(table)
    if data.get(row, {}).get(column) is None:
        return
    data[row][column] = None
    _note(report, table, row, column, why, code)


def _note(report: Report, table: str, row: str, column: str, why: str, code: str) -> None:
    from xxgk.template.describe import describe_cell

    where = report.provenance.get(str(CellKey(table, row, column)))
    page = where.page if where else None
    line = where.line if where else None
    on_page = f"第{page}页" if page else ""
    report.findings.append(
        Finding(
            code,
            "error",
            f"{on_page}{describe_cell(table, row, column)}：{why}",
            Place(table=table, row=row, column=column, page=page, line=line),
        )
    )
