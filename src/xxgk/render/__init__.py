"""Renderers of the report model: HTML, DOCX, PDF, XLSX, CSV/long format, all laid out by `layout`.

Formats are looked up by name in `RENDERERS`; each takes a `Report` and returns bytes. The
heavy libraries (WeasyPrint, python-docx, openpyxl) are imported only when their format is used.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the model is only named in annotations; importing it costs start-up time
    from xxgk.report import Report

# format name → (module, function) returning the file's bytes.
_RENDERERS: dict[str, tuple[str, str]] = {
    "html": ("xxgk.render.html", "render_page_bytes"),
    "docx": ("xxgk.render.docx", "render_docx"),
    "pdf": ("xxgk.render.pdf", "render_pdf"),
    "xlsx": ("xxgk.render.xlsx", "render_xlsx"),
    "csv": ("xxgk.render", "render_csv"),
}
FORMATS: tuple[str, ...] = tuple(_RENDERERS)


def renderer(fmt: str) -> Callable[[Report], bytes]:
    """The function rendering a report to `fmt` (one of FORMATS); KeyError for an unknown format."""
    module, name = _RENDERERS[fmt]
    return getattr(import_module(module), name)


def render(report: Report, fmt: str) -> bytes:
    """The report rendered to `fmt` as the bytes of a file."""
    return renderer(fmt)(report)


def render_csv(report: Report) -> bytes:
    """The report's long format as CSV (UTF-8 with BOM, so Excel reads the Chinese)."""
    from xxgk.render.tabular import write_csv

    stream = io.StringIO()
    write_csv([report], stream)
    return stream.getvalue().encode("utf-8-sig")


__all__ = ["FORMATS", "render", "render_csv", "renderer"]
