"""PDF: WeasyPrint with an embedded CJK font; the Chinese comes back out of the PDF (no boxes)."""

from __future__ import annotations

import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from xxgk.render.document import report_title
from xxgk.render.pdf import find_cjk_fonts, font_face_css, render_pdf
from xxgk.sample import balanced_report

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None, reason="需要 poppler-utils"
)


@pytest.fixture(scope="module")
def pdf_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    report = balanced_report(random.Random(5), year=2023)
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    path.write_bytes(render_pdf(report))
    return path, report


def _text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_chinese_title_labels_and_numbers_come_back(pdf_file: tuple[Path, object]) -> None:
    path, report = pdf_file
    text = _text(path)
    flat = re.sub(r"\s+", "", text)
    assert re.sub(r"\s+", "", report_title(report)) in flat
    for label in (
        "本年新收政府信息公开申请数量",
        "第二十条第（一）项",
        "申请人情况",
        "法人或其他组织",
        "行政诉讼",
    ):
        assert label in flat
    new = [str(v) for v in report.table3["new"].values()]
    line = next(line for line in text.splitlines() if "本年新收政府信息公开申请数量" in line)
    assert line.split()[-7:] == new
    assert "2024年1月" in flat or str(report.signed_on.year) in flat
    assert "\ufffd" not in text


def test_fonts_are_embedded(pdf_file: tuple[Path, object]) -> None:
    path, _ = pdf_file
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows)


def test_first_page_rasterises(pdf_file: tuple[Path, object], tmp_path: Path) -> None:
    path, _ = pdf_file
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")], check=True
    )
    (png,) = tmp_path.glob("p*.png")
    assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 10_000


def test_font_faces_point_at_installed_cjk_fonts() -> None:
    fonts = find_cjk_fonts()
    assert fonts.serif.file.exists() and fonts.sans.file.exists()
    css = font_face_css(fonts)
    assert '"xxgk-serif"' in css and f'local("{fonts.serif.postscript_name}")' in css
