"""A report as a downloadable file (staff drafts and the portal's published reports)."""

from __future__ import annotations

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


def report_response(report: Report, fmt: str, stem: str) -> HttpResponse:
    """`report` rendered to `fmt` (KeyError for a format not offered); HTML is shown inline."""
    content_type = CONTENT_TYPES[fmt]
    body = report.model_dump_json(indent=2).encode("utf-8") if fmt == "json" else render(report, fmt)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(fmt != "html", f"{stem}.{fmt}")
    return response
