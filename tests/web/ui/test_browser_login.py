"""A real browser (Debian chromium) logs in as a demo user, sees the Chinese dashboard, logs out."""

from __future__ import annotations

from typing import Any

import pytest

from xxgk.web.demo import load_demo

pytestmark = pytest.mark.browser


def test_demo_user_logs_in_sees_the_dashboard_and_logs_out(staff_site: Any, browser_page: Any) -> None:
    context = load_demo()
    page = browser_page
    page.goto(f"{staff_site.url}/")
    page.get_by_role("link", name="工作人员入口").click()
    page.wait_for_url("**/staff/login/**")
    assert page.locator("h1").inner_text() == "工作人员登录"
    page.get_by_label("用户名").fill("jgsw_chengban")
    page.get_by_label("密码").fill(context.password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/staff/")
    assert page.locator("h1").inner_text() == "工作台"
    assert page.get_by_role("heading", name="我的机关与角色").is_visible()
    assert "宜春市机关事务管理中心：承办" in page.locator(".widget").first.inner_text()
    assert page.get_by_role("navigation", name="主导航").get_by_role("link", name="机关").is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") != (
        "rgba(0, 0, 0, 0)"
    ), "the project's stylesheet is served"
    page.get_by_role("button", name="退出登录").click()
    page.wait_for_url("**/staff/login/")
    assert page.locator("h1").inner_text() == "工作人员登录"
