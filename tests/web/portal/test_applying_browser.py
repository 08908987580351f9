"""In a real browser: the public applies on /apply/, staff take the case to a reply, the public
reads the result with the tracking secret, and a wrong secret shows nothing."""

from __future__ import annotations

from typing import Any

import pytest

from xxgk.web.demo import load_demo

pytestmark = pytest.mark.browser

AGENCY = "宜春市机关事务管理中心"


def _log_in(page: Any, base: str, username: str, password: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/staff/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/staff/")


def _step(page: Any, transition: str, **selects: str) -> None:
    form = page.locator(f'form[data-transition="{transition}"]')
    for name, value in selects.items():
        form.locator(f'select[name="{transition}-{name}"]').select_option(value)
    form.get_by_role("button").click()
    page.wait_for_load_state()
    assert "已完成" in page.locator(".messages").inner_text()


def test_public_applies_staff_reply_public_reads_it(staff_site: Any, browser_page: Any) -> None:
    demo = load_demo()
    base, page = staff_site.url, browser_page

    page.goto(f"{base}/apply/")
    page.get_by_label("向哪个机关申请").select_option(label=AGENCY)
    page.get_by_label("申请人类型").select_option("natural_person")
    page.get_by_label("姓名或名称").fill("赵六")
    page.get_by_label("身份证明号码").fill("360902199202023337")
    page.get_by_label("联系电话").fill("13807952222")
    page.get_by_label("电子邮箱").fill("zhaoliu@example.com")
    page.get_by_label("所需政府信息的名称、文号或者便于查询的其他特征性描述").fill("2025年机关食堂采购合同")
    page.get_by_label("信息的指定提供形式").select_option("electronic")
    page.get_by_label("获取信息的方式").select_option("email")
    page.get_by_label("本人承诺所填信息真实有效").check()
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_selector("#tracking-number")
    number = page.locator("#tracking-number").inner_text()
    secret = page.locator("#tracking-secret").inner_text()

    _log_in(page, base, "jgsw_chengban", demo.password)
    page.goto(f"{base}/staff/applications/?list=submitted")
    page.get_by_role("link", name=number).click()
    assert "赵六" in page.locator("main").inner_text()  # the handling agency sees the applicant
    _step(page, "confirm_receipt")
    assert page.locator("#case-state").inner_text() == "办理中"
    _step(page, "draft_reply", outcome="granted")
    case_url = page.url

    _log_in(page, base, "jgsw_shenhe", demo.password)
    page.goto(case_url)
    _step(page, "review")
    _log_in(page, base, "jgsw_qianfa", demo.password)
    page.goto(case_url)
    _step(page, "approve")
    _log_in(page, base, "jgsw_chengban", demo.password)
    page.goto(case_url)
    _step(page, "send_reply")
    assert page.locator("#case-state").inner_text() == "已答复"
    assert page.locator("#case-outcome").inner_text() == "（一）予以公开"

    page.context.clear_cookies()
    page.goto(f"{base}/apply/track/")
    page.get_by_label("受理编号").fill(number)
    page.get_by_label("查询码").fill(secret)
    page.get_by_role("button", name="查询").click()
    page.wait_for_selector("#public-outcome")
    assert page.locator("#public-outcome").inner_text() == "予以公开"
    assert "第三十六条第（二）项" in page.locator("#reply-body").inner_text()

    page.goto(f"{base}/apply/track/")
    page.get_by_label("受理编号").fill(number)
    page.get_by_label("查询码").fill(secret[:-1] + ("A" if secret[-1] != "A" else "B"))
    page.get_by_role("button", name="查询").click()
    page.wait_for_load_state()
    body = page.locator("main").inner_text()
    assert "受理编号或查询码不正确。" in body
    assert "予以公开" not in body and "赵" not in body
