"""A real browser: an approver corrects the demo's published 2025 report from the staff pages,
follows a number to its cases, and the public sees the new version with its 更正说明."""

from __future__ import annotations

from typing import Any

import pytest

from xxgk.web.demo import load_demo

pytestmark = pytest.mark.browser


def test_correct_a_published_report_and_see_it_on_the_portal(staff_site: Any, browser_page: Any) -> None:
    context = load_demo()
    org = context.orgs["jgsw"]
    page, base = browser_page, staff_site.url
    page.goto(f"{base}/staff/login/")
    page.get_by_label("用户名").fill("jgsw_qianfa")
    page.get_by_label("密码").fill(context.password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/staff/")

    page.get_by_role("navigation", name="主导航").get_by_role("link", name="年度报告").click()
    page.get_by_role("row", name="宜春市机关事务管理中心").get_by_role("link", name="已发布").nth(0).click()
    page.wait_for_url(f"**/staff/annual/{org.pk}/2025/")
    assert page.locator("h1").inner_text() == "宜春市机关事务管理中心2025年政府信息公开工作年度报告"

    # Drill-down: 本年新收 · 总计 lists the cases it counts.
    new_total = page.locator("#table3 ~ table tbody tr").first.locator("td").last
    count = new_total.inner_text()
    new_total.get_by_role("link").click()
    assert page.locator("h1").inner_text().endswith(f"：{count}件")
    assert page.locator("tbody tr").count() == int(count)
    page.go_back()

    page.get_by_role("link", name="编辑文字与落款日期").click()
    page.get_by_label("五、存在的主要问题及改进情况").fill("2025年，本机关依申请公开答复文书仍需规范。")
    page.get_by_role("button", name="保存草稿").click()
    page.get_by_text("草稿已保存。").wait_for()
    page.get_by_label("更正原因").fill("补充第五部分内容")
    page.get_by_role("button", name="发布").click()
    page.get_by_text("2025年度更正版本已发布（第2版）。").wait_for()

    page.goto(f"{base}/reports/")
    page.get_by_role("row", name="宜春市机关事务管理中心").get_by_role("link", name="2025年度").click()
    corrections = page.locator("#corrections ~ ul").first
    assert "补充第五部分内容" in corrections.inner_text()
    assert "「五、存在的主要问题及改进情况」部分文字有修改" in corrections.inner_text()
    assert "依申请公开答复文书仍需规范" in page.locator(".xxgk-report").inner_text()
