"""The seed-like report (宜春市机关事务管理中心, 2023, all zeros, short （六）) in every format.

Set XXGK_RENDER_OUT=/some/dir to keep the files (and look at them).
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import docx
import openpyxl
import pytest
from lxml import html as lxml_html

from xxgk.render import FORMATS, render
from xxgk.report import Report


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    kept = os.environ.get("XXGK_RENDER_OUT")
    if kept:
        Path(kept).mkdir(parents=True, exist_ok=True)
        return Path(kept)
    return tmp_path


def test_seed_report_renders_in_every_format(seed_like_report: Report, out_dir: Path) -> None:
    files = {}
    for fmt in FORMATS:
        if fmt == "pdf" and shutil.which("pdftotext") is None:
            continue
        files[fmt] = out_dir / f"seed.{fmt}"
        files[fmt].write_bytes(render(seed_like_report, fmt))

    page = lxml_html.fromstring(files["html"].read_bytes())
    assert page.xpath("string(.//h1)") == "宜春市机关事务管理中心2023年政府信息公开工作年度报告"
    assert page.xpath("string(.//*[@class='xxgk-signature']//time)") == "2023年1月19日"
    assert page.xpath("count(.//table[contains(@class,'xxgk-table3')]//th[.='3.其他'])") == 0
    assert page.xpath("count(.//table[contains(@class,'xxgk-table3')]//th[.='（六）其他处理'])") == 1

    document = docx.Document(io.BytesIO(files["docx"].read_bytes()))
    assert [len(t.rows) for t in document.tables] == [14, 26, 4]

    workbook = openpyxl.load_workbook(files["xlsx"])
    assert len(workbook.sheetnames) == 4

    if "pdf" in files:
        text = subprocess.run(["pdftotext", str(files["pdf"]), "-"], capture_output=True, text=True).stdout
        assert "宜春市机关事务管理中心" in text and "（六）其他处理" in text and "2023年1月19日" in text
