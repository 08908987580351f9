"""Builds tests/data/pictured: a saved report page whose tables are pasted as pictures of themselves,
as agencies publish reports whose tables were pasted into the document as images — the page itself,
printed to PDF, and made a Word document.

    uv run --frozen python scripts/make_pictured.py

Chromium (through Playwright, headless) photographs each innermost <table> of the page at twice its
size, the page is saved with each such table replaced by its picture (a `data:` URI, so the page holds
its pictures), Chromium prints it to PDF (`--print-to-pdf`, blank margins) and LibreOffice converts it
to DOCX (the pictures embedded). The prose stays text; the tables are in the images only.
"""

from __future__ import annotations

import base64
import re
import struct
import subprocess
import tempfile
from pathlib import Path

from make_forms import soffice
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests" / "data" / "reports" / "pingtan-2024-guanweihui.html"
TARGET = ROOT / "tests" / "data" / "pictured"
STEM = "pingtan-2024-guanweihui"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# An A4 page's text width in CSS pixels (17 cm).
_TEXT_WIDTH_PX = 640
_TABLE = re.compile(r"(<table\b.*?</table>)", re.S | re.I)


def pictures_of_tables(page: Path) -> list[bytes]:
    """A PNG of each table holding no other table, in document order."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_page(device_scale_factor=2, viewport={"width": 900, "height": 1200})
        tab.goto(page.as_uri())
        tables = tab.locator("table")
        shots = [
            tables.nth(i).screenshot()
            for i in range(tables.count())
            if not tables.nth(i).locator("table").count()
        ]
        browser.close()
    return shots


def _img(png: bytes) -> str:
    """The picture at its size on the page (photographed at twice it), at most as wide as an A4 page's
    text: LibreOffice sizes a picture by its width and height, not by a style."""
    width, height = (n / 2 for n in struct.unpack(">II", png[16:24]))
    scale = min(1.0, _TEXT_WIDTH_PX / width)
    source = base64.b64encode(png).decode()
    return (
        f'<img width="{round(width * scale)}" height="{round(height * scale)}" '
        f'style="max-width:100%;height:auto" src="data:image/png;base64,{source}">'
    )


def main() -> None:
    shots = iter(pictures_of_tables(SOURCE))
    html = SOURCE.read_text(encoding="utf-8")
    parts = []
    for part in _TABLE.split(html):
        innermost = part[:6].lower() == "<table" and "<table" not in part[6:].lower()
        parts.append(_img(next(shots)) if innermost else part)
    page = TARGET / f"{STEM}.html"
    page.write_text("".join(parts), encoding="utf-8")
    pdf = TARGET / f"{STEM}-chromium.pdf"
    command = [CHROMIUM, "--headless", *CHROMIUM_ARGS, "--no-pdf-header-footer", f"--print-to-pdf={pdf}"]
    subprocess.run([*command, page.as_uri()], check=True, capture_output=True, timeout=300)
    with tempfile.TemporaryDirectory() as work:
        soffice(page, "docx:MS Word 2007 XML", TARGET, Path(work, "profile"), "HTML (StarWriter)")
    print(page, pdf, TARGET / f"{STEM}.docx", sep="\n")


if __name__ == "__main__":
    main()
