"""A report as a downloadable file (staff drafts and the portal's published reports)."""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.http import content_disposition_header

from xxgk.render import render
from xxgk.report import Report

CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


def report_response(report: Report, fmt: str, stem: str, *, cache_key: str | None = None) -> HttpResponse:
    """`report` rendered to `fmt` (KeyError for a format not offered); HTML is shown inline.
    `cache_key` names a snapshot that never changes (a published version): rendered once."""
    content_type = CONTENT_TYPES[fmt]

    def body_of() -> bytes:
        return report.model_dump_json(indent=2).encode("utf-8") if fmt == "json" else render(report, fmt)

    body = cache.get_or_set(f"{cache_key}:{fmt}", body_of, timeout=None) if cache_key else body_of()
    response = HttpResponse(body, content_type=content_type)
    disposition = content_disposition_header(fmt != "html", f"{stem}.{fmt}")
    if disposition:  # always, with a file name
        response["Content-Disposition"] = disposition
    return response
