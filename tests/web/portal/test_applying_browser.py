"""In a real browser: the public applies on /apply/, staff take the case to a reply, the public
reads the result with the tracking secret, and a wrong secret shows nothing."""

from __future__ import annotations

from typing import Any

import pytest

from support.browser import case_step, fill_application, log_in
from xxgk.web.demo import load_demo

pytestmark = pytest.mark.browser


def test_public_applies_staff_reply_public_reads_it(staff_site: Any, browser_page: Any) -> None:
    demo = load_demo()
    base, page = staff_site.url, browser_page

    fill_application(page, base)
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_selector("#tracking-number")
    number = page.locator("#tracking-number").inner_text()
    secret = page.locator("#tracking-secret").inner_text()

    log_in(page, base, "jgsw_chengban", demo.password)
    page.goto(f"{base}/staff/applications/?list=submitted")
    page.get_by_role("link", name=number).click()
    assert "赵六" in page.locator("main").inner_text()  # the handling agency sees the applicant
    case_step(page, "confirm_receipt")
    assert "已完成" in page.locator(".messages").inner_text()
    assert page.locator("#case-state").inner_text() == "办理中"
    case_step(page, "draft_reply", outcome="granted")
    assert "已完成" in page.locator(".messages").inner_text()
    case_url = page.url

    log_in(page, base, "jgsw_shenhe", demo.password)
    page.goto(case_url)
    case_step(page, "review")
    assert "已完成" in page.locator(".messages").inner_text()
    log_in(page, base, "jgsw_qianfa", demo.password)
    page.goto(case_url)
    case_step(page, "approve")
    assert "已完成" in page.locator(".messages").inner_text()
    log_in(page, base, "jgsw_chengban", demo.password)
    page.goto(case_url)
    case_step(page, "send_reply")
    assert "已完成" in page.locator(".messages").inner_text()
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
