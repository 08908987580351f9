"""A real browser, the whole annual-report journey of an agency: enter table 二's figures and the
texts of a year not yet published (draft), publish it, correct it, and see both versions on the
portal; the final page is kept as a screenshot in test-artefacts/."""

from __future__ import annotations

from typing import Any

import pytest

from support.artefacts import screenshot
from xxgk.web.annual.models import PublishedVersion
from xxgk.web.demo import load_demo

pytestmark = pytest.mark.browser

YEAR = 2023  # the demo publishes 2024 and 2025: 2023 starts as a draft


def test_draft_publish_correct_and_read_on_the_portal(staff_site: Any, browser_page: Any) -> None:
    context = load_demo()
    org = context.orgs["jgsw"]
    assert not PublishedVersion.objects.filter(organisation=org, year=YEAR).exists()
    page, base = browser_page, staff_site.url
    page.goto(f"{base}/staff/login/")
    page.get_by_label("用户名").fill("jgsw_qianfa")
    page.get_by_label("密码").fill(context.password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/staff/")

    page.goto(f"{base}/staff/annual/{org.pk}/{YEAR}/")
    page.get_by_role("link", name="年度统计数据（表二）").click()
    for name, value in (("licensing", "15"), ("penalty", "0"), ("coercion", "0"), ("fees", "0")):
        page.locator(f'input[name="{name}"]').fill(value)
    page.get_by_role("button", name="保存", exact=True).click()
    page.get_by_text("年度统计数据已保存。").wait_for()

    page.get_by_role("link", name="编辑文字与落款日期").click()
    page.get_by_label("五、存在的主要问题及改进情况").fill(f"{YEAR}年，本中心政务公开专栏更新还不够及时。")
    page.locator('input[name="signed_on"]').fill(f"{YEAR + 1}-01-18")
    page.get_by_role("button", name="保存草稿").click()
    page.get_by_text("草稿已保存。").wait_for()

    page.get_by_role("button", name="发布").click()
    override = page.locator('textarea[name="override_reason"]')
    if override.count():  # the checks found an error: the approver publishes with a reason
        override.fill("演示数据，经核对无误")
        page.get_by_role("button", name="发布").click()
    page.get_by_text(f"{YEAR}年度报告已发布（第1版）。").wait_for()

    page.get_by_role("link", name="编辑文字与落款日期").click()
    page.get_by_label("五、存在的主要问题及改进情况").fill(
        f"{YEAR}年，本中心政务公开专栏更新还不够及时，解读形式较单一。"
    )
    page.get_by_role("button", name="保存草稿").click()
    page.get_by_text("草稿已保存。").wait_for()
    page.get_by_label("更正原因").fill("补充存在的问题")
    page.get_by_role("button", name="发布").click()
    page.get_by_text(f"{YEAR}年度更正版本已发布（第2版）。").wait_for()
    assert [v.number for v in PublishedVersion.objects.filter(organisation=org, year=YEAR)] == [2, 1]

    page.goto(f"{base}/reports/{org.pk}/{YEAR}/")
    page.wait_for_load_state("load")
    assert "补充存在的问题" in page.locator("#corrections ~ ul").first.inner_text()
    assert "解读形式较单一" in page.locator(".xxgk-report").inner_text()
    screenshot(page, "journey-annual-draft-publish-correct")
