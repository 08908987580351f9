"""In a real browser: a refresh or double click on /apply/ makes one case; the citizen follows a
case through 补正 and 收费 notices to the reply on the tracking page; staff take an application
from intake to the reply. The final pages are kept as screenshots in test-artefacts/."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from support.artefacts import screenshot
from support.browser import case_step, fill_application, log_in, track
from xxgk.web.applications import case_letters, services
from xxgk.web.applications.models import Application
from xxgk.web.demo import load_demo

pytestmark = pytest.mark.browser


def test_refresh_and_double_click_make_one_case(staff_site: Any, browser_page: Any) -> None:
    load_demo()
    base, page = staff_site.url, browser_page
    fill_application(page, base)
    page.get_by_label("身份证明号码").fill("123")
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_load_state()
    assert "居民身份证号码不正确" in page.locator("main").inner_text()
    page.get_by_label("身份证明号码").fill("360902199202023337")
    page.get_by_label("本人承诺所填信息真实有效").check()
    submit = page.get_by_role("button", name="提交申请")
    # Two requests at once need two database connections: the test server's threads share one in-memory
    # SQLite connection, so the double click runs on PostgreSQL; a replayed token is tested on both databases.
    if connection.vendor == "sqlite":
        submit.click()
    else:
        submit.dblclick()
    page.wait_for_selector("#tracking-number")
    number = page.locator("#tracking-number").inner_text()
    secret = page.locator("#tracking-secret").inner_text()
    assert "/apply/submitted/" in page.url  # post/redirect/get: a refresh repeats a GET
    page.reload()
    assert page.locator("#tracking-number").inner_text() == number
    assert page.locator("#tracking-secret").inner_text() == secret
    assert Application.objects.filter(name="赵六").count() == 1


def test_citizen_follows_notices_to_the_reply(staff_site: Any, browser_page: Any) -> None:
    demo = load_demo()
    users, today = demo.users, timezone.localdate()
    base, page = staff_site.url, browser_page
    fill_application(page, base)
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_selector("#tracking-number")
    number = page.locator("#tracking-number").inner_text()
    secret = page.locator("#tracking-secret").inner_text()

    def step(call: Any, **kwargs: Any) -> None:
        case = Application.objects.get(number=number)
        call(application=case, version=case.version, **kwargs)

    step(services.confirm_receipt, actor=users["jgsw_dengji"], received_on=today)
    respond_by = today + timedelta(days=15)
    what = "请写明采购合同的签订单位"
    step(
        services.request_correction, actor=users["jgsw_chengban"], on=today, what=what, respond_by=respond_by
    )
    text = track(page, base, number, secret)
    assert "待补正" in text and "补正申请告知书" in text and f"{respond_by:%Y-%m-%d}前" in text
    with page.expect_download() as download:
        page.get_by_role("button", name="下载补正申请告知书（DOCX）").click()
    assert download.value.suggested_filename == f"补正申请告知书-{number}.docx"

    step(services.receive_correction, actor=users["jgsw_chengban"], on=today)
    # 国办函〔2020〕109号 按量计收: pages 31–100 at 10 yuan: 45 pages → 150 yuan.
    step(services.issue_fee_notice, actor=users["jgsw_chengban"], on=today, method="per_page", quantity=45)
    text = track(page, base, number, secret)
    assert "待缴费" in text and "收费通知书" in text and "150元" in text and "缴费期限" in text
    assert "缴纳方式" in text

    step(services.record_payment, actor=users["jgsw_chengban"], on=today)
    step(services.draft_reply, actor=users["jgsw_chengban"], outcome="granted")
    step(services.review, actor=users["jgsw_shenhe"])
    step(services.approve, actor=users["jgsw_qianfa"])
    step(services.send_reply, actor=users["jgsw_chengban"], on=today)
    text = track(page, base, number, secret)
    assert page.locator("#public-outcome").inner_text() == "予以公开"
    assert "缴费情况" in text and "已于" in text and "向宜春市人民政府申请行政复议" in text
    screenshot(page, "citizen-journey-final")
    subjects = [m.subject for m in mail.outbox if m.to == ["zhaoliu@example.com"]]
    assert len(subjects) == 3 and all(number in s for s in subjects)


def test_staff_take_an_intake_to_the_reply(staff_site: Any, browser_page: Any) -> None:
    demo = load_demo()
    base, page = staff_site.url, browser_page
    log_in(page, base, "jgsw_dengji", demo.password)
    page.goto(f"{base}/staff/applications/new/")
    page.get_by_label("申请渠道").select_option("letter")
    page.get_by_label("申请人类型").select_option("natural_person")
    page.get_by_label("姓名或名称").fill("钱七")
    page.get_by_label("身份证明号码").fill("360902199202023333")  # check character should be 7
    page.get_by_label("联系电话").fill("abc")
    page.get_by_label("所需政府信息的名称、文号或者便于查询的其他特征性描述").fill("2025年公务用车购置合同")
    page.get_by_label("信息的指定提供形式").select_option("paper")
    page.get_by_label("获取信息的方式").select_option("pick_up")
    page.get_by_role("button", name="登记").click()
    page.wait_for_load_state()
    text = page.locator("main").inner_text()
    assert "居民身份证号码不正确" in text and "联系电话不正确" in text
    page.get_by_label("身份证明号码").fill("360902199202023337")
    page.get_by_label("联系电话").fill("138 0795 2222")
    page.get_by_role("button", name="登记").click()
    page.wait_for_selector("#case-state")
    case_url = page.url

    log_in(page, base, "jgsw_chengban", demo.password)
    page.goto(case_url)
    case_step(page, "draft_reply", outcome="partial")
    log_in(page, base, "jgsw_shenhe", demo.password)
    page.goto(case_url)
    case_step(page, "review")
    log_in(page, base, "jgsw_qianfa", demo.password)
    page.goto(case_url)
    case_step(page, "approve")  # refused: the reason is still 【请填写】
    assert "【请填写】" in page.locator("main").inner_text()
    assert page.locator("#case-state").inner_text() == "答复已审核"

    case = Application.objects.get(name="钱七")
    letter = case.letters.get(kind="reply")
    case_letters.edit_letter(
        actor=demo.users["jgsw_chengban"],
        letter=letter,
        version=letter.version,
        body=letter.body.replace("【请填写】", "合同附件含供应商的银行账户信息"),
    )
    page.goto(case_url)
    case_step(page, "approve")
    log_in(page, base, "jgsw_chengban", demo.password)
    page.goto(case_url)
    case_step(page, "send_reply")
    assert page.locator("#case-state").inner_text() == "已答复"
    assert "部分公开" in page.locator("main").inner_text()
    screenshot(page, "staff-journey-final")
