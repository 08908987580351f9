"""Every bound the readers enforce, in one place, and the checks that refuse what exceeds one.

A published annual report is a few pages: a few hundred KB of text or HTML, a DOCX whose XML
unzips to a few MB, three or four tables of a few dozen rows. The bounds are far above that and
far below what would hang a run or exhaust the machine (issue 16). An exceeded bound is a
`ReportReadError` whose Chinese message names the bound and its value.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING

from xxgk.parse.errors import ReportReadError

if TYPE_CHECKING:
    from pypdfium2 import PdfDocument

# Whole input, any format (PDFs carry images), and text or HTML, which is parsed whole in memory.
MAX_INPUT_BYTES = 64 * 1024 * 1024
MAX_MARKUP_BYTES = 16 * 1024 * 1024
# ZIP containers (DOCX): read from the central directory, before anything is inflated.
MAX_ZIP_MEMBERS = 2_000
MAX_ZIP_UNCOMPRESSED_BYTES = 100 * 1024 * 1024  # images included
MAX_ZIP_XML_BYTES = 8 * 1024 * 1024  # one XML part (document.xml of a report: well under 1 MB)
# Tables as printed (HTML and DOCX grids, the text reader's rows).
MAX_TABLE_ROWS = 1_000
MAX_TABLE_CELLS = 20_000
# Text layers (text files, PDF text): characters in one line and lines in all.
MAX_LINE_CHARS = 500_000
MAX_LINES = 200_000
# Characters of text in one document, any format (a long report with its annexes: ~100,000). Reading
# costs about a microsecond per character, so this bound keeps any input under two seconds.
MAX_TEXT_CHARS = 1_000_000
# A text file that decodes cleanly neither as UTF-8 nor as GB18030: the share of its characters that
# may be lost (a damaged byte here and there), beyond which it is no text at all.
MAX_UNDECODABLE_SHARE = 0.01
# Characters on one PDF page (a dense A4 page of small type: some 10,000; the test data's densest: 2,574),
# and its text objects, counted before PDFium builds the page's text (2.4 µs a character): the test data's
# densest page has 902; a producer writing each character alone fills a dense page with some 5,000. Past
# them is a damaged or generated file: a page of copied lines (680,000 characters in 19,641 objects) took 7 s.
MAX_PAGE_CHARS = 20_000
MAX_PAGE_TEXT_OBJECTS = 10_000
# PDF streams: bytes beyond a stream's declared /Length before its `endstream` (PDFium reads on to
# it). Checked before PDFium opens the file: a font stream run on 3 MB past its length (a mutated
# PDF) made PDFium take 460 MB to load the page; real files are off by a line ending or so.
MAX_PDF_STREAM_OVERRUN = 1024 * 1024
# Pages in one PDF (a report with its annexes: some 50; a page costs 2–10 ms to read): a 1.2 MB file whose page
# tree names one page 200,000 times took 7.6 s.
MAX_PDF_PAGES = 200
# Scans read by OCR (5–10 s of CPU and about 1–1.7 GB a page, docs/benchmarks.md): pages in one file (a
# scanned report has 5–30), and pixels in one page image, checked before a PDF page is rendered (an A3
# page at 300 dpi has 17 million; a 553-byte PDF of one 5 × 5 m page asked for 1.6 billion at 200 dpi).
MAX_SCAN_PAGES = 60
MAX_SCAN_PIXELS = 40_000_000
# The shortest side and the longest shape of a page image. The recogniser reads lines 48 pixels high, and its
# detector scales a page to sides that are multiples of 32 (a side under 16 becomes 0 and fails inside the engine: a
# 1 × 1 PNG, a 3 × 5,000 one) and enlarges its short side to 736 pixels, so a thin image grows with its shape: a
# 32 × 1,600 image was read at 736 × 36,800 (27 million pixels, 43 s). A page or a table is far squarer than 1:10.
MIN_SCAN_SIDE = 32
MAX_SCAN_ASPECT = 10
# Digits in one number: no count and no fee in 万元 has more; longer runs are refused as numbers
# (so Python's 4,300-digit `int()` limit is never reached).
MAX_NUMBER_DIGITS = 15


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def check_input_size(size: int, limit: int = MAX_INPUT_BYTES) -> None:
    """`size` bytes of input (checked before reading a file, and on the bytes given)."""
    if size > limit:
        raise ReportReadError(
            f"文件过大（{_mib(size)}），超过输入大小上限 {_mib(limit)}，不是可读取的年度报告",
            f"input of {size} bytes over the limit of {limit}",
        )


def open_zip(data: bytes) -> zipfile.ZipFile:
    """The ZIP container, its directory checked against the bounds before any member is inflated.

    Raises `ReportReadError` for a damaged ZIP (any error the zipfile module raises on it) and for
    one over the member-count or uncompressed-size bound.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, UnicodeDecodeError, NotImplementedError, ValueError,
            EOFError, OSError) as exc:  # fmt: skip
        raise ReportReadError(
            "无法读取该文件：ZIP 容器已损坏或格式不受支持（如为 Word 文档，请用 Word 另存为 .docx）",
            f"bad ZIP: {type(exc).__name__}: {exc}",
        ) from exc
    if len(members) > MAX_ZIP_MEMBERS:
        raise ReportReadError(
            f"压缩包内文件过多（{len(members)} 个），超过上限 {MAX_ZIP_MEMBERS} 个，不予读取",
            f"{len(members)} ZIP members over MAX_ZIP_MEMBERS={MAX_ZIP_MEMBERS}",
        )
    total = sum(member.file_size for member in members)
    if total > MAX_ZIP_UNCOMPRESSED_BYTES:
        raise ReportReadError(
            f"压缩包解压后共 {_mib(total)}，超过解压大小上限 {_mib(MAX_ZIP_UNCOMPRESSED_BYTES)}，未解压即拒绝读取",
            f"ZIP uncompressed size {total} over MAX_ZIP_UNCOMPRESSED_BYTES={MAX_ZIP_UNCOMPRESSED_BYTES}",
        )
    xml = max((m for m in members if m.filename.endswith(".xml")), key=lambda m: m.file_size, default=None)
    if xml is not None and xml.file_size > MAX_ZIP_XML_BYTES:
        raise ReportReadError(
            f"压缩包内 {xml.filename[:60]} 解压后 {_mib(xml.file_size)}，超过 XML 部件大小上限 "
            f"{_mib(MAX_ZIP_XML_BYTES)}，未解压即拒绝读取",
            f"ZIP member {xml.filename!r} of {xml.file_size} bytes over MAX_ZIP_XML_BYTES={MAX_ZIP_XML_BYTES}",
        )
    return archive


# A stream dictionary with a direct /Length (not `12 0 R`) and no nested dictionary after it.
_PDF_STREAM = re.compile(rb"/Length\s+(\d{1,12})(?!\d)(?!\s+\d+\s+R)[^<>]{0,2000}>>\s{0,4}stream\r?\n")


def open_pdf(data: bytes) -> PdfDocument:
    """The PDF opened by PDFium, its streams checked against their declared lengths first.

    Raises `ReportReadError` for a file PDFium cannot open, for one with a stream over
    `MAX_PDF_STREAM_OVERRUN` and for one of more than `MAX_PDF_PAGES` pages."""
    import pypdfium2 as pdfium

    for match in _PDF_STREAM.finditer(data):
        end = data.find(b"endstream", match.end())
        overrun = end - (match.end() + int(match.group(1)))
        if end >= 0 and overrun > MAX_PDF_STREAM_OVERRUN:
            raise ReportReadError(
                f"PDF 文件已损坏：有数据流比其声明的长度多出 {_mib(overrun)}，超过上限 "
                f"{_mib(MAX_PDF_STREAM_OVERRUN)}，不予读取",
                f"PDF stream at byte {match.end()} runs {overrun} bytes past its /Length, "
                f"over MAX_PDF_STREAM_OVERRUN={MAX_PDF_STREAM_OVERRUN}",
            )
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ReportReadError("无法打开 PDF 文件（文件损坏或已加密）", str(exc)) from exc
    if len(pdf) > MAX_PDF_PAGES:
        pages = len(pdf)
        pdf.close()
        raise ReportReadError(
            f"PDF 文件共 {pages} 页，超过页数上限 {MAX_PDF_PAGES} 页，不是可读取的年度报告",
            f"PDF of {pages} pages over MAX_PDF_PAGES={MAX_PDF_PAGES}",
        )
    return pdf


def check_page_chars(chars: int, page: int) -> None:
    if chars > MAX_PAGE_CHARS:
        raise ReportReadError(
            f"PDF 第{page}页有 {chars} 个字符，超过每页上限 {MAX_PAGE_CHARS} 个字符，不是可读取的年度报告",
            f"page {page} with {chars} characters over MAX_PAGE_CHARS={MAX_PAGE_CHARS}",
        )


def check_page_text_objects(objects: int, page: int) -> None:
    if objects > MAX_PAGE_TEXT_OBJECTS:
        raise ReportReadError(
            f"PDF 第{page}页有 {objects} 段文字，超过每页上限 {MAX_PAGE_TEXT_OBJECTS} 段，不是可读取的年度报告",
            f"page {page} with {objects} text objects over MAX_PAGE_TEXT_OBJECTS={MAX_PAGE_TEXT_OBJECTS}",
        )


def check_scan_pages(pages: int) -> None:
    """Checked before any page of a scan is read."""
    if pages > MAX_SCAN_PAGES:
        raise ReportReadError(
            f"扫描件共 {pages} 页，超过文字识别的页数上限 {MAX_SCAN_PAGES} 页，不予识别",
            f"scan of {pages} pages over MAX_SCAN_PAGES={MAX_SCAN_PAGES}",
        )


def check_scan_image(width: int, height: int, page: int) -> None:
    """A page image of `width` × `height` pixels, checked before it is rendered or decoded."""
    seen = f"扫描件第{page}页图像为 {width} × {height} 像素"
    if width * height > MAX_SCAN_PIXELS:
        raise ReportReadError(
            f"{seen}，超过每页 {MAX_SCAN_PIXELS // 10_000} 万像素的上限，不予识别",
            f"page {page} image of {width}x{height} pixels over MAX_SCAN_PIXELS={MAX_SCAN_PIXELS}",
        )
    if min(width, height) < MIN_SCAN_SIDE:
        raise ReportReadError(
            f"{seen}，短边不足 {MIN_SCAN_SIDE} 像素，图像过小，无法识别文字",
            f"page {page} image of {width}x{height} pixels under MIN_SCAN_SIDE={MIN_SCAN_SIDE}",
        )
    if max(width, height) > MAX_SCAN_ASPECT * min(width, height):
        raise ReportReadError(
            f"{seen}，长宽之比超过 {MAX_SCAN_ASPECT}:1，无法识别文字",
            f"page {page} image of {width}x{height} pixels over MAX_SCAN_ASPECT={MAX_SCAN_ASPECT}",
        )


def check_table(rows: int, cells: int) -> None:
    if rows > MAX_TABLE_ROWS:
        raise ReportReadError(
            f"表格行数过多（{rows} 行），超过上限 {MAX_TABLE_ROWS} 行，不是可读取的年度报告表格",
            f"table of {rows} rows over MAX_TABLE_ROWS={MAX_TABLE_ROWS}",
        )
    if cells > MAX_TABLE_CELLS:
        raise ReportReadError(
            f"表格单元格过多（{cells} 个），超过上限 {MAX_TABLE_CELLS} 个，不是可读取的年度报告表格",
            f"table of {cells} cells over MAX_TABLE_CELLS={MAX_TABLE_CELLS}",
        )


def check_lines(lines: list[str]) -> None:
    if len(lines) > MAX_LINES:
        raise ReportReadError(
            f"文本行数过多（{len(lines)} 行），超过上限 {MAX_LINES} 行，不是可读取的年度报告",
            f"{len(lines)} lines over MAX_LINES={MAX_LINES}",
        )
    longest = max(map(len, lines), default=0)
    if longest > MAX_LINE_CHARS:
        raise ReportReadError(
            f"文本中有一行长达 {longest} 个字符，超过单行长度上限 {MAX_LINE_CHARS} 个字符，不是可读取的年度报告",
            f"line of {longest} characters over MAX_LINE_CHARS={MAX_LINE_CHARS}",
        )


def check_text_chars(chars: int) -> None:
    if chars > MAX_TEXT_CHARS:
        raise ReportReadError(
            f"文件中的文字过多（{chars} 个字符），超过上限 {MAX_TEXT_CHARS} 个字符，不是可读取的年度报告",
            f"{chars} characters of text over MAX_TEXT_CHARS={MAX_TEXT_CHARS}",
        )


def check_undecodable(lost: int, chars: int) -> None:
    """`lost` characters of `chars` could not be decoded (U+FFFD in their place)."""
    if lost > MAX_UNDECODABLE_SHARE * chars:
        raise ReportReadError(
            f"文件中有 {lost / chars:.0%} 的内容无法按 UTF-8 或 GB18030 编码解读，不是可读取的文本格式年度报告"
            "（如为 Word、PDF 等文件，请以原格式提供）",
            f"{lost} of {chars} characters undecodable, over MAX_UNDECODABLE_SHARE={MAX_UNDECODABLE_SHARE}",
        )


def too_long_number(text: str) -> str:
    """The finding's words for a printed run of digits over `MAX_NUMBER_DIGITS`."""
    digits = sum(ch.isdigit() for ch in text)
    return f"单元格印有 {digits} 位数字「{text[:12]}…」，数字过长（上限 {MAX_NUMBER_DIGITS} 位），不可能是件数或金额，记为空"
