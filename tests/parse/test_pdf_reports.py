"""End to end on the real PDF reports (洪泽区 2023 and 2024, 淮安市 2024).

Expected values (tests/forms/expected.py) were read off the rendered pages (`pdftoppm -png`), not from the parser.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from forms.expected import EXPECTED
from support.real_inputs import REPORTS
from support.report_asserts import CLEAN_INPUT_FORBIDDEN, HEADINGS_2021, assert_tables, codes
from xxgk.parse.detect import read_report, read_report_file
from xxgk.parse.errors import ReportReadError

HONGZE_2023 = REPORTS / "hongze-2023-qzf.pdf"
HONGZE_2024 = REPORTS / "hongze-2024-qzf.pdf"
HUAIAN_2024 = REPORTS / "huaian-2024-szf.pdf"


def test_hongze_2023() -> None:
    report = read_report_file(HONGZE_2023)
    assert report.source_format == "pdf"
    assert report.template == "2021"
    assert report.year == 2023
    assert report.organization == "洪泽区人民政府"
    assert report.consolidated
    # The report ends with section 六; it prints no date of signing.
    assert report.signed_on is None
    assert report.other_row == "short"
    assert [s.heading for s in report.sections] == HEADINGS_2021
    assert_tables(report, EXPECTED["hongze-2023-qzf"].nonzero)
    assert not codes(report) & (CLEAN_INPUT_FORBIDDEN | {"P-RUN-TOGETHER"})


def test_hongze_2024() -> None:
    report = read_report_file(HONGZE_2024)
    assert report.year == 2024
    assert report.organization == "淮安市洪泽区人民政府"
    assert report.signed_on is None
    assert report.other_row == "short"
    assert [s.heading for s in report.sections] == HEADINGS_2021
    assert_tables(report, EXPECTED["hongze-2024-qzf"].nonzero)
    assert not codes(report) & (CLEAN_INPUT_FORBIDDEN | {"P-RUN-TOGETHER"})


def test_huaian_2024() -> None:
    report = read_report_file(HUAIAN_2024)
    assert report.year == 2024
    assert report.organization == "淮安市人民政府"
    assert report.consolidated
    assert report.signed_on is None
    assert report.other_row == "split"
    assert [s.heading for s in report.sections] == HEADINGS_2021
    assert_tables(report, EXPECTED["huaian-2024-szf"].nonzero)
    assert not codes(report) & (CLEAN_INPUT_FORBIDDEN | {"P-RUN-TOGETHER"})


@pytest.mark.parametrize("path", [HONGZE_2023, HONGZE_2024, HUAIAN_2024], ids=lambda p: p.stem)
def test_values_point_to_their_page(path: Path) -> None:
    report = read_report_file(path)
    pages = {p.page for p in report.provenance.values()}
    assert pages and None not in pages
    assert report.provenance["table2.licensing.decisions"].page in (2, 3)


def test_damaged_pdf_is_a_read_error() -> None:
    data = HONGZE_2023.read_bytes()
    with pytest.raises(ReportReadError) as caught:
        read_report(data[:2000], source="cut.pdf")
    assert caught.value.message_zh
