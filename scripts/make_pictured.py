"""Builds tests/data/pictured: a saved report page whose tables are pasted as pictures of themselves,
printed to PDF, as agencies publish reports whose tables were pasted into the document as images.

    uv run --frozen python scripts/make_pictured.py

Chromium (through Playwright, headless) photographs each innermost <table> of the page at twice its
size, the page is saved with each such table replaced by its picture, and Chromium prints it to PDF
(`--print-to-pdf`, blank margins). The prose stays a text layer; the tables are in the images only.
"""

from __future__ import annotations

import base64
import re
import subprocess
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests" / "data" / "reports" / "pingtan-2024-guanweihui.html"
TARGET = ROOT / "tests" / "data" / "pictured" / "pingtan-2024-guanweihui-chromium.pdf"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
_TABLE = re.compile(r"(<table\b.*?</table>)", re.S | re.I)


def pictures_of_tables(page: Path) -> list[str]:
    """A PNG (base64) of each table holding no other table, in document order."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_page(device_scale_factor=2, viewport={"width": 900, "height": 1200})
        tab.goto(page.as_uri())
        tables = tab.locator("table")
        shots = [
            base64.b64encode(tables.nth(i).screenshot()).decode()
            for i in range(tables.count())
            if not tables.nth(i).locator("table").count()
        ]
        browser.close()
    return shots


def main() -> None:
    shots = iter(pictures_of_tables(SOURCE))
    html = SOURCE.read_text(encoding="utf-8")
    parts = []
    for part in _TABLE.split(html):
        innermost = part[:6].lower() == "<table" and "<table" not in part[6:].lower()
        parts.append(
            f'<img style="width:100%" src="data:image/png;base64,{next(shots)}">' if innermost else part
        )
    with tempfile.TemporaryDirectory() as tmp:
        pictured = Path(tmp, "pictured.html")
        pictured.write_text("".join(parts), encoding="utf-8")
        command = [
            CHROMIUM,
            "--headless",
            *CHROMIUM_ARGS,
            "--no-pdf-header-footer",
            f"--print-to-pdf={TARGET}",
        ]
        subprocess.run([*command, pictured.as_uri()], check=True, capture_output=True, timeout=300)
    print(TARGET)


if __name__ == "__main__":
    main()
