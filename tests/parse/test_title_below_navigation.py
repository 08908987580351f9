"""A report printed from a website starts with the site's navigation; its title, year and
organisation are read from the first line below it that is a title and nothing else, never from a
breadcrumb, a link to another report, or a line after the first section."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from xxgk.parse.detect import read_report
from xxgk.report import Report

BODY = "一、总体情况\n本机关依法做好政府信息公开工作。\n二、主动公开政府信息情况\n"
NAVIGATION = "国务院 省政府 省人大\n首页\n政务公开\n• 政府信息公开年报\n请输入搜索内容\n"


def _read(text: str) -> Report:
    return read_report(text.encode("utf-8"), source="page.txt")


def test_the_title_below_the_navigation() -> None:
    report = _read(NAVIGATION + "平潭综合实验区国有资产管理局 2023 年度政府信息公开工作年度报告\n" + BODY)
    assert (report.year, report.organization) == (2023, "平潭综合实验区国有资产管理局")
    assert "P-TITLE-MISSING" not in {f.code for f in report.findings}


def test_a_title_wrapped_before_its_year_takes_the_organisation_above() -> None:
    report = _read(NAVIGATION + "平潭综合实验区\n2024年政府信息公开工作年度报告\n" + BODY)
    assert (report.year, report.organization) == (2024, "平潭综合实验区")


def test_a_breadcrumb_or_a_link_naming_a_report_is_not_the_title() -> None:
    report = _read(
        NAVIGATION
        + "首页 > 2022年度政府信息公开工作年度报告 > 正文\n"
        + "本机关2021年政府信息公开工作年度报告（点击查看）\n"
        + BODY
        + "相关阅读\n某局2020年政府信息公开工作年度报告\n"
    )
    assert report.year is None and report.organization is None
    assert "P-TITLE-MISSING" in {f.code for f in report.findings}


_NAV_LINE = st.text(
    alphabet=st.sampled_from("首页政务公开解读回应办事服务互动交流•>|登录注册 APP"), min_size=1, max_size=30
)


@given(navigation=st.lists(_NAV_LINE, max_size=40), year=st.integers(2008, 2030))
def test_any_navigation_above_the_title_leaves_the_year_and_organisation(
    navigation: list[str], year: int
) -> None:
    text = "\n".join(navigation) + f"\n宜春市机关事务管理中心{year}年政府信息公开工作年度报告\n" + BODY
    report = _read(text)
    assert (report.year, report.organization) == (year, "宜春市机关事务管理中心")


def test_a_title_with_the_breadcrumbs_last_item_or_the_articles_metadata_on_its_line() -> None:
    """Text pulled from a printed page by position runs a line's neighbours onto the title: the
    site's column of annual reports before it, the article's source and time after it."""
    for line in (
        "政府信息公开年报平潭综合实验区2024年度政府信息公开工作年度报告",
        "平潭综合实验区2024年度政府信息公开工作年度报告来源： 时间：2025-03-10 15:35",
        "   政府信息公开年报 平潭综合实验区2024年度政府信息公开工作年度报告  发布时间：2025-03-10",
    ):
        report = _read(NAVIGATION + line + "\n" + BODY)
        assert (report.year, report.organization) == (2024, "平潭综合实验区"), line
        assert report.title == "平潭综合实验区2024年度政府信息公开工作年度报告", line


def _one_line(text: str) -> str:
    """A page's text joined with spaces into one line (BeautifulSoup's `get_text(" ", strip=True)`)."""
    return " ".join(line.strip() for line in text.split("\n") if line.strip())


def test_the_title_inside_a_page_run_together_into_one_line() -> None:
    title = "平潭综合实验区国有资产管理局2023年度政府信息公开工作年度报告"
    page = _one_line(
        NAVIGATION + "当前位置： 首页 政府信息公开年报\n" + title + "\n来源： 时间：2024-01-26\n" + BODY * 8
    )
    report = _read(page)
    assert (report.year, report.organization, report.title) == (2023, "平潭综合实验区国有资产管理局", title)
    assert "P-TITLE-MISSING" not in {f.code for f in report.findings}


def test_a_breadcrumb_naming_a_report_in_a_page_run_together_is_not_the_title() -> None:
    page = _one_line(NAVIGATION * 3 + "首页 > 某局2022年度政府信息公开工作年度报告 > 正文\n" + BODY * 8)
    report = _read(page)
    assert report.year is None and report.organization is None
