"""Text pulled out of a printed report keeps its page furniture: page numbers (`-3-`) between the
rows of a table and, for a web page, the site's footer after the signing date. Neither is read as
part of the report."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support.layouts import write
from xxgk.parse.detect import read_report
from xxgk.parse.furniture import (
    BROWSER_FOOTER,
    BROWSER_HEADER,
    PAGE_NUMBER_IN_FRONT,
    is_decorated_page_number,
)
from xxgk.sample import balanced_report

FOOTER = "\n".join(
    [
        "",
        "附件下载",
        "网站标识码：3590000001  公安备案号：35012899001-19002",
        "版权所有：示例市人民政府网站",
        "",
    ]
)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), mark=st.sampled_from(["-{}-", "- {} -", "— {} —", "第{}页"]))
def test_page_numbers_between_rows_are_no_rows(seed: int, mark: str) -> None:
    report = balanced_report(random.Random(seed), year=2024, template="2021", other_row="split")
    lines = write(report, "spaces", random.Random(seed)).split("\n")
    rng = random.Random(seed)
    start = next(i for i, line in enumerate(lines) if line.startswith("二、"))
    end = next(i for i, line in enumerate(lines) if line.startswith("五、"))
    for page, at in enumerate(sorted(rng.sample(range(start + 2, end), 3), reverse=True), start=2):
        lines.insert(at, "      " + mark.format(page))
    parsed = read_report("\n".join(lines).encode(), source="pulled.txt")
    assert (parsed.table2, parsed.table3, parsed.table4) == (report.table2, report.table3, report.table4)
    assert "P-ROW-UNKNOWN" not in {f.code for f in parsed.findings}


def test_the_site_footer_after_the_signing_date_is_not_the_report() -> None:
    report = balanced_report(random.Random(3), year=2024, template="2021", other_row="split")
    text = write(report, "spaces", random.Random(3))
    plain = read_report(text.encode(), source="report.txt")
    printed = read_report((text + FOOTER).encode(), source="page.txt")
    assert plain.signed_on is not None
    assert printed.signed_on == plain.signed_on
    assert printed.sections[-1].text == plain.sections[-1].text


def test_what_is_a_page_number_and_what_a_count() -> None:
    for mark in ("-3-", " - 3 - ", "— 12 —", "第3页", "第 3 页", "3/12", "\f-2-"):
        assert is_decorated_page_number(mark), mark
    for count in ("3", "-3", "+3", "30", "-", "1.5", "2024年"):
        assert not is_decorated_page_number(count), count


def test_a_page_number_in_front_of_the_next_pages_first_row_is_dropped_from_it() -> None:
    """Text pulled from a PDF by position puts a page's footer on the next page's first line."""

    def in_front(text: str) -> str:
        found = PAGE_NUMBER_IN_FRONT.match(text)
        return text[: found.end()] if found else ""

    assert in_front("   - 3 -        2.没有现成信息需要另行制作    1   0") == "   - 3 -        "
    assert in_front("- 3 -信息内容             本年处理决定数量") == "- 3 -"
    assert in_front("— 12 —   行政处罚   0") == "— 12 —   "
    # Counts printed with dashes for blank cells, a negative count, a label: no page number.
    for text in ("-  3  -  5", "-3 行政处罚", "- 3 - 5", "3.补正后申请内容仍不明确 0 0 0"):
        assert in_front(text) == "", text


@pytest.mark.parametrize(
    "line",
    [
        "12/5/26, 5:48 AM                    平潭综合实验区2024年度政府信息公开工作年度报告_政府信息公开年报",
        "12/5/26,5:48AM平潭综合实验区2024年度政府信息公开工作年度报告",  # a PDF line, spaces not printed
        "2026/12/5 05:48   洪泽区2024年政府信息公开工作年度报告",
        "2025/1/15 下午3:05  政府信息公开年报",
    ],
)
def test_a_browsers_date_and_time_at_the_top_of_a_printed_page_is_furniture(line: str) -> None:
    assert BROWSER_HEADER.match(line)


@pytest.mark.parametrize(
    "line",
    [
        "file:///work/main/tests/data/reports/pingtan-2024-guanweihui.html                      1/8",
        "https://www.pingtan.gov.cn/zfxxgk/t20250310_123.html  12/12",
        "file:///x/report.html3/9",
    ],
)
def test_a_browsers_address_and_page_number_at_the_bottom_is_furniture(line: str) -> None:
    assert BROWSER_FOOTER.match(line)


@pytest.mark.parametrize(
    "line",
    [
        "2025年1月20日",
        "2025-01-20",
        "2024年，全区政府信息公开工作",
        "12/5/26",
        "时间：2025-03-10 15:35",
        "1/8",
        "详见 https://www.pingtan.gov.cn/ 网站",
        "行政许可  4529  12/5",
    ],
)
def test_report_lines_are_no_browser_furniture(line: str) -> None:
    assert not BROWSER_HEADER.match(line) and not BROWSER_FOOTER.match(line)
