"""Picks the reader for an input by its bytes (not its name) and maps it to the report model."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from pydantic import ValidationError

from xxgk.findings import Finding, Place
from xxgk.parse.encoding import as_utf8_if_utf16
from xxgk.parse.errors import (
    GarbledTextLayer,
    NeedsOcr,
    ReportReadError,
    linked_pictures_zh,
    pictured_zh,
    pictures_zh,
)
from xxgk.parse.grid import Document, Picture
from xxgk.parse.limits import check_input_size, open_zip
from xxgk.parse.mapper import map_document
from xxgk.report import Report

if TYPE_CHECKING:
    from xxgk.parse.scan import PageProgress

Reader = Callable[..., Document]


# An OLE2 compound file: Word 97-2003 (.doc), WPS (.wps), old Excel.
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(data: bytes) -> str:
    if data[:4] == b"PK\x03\x04":
        # A damaged or oversized ZIP is refused here, from its directory, before inflating.
        with open_zip(data) as archive:
            names = archive.namelist()
        if "word/document.xml" in names:
            return "docx"
        return "odt" if "content.xml" in names and b"opendocument.text" in data[:200] else "zip"
    if data[:8] == _OLE2:
        return "doc"
    if data[:2048].lstrip().startswith(b"%PDF"):
        return "pdf"
    if data[:8] == b"\x89PNG\r\n\x1a\n" or data[:3] == b"\xff\xd8\xff":
        return "image"
    # UTF-16 text and HTML are recognised by their UTF-8 form (their bytes hold NULs).
    sample = as_utf8_if_utf16(data[:200_000])
    head = sample[:2048].lstrip()
    if head.startswith(b"{"):
        return "json"
    lowered = head[:1024].lower()
    if lowered.startswith((b"<!doctype", b"<html", b"<?xml", b"<table", b"<div", b"<meta", b"<head")) or (
        b"<table" in sample.lower()
    ):
        return "html"
    return "text"


def reader_for(kind: str, *, ocr: bool = True, progress: PageProgress | None = None) -> Reader:
    """The reader of `kind`; without `ocr`, a scan or an image raises `NeedsOcr` instead of being read;
    `progress` is told of each page a scan's OCR reads."""
    # Imported on demand: a text-only run never loads lxml, python-docx or PDFium.
    if kind == "pdf":
        return partial(_read_pdf_or_scan, progress=progress) if ocr else _read_pdf_text_layer
    if kind == "image":
        if not ocr:
            return _needs_ocr
        from xxgk.parse.scan import read_scan

        return partial(read_scan, progress=progress)
    if kind == "docx":
        from xxgk.parse.docx import read_docx

        return read_docx
    if kind == "html":
        from xxgk.parse.html import read_html

        return read_html
    if kind == "text":
        from xxgk.parse.text import read_text

        return read_text
    raise ReportReadError(
        _UNSUPPORTED.get(kind)
        or f"不支持的文件类型（{kind}）：请提供文本、HTML、DOCX、PDF 或 PNG/JPEG 图片格式的年度报告",
        f"unsupported file kind {kind}",
    )


# Formats agencies publish that are not read: what to tell the user they are.
_UNSUPPORTED = {
    "doc": "这是 Word 97-2003 或 WPS 格式的文档（.doc/.wps），暂不能直接读取，请另存为 .docx 或 PDF 后再提供",
    "odt": "这是 OpenDocument 文本（.odt），暂不能直接读取，请另存为 .docx 或 PDF 后再提供",
}


def read_document(
    data: bytes, source: str | None = None, *, ocr: bool = True, progress: PageProgress | None = None
) -> Document:
    check_input_size(len(data))
    if not data.strip():
        raise ReportReadError("文件为空", f"empty input {source or ''}")
    return reader_for(sniff(data), ocr=ocr, progress=progress)(data, source=source)


def read_report(
    data: bytes,
    source: str | None = None,
    *,
    ocr: bool = True,
    progress: PageProgress | None = None,
    folder: Path | None = None,
) -> Report:
    """Any supported input → Report (parser findings included). Raises ReportReadError, and
    `NeedsOcr` for a scan or an image when `ocr` is off (OCR takes seconds a page); `progress(done,
    total)` is told after each page OCR reads. `folder`: where the pictures a web page links to by a
    relative address are looked for (a page saved with its files), never outside it.

    The engine's own JSON (what `xxgk extract` writes) is read back as it is.
    """
    check_input_size(len(data))
    if sniff(data) == "json":
        return _report_from_json(data, source)
    doc = read_document(data, source, ocr=ocr, progress=progress)
    if doc.source_format == "scan":
        from xxgk.parse.scan import settle

        return settle(map_document(doc))
    try:
        report: Report | None = map_document(doc)
        error = None
    except ReportReadError as exc:
        if not doc.pictures:
            raise
        # Nothing of a report in the text: its pages may be pictures (scans inserted into Word, a web
        # page of page images).
        report, error = None, exc
    if report is not None and (not (doc.pictured_pages or doc.pictures) or not _a_table_unread(report)):
        return report
    if doc.pictured_pages and report is not None:
        return _with_pictured_pages(data, source, report, doc.pictured_pages, ocr=ocr, progress=progress)
    if folder is not None:
        doc.pictures = [_from_folder(picture, folder) for picture in doc.pictures]
    return _with_pictures(doc, report, error, ocr=ocr, progress=progress)


def _a_table_unread(report: Report) -> bool:
    from xxgk.checks.cells import table_values

    return any(all(value is None for value in table_values(report, table)) for table in report.spec.tables)


def _with_pictured_pages(
    data: bytes,
    source: str | None,
    report: Report,
    pages: tuple[int, ...],
    *,
    ocr: bool,
    progress: PageProgress | None,
) -> Report:
    """A PDF whose tables were not found in its text layer, and whose pages `pages` hold pictures as
    large as a table: those pages read by OCR (a table pasted as a picture), kept if that reads more
    cells; without `ocr`, `NeedsOcr`."""
    if not ocr:
        raise NeedsOcr(source, pictured_pages=pages)
    from xxgk.parse.pdf import read_pdf
    from xxgk.parse.scan import settle

    doc = read_pdf(data, source=source, ocr_pages=frozenset(pages), progress=progress)
    pictured = settle(map_document(doc), lambda where: where.page in pages)
    return _kept(pictured, report, pictured_zh(pages), page=pages[0])


def _with_pictures(
    doc: Document,
    report: Report | None,
    error: ReportReadError | None,
    *,
    ocr: bool,
    progress: PageProgress | None,
) -> Report:
    """A DOCX or web page whose tables were not found in its text (`report`), or whose text is no report
    at all (`error`), read again with the pictures it holds read by OCR in their places (tables, or
    pages, pasted as pictures), kept if that reads more cells; without `ocr`, `NeedsOcr` when it holds
    any. Linked pictures it does not hold are named when nothing else could be read."""
    held = sum(picture.data is not None and picture.may_be_table for picture in doc.pictures)
    linked = sum(picture.data is None and picture.may_be_table for picture in doc.pictures)
    if held and not ocr:
        raise NeedsOcr(doc.source, pictures=held)
    if held:
        from xxgk.parse.scan import read_pictures, settle

        with_pictures, read = read_pictures(doc, progress=progress)
        lines = {picture.line for picture in read}
        pictured = None
        if read:
            with suppress(ReportReadError):  # the pictures read no report either
                pictured = settle(
                    map_document(with_pictures), lambda where: where.page is None and where.line in lines
                )
        if pictured is not None and (report is None or _cells_read(pictured) > _cells_read(report)):
            return _marked_pictured(pictured, pictures_zh(len(read)), line=read[0].line)
    if report is None:
        assert error is not None
        if linked and not held:
            raise ReportReadError(linked_pictures_zh(linked), f"{error.detail}; {linked} linked pictures")
        raise error
    if linked and _a_table_unread(report):
        report.findings.insert(
            0, Finding("P-TABLES-LINKED-PICTURES", "warning", linked_pictures_zh(linked), Place())
        )
    return report


def _from_folder(picture: Picture, folder: Path) -> Picture:
    """A linked picture with its bytes, when its relative address names a file inside `folder`."""
    if picture.data is not None or not picture.src:
        return picture
    address = urlsplit(picture.src)
    if address.scheme or address.netloc:
        return picture
    root = folder.resolve()
    path = (root / unquote(address.path)).resolve()
    if not path.is_relative_to(root):
        return picture
    try:
        check_input_size(path.stat().st_size)
        return replace(picture, data=path.read_bytes())
    except (OSError, ReportReadError):
        return picture


def _kept(
    pictured: Report, report: Report, why: str, *, page: int | None = None, line: int | None = None
) -> Report:
    """The report with its pictured tables read by OCR, when that read more cells than its text alone."""
    if _cells_read(pictured) <= _cells_read(report):
        return report
    return _marked_pictured(pictured, why, page=page, line=line)


def _marked_pictured(report: Report, why: str, *, page: int | None = None, line: int | None = None) -> Report:
    """`report`, whose pictured tables were read by OCR, saying so (`why`: where the pictures are)."""
    why = f"{why}，已经 OCR 识别：识别不确定的数字记为空，请核对原件"
    report.findings.insert(0, Finding("P-TABLES-PICTURED", "info", why, Place(page=page, line=line)))
    return report


def _cells_read(report: Report) -> int:
    from xxgk.checks.cells import table_values

    return sum(value is not None for table in report.spec.tables for value in table_values(report, table))


def _read_pdf_text_layer(data: bytes, *, source: str | None = None) -> Document:
    """A PDF by its text layer; `NeedsOcr` for one without any (a scan of page images)."""
    from xxgk.parse.pdf import read_pdf

    try:
        return read_pdf(data, source=source)
    except GarbledTextLayer as exc:
        raise NeedsOcr(source, exc.pages) from exc
    except ReportReadError as exc:
        if exc.detail.startswith("no text layer"):
            raise NeedsOcr(source) from exc
        raise


def _read_pdf_or_scan(
    data: bytes, *, source: str | None = None, progress: PageProgress | None = None
) -> Document:
    """A PDF by its text layer; one without any (a scan of page images), or whose text layer does
    not say what its pages print, by OCR."""
    try:
        return _read_pdf_text_layer(data, source=source)
    except NeedsOcr as exc:
        from xxgk.parse.scan import read_scan

        doc = read_scan(data, source=source, progress=progress)
        if exc.garbled_pages:
            from xxgk.parse.pdf import garbled_finding

            doc.findings.insert(0, garbled_finding(exc.garbled_pages))
        return doc


def _needs_ocr(data: bytes, *, source: str | None = None) -> Document:
    raise NeedsOcr(source)


def _report_from_json(data: bytes, source: str | None) -> Report:
    try:
        return Report.model_validate_json(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ReportReadError(
            f"JSON 不符合年报数据格式（xxgk schema）：{where} {first['msg']}", f"{source}: {exc}"
        ) from exc


def read_report_file(path: Path) -> Report:
    try:
        # Refused by its size before it is read into memory (a corpus may hold anything).
        check_input_size(path.stat().st_size)
        data = path.read_bytes()
    except OSError as exc:
        raise ReportReadError(f"无法读取文件：{path}", str(exc)) from exc
    return read_report(data, source=str(path), folder=path.parent)
