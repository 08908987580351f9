"""PDF reports with a text layer → Document (PDFium through pypdfium2: fast, permissive licence).

PDFium keeps a table row on one line (`… 95 0 0 0 0 0 95`) and header cells one per line; the
rows are then read like a text report's. Page furniture (`- 1 -`, `第 1 页`) is dropped.
"""

from __future__ import annotations

import re

import pypdfium2 as pdfium

from xxgk.parse.errors import ReportReadError
from xxgk.parse.grid import Document, TextLine
from xxgk.parse.text import document_from_lines

_PAGE_NUMBER = re.compile(
    # `(?:\s*页)?`, not `\s*(?:页)?`: three whitespace runs in a row would be cubic on a long one.
    r"^[\s\-—–－·]*(?:第\s*)?\d{1,3}(?:\s*页)?(?:\s*/\s*(?:共\s*)?\d{1,3}(?:\s*页)?)?[\s\-—–－·]*$"
)


def read_pdf(data: bytes, *, source: str | None = None) -> Document:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ReportReadError("无法打开 PDF 文件（文件损坏或已加密）", str(exc)) from exc
    lines: list[TextLine] = []
    try:
        for number in range(len(pdf)):
            try:
                text = pdf[number].get_textpage().get_text_range()
            except pdfium.PdfiumError as exc:  # the Document has no findings to say it in
                raise ReportReadError(
                    f"PDF 文件第 {number + 1} 页已损坏，无法读取（共 {len(pdf)} 页）",
                    f"page {number + 1}: {exc}",
                ) from exc
            for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
                if raw.strip() and not _PAGE_NUMBER.match(raw):
                    lines.append(TextLine(raw.strip(), line=len(lines) + 1, page=number + 1))
    finally:
        pdf.close()
    if not lines:
        raise ReportReadError(
            "PDF 文件没有文字层（可能是扫描件），无法读取", f"no text layer in {source or 'PDF'}"
        )
    return document_from_lines(lines, source=source, source_format="pdf")
