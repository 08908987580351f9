"""End to end on the real PDF reports (洪泽区 2023 and 2024, 淮安市 2024).

Expected values (files in tests/data) were read off the rendered pages (`pdftoppm -png`), not from the parser.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from test_text_reports import CLEAN_INPUT_FORBIDDEN, HEADINGS_2021, assert_tables, codes, nz

from real_inputs import REPORTS
from xxgk.parse.detect import read_report, read_report_file
from xxgk.parse.errors import ReportReadError

HONGZE_2023 = REPORTS / "hongze-2023-qzf.pdf"
HONGZE_2024 = REPORTS / "hongze-2024-qzf.pdf"
HUAIAN_2024 = REPORTS / "huaian-2024-szf.pdf"


def block(upheld: int = 0, corrected: int = 0, other: int = 0, pending: int = 0, total: int = 0) -> dict:
    return {"upheld": upheld, "corrected": corrected, "other": other, "pending": pending, "total": total}


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
    assert_tables(
        report,
        {
            "table2": {
                "normative_documents": {"repealed": 5, "in_force": 5},
                "licensing": {"decisions": 550},
                "penalty": {"decisions": 4119},
                "coercion": {"decisions": 195},
                "fees": {"amount": Decimal("7730.28")},
            },
            "table3": {
                "new": nz(21),
                "partial": nz(4),
                "denied.state_secret": nz(1),
                "denied.process_info": nz(1),
                "denied.enforcement_file": nz(1),
                "unavailable.not_held": nz(10),
                "unavailable.needs_creation": nz(3),
                "not_processed.petition": nz(1),
                "total": nz(21),
            },
            # The page prints 10 · 1 · 0 · 0 · 总计 0 under 行政复议 and 5 · 0 · 0 · 0 · 总计 0 under
            # 复议后起诉: the agency's totals are wrong, and they are read as printed.
            "table4": {"review": block(upheld=10, corrected=1), "suit_after_review": block(upheld=5)},
        },
    )
    assert not codes(report) & (CLEAN_INPUT_FORBIDDEN | {"P-RUN-TOGETHER"})


def test_hongze_2024() -> None:
    report = read_report_file(HONGZE_2024)
    assert report.year == 2024
    assert report.organization == "淮安市洪泽区人民政府"
    assert report.signed_on is None
    assert report.other_row == "short"
    assert [s.heading for s in report.sections] == HEADINGS_2021
    assert_tables(
        report,
        {
            "table2": {
                "normative_documents": {"issued": 3, "in_force": 8},
                "licensing": {"decisions": 9487},
                "penalty": {"decisions": 2776},
                "coercion": {"decisions": 84},
                "fees": {"amount": Decimal("7545")},
            },
            "table3": {
                "new": nz(95),
                "granted": nz(50),
                "partial": nz(9),
                "denied.security_stability": nz(1),
                "denied.process_info": nz(1),
                "denied.enforcement_file": nz(1),
                "unavailable.not_held": nz(31),
                "unavailable.needs_creation": nz(1),
                "not_processed.petition": nz(1),
                "total": nz(95),
            },
            "table4": {
                "review": block(upheld=1, corrected=1, total=2),
                "suit_direct": block(upheld=1, total=1),
                "suit_after_review": block(upheld=2, other=1, total=3),
            },
        },
    )
    assert not codes(report) & (CLEAN_INPUT_FORBIDDEN | {"P-RUN-TOGETHER"})


def test_huaian_2024() -> None:
    report = read_report_file(HUAIAN_2024)
    assert report.year == 2024
    assert report.organization == "淮安市人民政府"
    assert report.consolidated
    assert report.signed_on is None
    assert report.other_row == "split"
    assert [s.heading for s in report.sections] == HEADINGS_2021
    assert_tables(
        report,
        {
            "table2": {
                "regulations": {"issued": 1, "in_force": 11},
                "normative_documents": {"issued": 8, "repealed": 26, "in_force": 66},
                "licensing": {"decisions": 447228},
                "penalty": {"decisions": 3985758},
                "coercion": {"decisions": 88283},
                "fees": {"amount": Decimal("96171.6")},
            },
            "table3": {
                "new": nz(3001, commercial=53, legal_service=61, other_org=4),
                "carried_in": nz(34),
                "granted": nz(1288, commercial=21, legal_service=50, other_org=3),
                "partial": nz(447, commercial=7),
                "denied.state_secret": nz(2),
                "denied.law_prohibited": nz(30, commercial=1),
                "denied.security_stability": nz(5),
                "denied.third_party": nz(6),
                "denied.internal_affairs": nz(7, commercial=1),
                "denied.process_info": nz(12),
                "denied.enforcement_file": nz(9),
                "denied.inquiry": nz(105),
                "unavailable.not_held": nz(746, commercial=12, legal_service=10, other_org=1),
                "unavailable.needs_creation": nz(11),
                "unavailable.unclear": nz(1),
                "not_processed.petition": nz(56, commercial=6),
                "not_processed.repeat": nz(25),
                "not_processed.confirmation": nz(1),
                "other.no_correction": nz(67, commercial=3, legal_service=1),
                "other.no_fee": nz(6),
                "other.other": nz(108, commercial=2),
                "total": nz(2932, commercial=53, legal_service=61, other_org=4),
                "carried_out": nz(103),
            },
            "table4": {
                "review": block(72, 64, 178, 37, 351),
                "suit_direct": block(13, 4, 8, 1, 26),
                "suit_after_review": block(12, 1, 1, 6, 20),
            },
        },
    )
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
