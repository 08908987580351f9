"""A PDF whose prose is a text layer and whose tables are pictures: the pages holding the pictures are
read by OCR, the tables' cells are the source's or null with a finding; without OCR (a web request)
it needs OCR, as a scan does, instead of being read to "tables not printed"."""

from __future__ import annotations

from pathlib import Path

import pytest

from forms.expected import EXPECTED
from forms.scans import compare
from support.real_inputs import DATA, REPORTS
from xxgk.checks import run_checks
from xxgk.parse import ocr
from xxgk.parse.detect import read_report
from xxgk.parse.errors import NeedsOcr

PICTURED = Path(__file__).resolve().parents[1] / "data" / "pictured" / "pingtan-2024-guanweihui-chromium.pdf"
STEM = "pingtan-2024-guanweihui"
TABLE_PAGES = [4, 5, 6, 7]


def test_without_ocr_it_needs_ocr_naming_the_pages_of_pictures() -> None:
    with pytest.raises(NeedsOcr) as caught:
        read_report(PICTURED.read_bytes(), source=PICTURED.name, ocr=False)
    assert "第4、5、6、7页的表格以图片形式印出" in caught.value.message_zh


def test_a_pdf_whose_tables_are_text_is_never_read_by_ocr(monkeypatch) -> None:
    # Pictures beside tables of text (a site's logo, a QR code) send nothing to OCR.
    monkeypatch.setattr(ocr, "recognise", None)
    for path in sorted(REPORTS.glob("*.pdf")) + sorted((DATA / "forms").glob("*/*.pdf")):
        report = read_report(path.read_bytes(), source=path.name)
        assert "P-TABLES-PICTURED" not in {f.code for f in report.findings} and not report.read_by_ocr


def test_the_pictured_tables_are_read_by_ocr_as_printed_or_null_with_a_finding() -> None:
    report = read_report(PICTURED.read_bytes(), source=PICTURED.name)
    outcome = compare(report, STEM)
    assert outcome.wrong == []
    assert outcome.unexplained == []
    assert outcome.share_read >= 0.95, outcome
    assert (report.year, report.organization) == (EXPECTED[STEM].year, EXPECTED[STEM].organization)
    (pictured,) = [f for f in report.findings if f.code == "P-TABLES-PICTURED"]
    assert pictured.severity == "info" and pictured.place.page == TABLE_PAGES[0]
    assert report.source_format == "pdf" and report.read_by_ocr  # the CLI says so
    # Every value comes from a page read by OCR, the prose from the text layer.
    assert {where.page for where in report.provenance.values()} <= set(TABLE_PAGES)
    assert "TABLE-ROWS-MISSING" not in {f.code for f in run_checks(report)}
