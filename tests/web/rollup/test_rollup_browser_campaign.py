"""A real browser: the supervisor opens the 2025 board, sees the late unit in red, opens a unit's
findings and returns the report with a reason; the office corrects it for the unit (off the
platform) and resubmits; the supervisor generates the consolidated report and the 通报, downloads
both, and the final page is kept as a screenshot in test-artefacts/."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from playwright.sync_api import expect

from support.artefacts import screenshot
from support.browser import log_in
from xxgk.web.demo import load_demo
from xxgk.web.rollup import demo as rollup_demo

pytestmark = pytest.mark.browser

RED = "rgb(180, 35, 24)"  # --error of the staff stylesheet


def _docx_text(path: Path) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(path.read_bytes())).paragraphs)


def test_return_correct_resubmit_consolidate_and_notice(
    staff_site: Any, browser_page: Any, tmp_path: Path
) -> None:
    context = load_demo()
    page = browser_page
    log_in(page, staff_site.url, "zwgk_jiandu", context.password)

    page.get_by_role("navigation", name="主导航").get_by_role("link", name="年报报送").click()
    page.get_by_role("row", name="2025年度").get_by_role("link", name="报送情况").click()
    page.wait_for_url("**/campaigns/*/")
    page.wait_for_load_state("load")  # the stylesheet too, before reading a computed colour
    assert "2025年度政府信息公开工作年度报告报送情况" in page.locator("h1").inner_text()
    late = page.locator(f'tr[data-unit="{rollup_demo.LATE}"]')
    assert "late" in (late.get_attribute("class") or "")
    assert late.get_by_role("link", name=rollup_demo.LATE).evaluate("e => getComputedStyle(e).color") == RED
    assert "晚于报送时限" in late.inner_text()

    page.get_by_role("link", name=rollup_demo.CARRY_OVER_BREAK, exact=True).click()
    page.wait_for_url("**/submissions/*/")
    findings = page.locator("#findings ~ article.finding")
    assert "X-CARRY-OVER" in " ".join(findings.all_inner_texts())
    page.get_by_label("退回理由").fill(
        "表三「二、上年结转」与2024年度报告「结转下年度继续办理」不一致，请更正后重新报送。"
    )
    page.get_by_role("button", name="退回", exact=True).click()
    expect(page.locator("#status")).to_have_text("退回")
    # The unit is off the platform: the office corrects its figures on its behalf.
    page.reload()
    assert "退回理由：表三「二、上年结转」" in page.get_by_role("alert").inner_text()
    page.get_by_role("button", name="在第1版基础上更正").click()
    page.wait_for_url("**/draft/")
    for row in ("carried_in", "carried_out"):
        for col in ("natural_person", "total"):
            field = page.locator(f'input[name="cell:table3.{row}.{col}"]')
            field.fill(str(int(field.input_value()) - rollup_demo.CARRY_OVER_GAP))
    page.get_by_role("button", name="确认并报送").click()
    page.wait_for_url("**/submissions/*/")
    expect(page.locator("#status")).to_have_text("已报")
    assert "X-CARRY-OVER" not in page.locator("main").inner_text()
    page.get_by_role("button", name="退出登录").click()

    log_in(page, staff_site.url, "zwgk_jiandu", context.password)
    page.goto(f"{staff_site.url}/staff/rollup/")
    page.get_by_role("row", name="2025年度").get_by_role("link", name="报送情况").click()
    page.get_by_label("汇总政府").select_option(label=rollup_demo.CITY)
    page.get_by_role("button", name="生成汇总年度报告").click()
    expect(page.locator(".messages")).to_contain_text("已生成宜春市人民政府汇总年度报告")
    with page.expect_download() as consolidated:
        page.get_by_role("link", name="下载DOCX").last.click()
    report_path = tmp_path / consolidated.value.suggested_filename
    consolidated.value.save_as(report_path)
    assert report_path.suffix == ".docx" and "宜春市人民政府" in report_path.name
    assert "汇总说明" in _docx_text(report_path)

    page.get_by_role("button", name="生成通报稿").click()
    expect(page.locator(".messages")).to_contain_text("已生成通报稿")
    with page.expect_download() as notice:
        page.get_by_role("link", name="下载通报稿（DOCX）").click()
    notice_path = tmp_path / "notice.docx"
    notice.value.save_as(notice_path)
    text = _docx_text(notice_path)
    assert "通报" in text and rollup_demo.LATE in text and rollup_demo.COPIED_PAIR[1] in text

    page.get_by_role("link", name="指标与图表").click()
    page.wait_for_url("**/indicators/")
    page.wait_for_load_state("load")
    assert page.evaluate("typeof Chart") == "function"  # served from the app's static files
    assert page.locator("#chart-distribution").evaluate("c => c.width > 0")
    assert "（予以公开 + 部分公开）÷ 办理结果总计" in page.locator("main").inner_text()
    screenshot(page, "journey-supervisor-indicators")
    page.go_back()
    page.wait_for_load_state("load")
    assert "下载通报稿（DOCX）" in page.locator("main").inner_text()
    screenshot(page, "journey-supervisor-campaign-notice")
