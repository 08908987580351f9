"""A consultation journey in real Chromium: a citizen asks on the portal, staff answer, the citizen
reads the answer; a phone question logged by staff becomes an application with its own receipt date;
the counts appear in section 一 of the annual draft."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone
from playwright.sync_api import expect

from support.browser import log_in
from xxgk.web.annual.assembly import assembled_report
from xxgk.web.applications.models import Application
from xxgk.web.consultations.models import Consultation, Status
from xxgk.web.demo import DemoContext
from xxgk.web.orgs.demo import load as load_orgs

pytestmark = pytest.mark.browser
AGENCY = "宜春市机关事务管理中心"


def _orgs() -> DemoContext:
    context = DemoContext()
    with transaction.atomic():
        load_orgs(context)
    return context


def test_ask_answer_read_and_convert_a_phone_question(staff_site: Any, browser: Any) -> None:
    context = _orgs()
    url = staff_site.url
    citizen = browser.new_context(locale="zh-CN").new_page()
    citizen.goto(f"{url}/ask/")
    citizen.get_by_label("向哪个机关咨询").select_option(label=AGENCY)
    citizen.get_by_label("咨询内容").fill("公务用车管理办法在哪里公开？")
    citizen.get_by_label("联系电话").fill("13812345678")
    citizen.get_by_role("button", name="提交咨询").click()
    number = citizen.locator("#tracking-number").inner_text()
    secret = citizen.locator("#tracking-secret").inner_text()

    staff = browser.new_context(locale="zh-CN").new_page()
    log_in(staff, url, "jgsw_chengban", context.password)
    assert "待答复：1 件" in staff.locator(".widget", has_text="咨询答复待办").inner_text()
    staff.goto(f"{url}/staff/consultations/")
    staff.get_by_role("link", name=number).click()
    assert "13812345678" in staff.locator("dl.card").inner_text()  # the agency's own staff see it
    staff.get_by_label("答复内容").fill("已在本机关政府信息公开专栏“法定主动公开内容”栏目公开。")
    staff.get_by_role("button", name="答复").click()
    assert "已答复" in staff.locator(".messages").inner_text()

    citizen.goto(f"{url}/ask/track/")
    citizen.get_by_label("咨询编号").fill(number)
    citizen.get_by_label("查询码").fill(secret)
    citizen.get_by_role("button", name="查询").click()
    assert citizen.locator("#public-state").inner_text() == "已答复"
    assert "法定主动公开内容" in citizen.locator("#answer-body").inner_text()

    # A phone question three days ago, converted today: the application's receipt date is today's.
    today = timezone.localdate()
    asked_on = today - timedelta(days=3)
    staff.goto(f"{url}/staff/consultations/new/")
    staff.get_by_label("咨询渠道").select_option(label="电话")
    staff.get_by_label("收到咨询日期").fill(asked_on.isoformat())
    staff.get_by_label("咨询内容").fill("想要机关公务接待费的明细。")
    staff.get_by_label("姓名或称呼").fill("吴先生")
    staff.get_by_role("button", name="登记").click()
    assert "已登记" in staff.locator(".messages").inner_text()
    convert = staff.locator("form", has=staff.get_by_role("button", name="转为申请"))
    convert.get_by_label("申请渠道").select_option(label="当面")
    convert.get_by_label("姓名或名称").fill("吴先生")
    convert.get_by_label("身份证明号码").fill("360902199001010011")
    convert.get_by_label("联系电话").fill("13900000000")
    convert.get_by_label("所需政府信息的名称、文号或者便于查询的其他特征性描述").fill("机关公务接待费明细")
    convert.get_by_label("获取信息的方式").select_option(label="当面领取")
    convert.get_by_role("button", name="转为申请").click()
    # The form comes back with the error: wait for the reloaded page, not the one being left.
    expect(staff.locator(".field-error", has_text="请先由申请人确认申请内容")).to_be_visible()
    convert = staff.locator("form", has=staff.get_by_role("button", name="转为申请"))
    convert.get_by_label("申请人已确认以上申请内容（第二十九条）").check()
    convert.get_by_label("身份证明号码").fill("360902199001010011")
    convert.get_by_role("button", name="转为申请").click()
    staff.wait_for_url("**/staff/applications/*/")
    assert "已转为政府信息公开申请" in staff.locator(".messages").inner_text()
    question = Consultation.objects.get(question="想要机关公务接待费的明细。")
    assert staff.get_by_role("link", name=question.number).is_visible()  # the link back

    question.refresh_from_db()
    application = Application.objects.get(consultation=question)
    assert question.status == Status.CONVERTED and question.received_on == asked_on
    assert application.received_on == today
    section = assembled_report(context.orgs["jgsw"], today.year).section(1).text
    assert f"{today.year}年，本机关共受理政府信息公开咨询" in section
    assert "已答复1件，已转为依申请公开1件" in section
