"""End to end: the real 平潭 pages → read_html → map_document → the figures printed on them."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from forms.expected import GUOZIJU_TABLE2
from support.guanweihui_2024 import TABLE2 as GUANWEIHUI_TABLE2
from support.guanweihui_2024 import TABLE3 as GUANWEIHUI_TABLE3
from support.guanweihui_2024 import TABLE4 as GUANWEIHUI_TABLE4
from support.real_inputs import REPORTS
from xxgk.parse.detect import read_report
from xxgk.parse.errors import ReportReadError
from xxgk.parse.html import read_html
from xxgk.parse.mapper import map_document
from xxgk.report import Report

GUANWEIHUI = REPORTS / "pingtan-2024-guanweihui.html"
GUOZIJU = REPORTS / "pingtan-2023-guoziju.html"


T3_ROWS = {
    "new", "carried_in", "granted", "partial",
    *(f"denied.{k}" for k in ("state_secret", "law_prohibited", "security_stability", "third_party",
                              "internal_affairs", "process_info", "enforcement_file", "inquiry")),
    *(f"unavailable.{k}" for k in ("not_held", "needs_creation", "unclear")),
    *(f"not_processed.{k}" for k in ("petition", "repeat", "publication", "excessive", "confirmation")),
    "other.no_correction", "other.no_fee", "other.other", "other", "total", "carried_out",
}  # fmt: skip
T3_COLUMNS = {
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_service",
    "other_org",
    "total",
}


def assert_table(
    data: dict[str, dict[str, object]], nonzero: dict[tuple[str, str], object], *, skip_rows=()
) -> None:
    """Every cell equals its printed figure: the listed non-zero ones, 0 everywhere else."""
    got = {
        (row, col): value
        for row, cells in data.items()
        if row not in skip_rows
        for col, value in cells.items()
    }
    assert set(nonzero) <= set(got)
    assert {k: v for k, v in got.items() if v != 0} == nonzero
    assert all(v == 0 and v is not None for k, v in got.items() if k not in nonzero)


def assert_guanweihui(report: Report) -> None:
    assert report.template == "2021"
    assert report.year == 2024
    assert report.organization == "平潭综合实验区"
    assert report.consolidated  # the 实验区's own report, compiled by the 管委会
    assert report.title == "平潭综合实验区2024年度政府信息公开工作年度报告"
    assert report.signed_on is None  # the page prints no signing date
    assert report.other_row == "split"
    assert set(report.table3) == T3_ROWS
    assert all(set(cells) == T3_COLUMNS for cells in report.table3.values())
    assert_table(report.table2, GUANWEIHUI_TABLE2)
    assert report.table2["fees"]["amount"] == Decimal("18651.06")
    assert_table(report.table3, GUANWEIHUI_TABLE3, skip_rows=("other",))
    # （六） printed as three sub-rows: the short row is absent (null), never invented.
    assert set(report.table3["other"].values()) == {None}
    assert_table(report.table4, GUANWEIHUI_TABLE4)
    assert set(report.table4) == {"review", "suit_direct", "suit_after_review"}
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert report.sections[5].text == "2024年，无收取信息处理费情况。"


def test_guanweihui_page() -> None:
    report = map_document(read_html(GUANWEIHUI.read_bytes(), source=GUANWEIHUI.name))
    assert_guanweihui(report)
    assert report.source_format == "html"
    assert report.source == GUANWEIHUI.name


def test_guanweihui_page_through_read_report() -> None:
    report = read_report(GUANWEIHUI.read_bytes(), GUANWEIHUI.name)
    assert_guanweihui(report)


def assert_guoziju(report: Report) -> None:
    assert report.template == "2021"  # although its preamble cites 国办公开办函〔2019〕60号
    assert report.year == 2023
    assert report.organization == "平潭综合实验区国有资产管理局"
    assert not report.consolidated  # a department of the 实验区
    assert report.signed_on == dt.date(2024, 1, 26)
    assert report.other_row == "split"
    assert_table(report.table2, GUOZIJU_TABLE2)
    assert report.table2["fees"]["amount"] == 0
    assert_table(report.table3, {}, skip_rows=("other",))
    assert set(report.table3["other"].values()) == {None}
    assert_table(report.table4, {})
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]


def test_guoziju_page() -> None:
    assert_guoziju(map_document(read_html(GUOZIJU.read_bytes(), source=GUOZIJU.name)))


def test_guoziju_page_in_gbk() -> None:
    text = GUOZIJU.read_bytes().decode("utf-8")
    text = re.sub(
        r'<meta charset="[^"]*"', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"', text
    )
    assert_guoziju(read_report(text.encode("gb18030"), "gbk.html"))


@pytest.mark.parametrize(
    "data",
    [
        b"<html><body><p>\xe4\xbd\xa0\xe5\xa5\xbd</p><table><tr><td>1</td><td>2</td></tr></table></body></html>",
        bytes(range(256)) * 4,
    ],
)
def test_pages_that_are_not_reports_are_refused_by_the_mapper(data: bytes) -> None:
    with pytest.raises(ReportReadError) as caught:
        map_document(read_html(data))
    assert "不是" in caught.value.message_zh


@pytest.mark.parametrize(
    "head",
    [
        "",
        "<title>平潭综合实验区党工委管委会</title>",
        "<title>政府信息公开年报_平潭综合实验区党工委管委会</title>",
    ],
    ids=["no title", "the site's name", "the column's and the site's name"],
)
def test_a_page_whose_title_tag_names_no_report_takes_its_title_from_the_heading_above_the_body(
    head: str,
) -> None:
    """A page saved without its `<head>` (or a fragment, pandoc's Markdown of it) or whose `<title>`
    is the site's name still prints the report's title above the article: year, organisation and
    title are read from there, and nothing else above the body is taken into the report."""
    page = GUANWEIHUI.read_text(encoding="utf-8")
    changed = re.sub(r"<title>.*?</title>", head, page, flags=re.S)
    assert changed != page
    original = read_report(page.encode(), source="page.html")
    report = read_report(changed.encode(), source="page.html")
    assert (report.year, report.organization, report.title) == (2024, "平潭综合实验区", original.title)
    assert report.preamble == original.preamble
    assert "P-TITLE-MISSING" not in {f.code for f in report.findings}
