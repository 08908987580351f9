"""HTML rendering (Jinja2, autoescaped): a standalone printable page or an embeddable fragment."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from xxgk.render.document import build_document
from xxgk.report import Report


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("xxgk.render", "templates"),
        autoescape=True,
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=True,
    )


@cache
def report_css() -> str:
    """The report's stylesheet (screen and A4 print), scoped to `.xxgk-report`."""
    return files("xxgk.render").joinpath("templates/report.css").read_text(encoding="utf-8")


def _context(report: Report) -> dict[str, object]:
    return {
        "doc": build_document(report),
        "signed_iso": report.signed_on.isoformat() if report.signed_on else None,
    }


def render_fragment(report: Report) -> str:
    """The report as an `<article class="xxgk-report">` to embed in a page that links report.css."""
    return _environment().get_template("report.html.j2").render(_context(report))


def render_page(report: Report, *, extra_css: str = "") -> str:
    """The report as a standalone HTML page with its stylesheet inlined."""
    # The stylesheet is ours, not user data: inlined as is (autoescape would break its quotes).
    css = Markup(report_css() + ("\n" + extra_css if extra_css else ""))
    return _environment().get_template("page.html.j2").render(_context(report), css=css)


def render_page_bytes(report: Report) -> bytes:
    """The standalone page encoded as UTF-8 (its `<meta charset>` says so)."""
    return render_page(report).encode("utf-8")
