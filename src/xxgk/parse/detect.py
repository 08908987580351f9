"""Picks the reader for an input by its bytes (not its name) and maps it to the report model."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from xxgk.parse.encoding import as_utf8_if_utf16
from xxgk.parse.errors import ReportReadError
from xxgk.parse.grid import Document
from xxgk.parse.limits import check_input_size, open_zip
from xxgk.parse.mapper import map_document
from xxgk.report import Report

Reader = Callable[..., Document]


def sniff(data: bytes) -> str:
    if data[:4] == b"PK\x03\x04":
        # A damaged or oversized ZIP is refused here, from its directory, before inflating.
        with open_zip(data) as archive:
            return "docx" if "word/document.xml" in archive.namelist() else "zip"
    if data[:2048].lstrip().startswith(b"%PDF"):
        return "pdf"
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


def reader_for(kind: str) -> Reader:
    # Imported on demand: a text-only run never loads lxml, python-docx or PDFium.
    if kind == "pdf":
        from xxgk.parse.pdf import read_pdf

        return read_pdf
    if kind == "docx":
        from xxgk.parse.docx import read_docx

        return read_docx
    if kind == "html":
        from xxgk.parse.html import read_html

        return read_html
    if kind == "text":
        from xxgk.parse.text import read_text

        return read_text
    raise ReportReadError(f"不支持的文件类型（{kind}）：请提供文本、HTML、DOCX 或 PDF 格式的年度报告", kind)


def read_document(data: bytes, source: str | None = None) -> Document:
    check_input_size(len(data))
    if not data.strip():
        raise ReportReadError("文件为空", f"empty input {source or ''}")
    return reader_for(sniff(data))(data, source=source)


def read_report(data: bytes, source: str | None = None) -> Report:
    """Any supported input → Report (parser findings included). Raises ReportReadError.

    The engine's own JSON (what `xxgk extract` writes) is read back as it is.
    """
    check_input_size(len(data))
    if sniff(data) == "json":
        return _report_from_json(data, source)
    return map_document(read_document(data, source))


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
    return read_report(data, source=str(path))
