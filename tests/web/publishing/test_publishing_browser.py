"""A real browser (Debian chromium): an 信息员 registers and drafts a 规范性文件 with its 政策解读,
the reviewers pass every step of the chain, the 规范性文件 is published with its 解读, and the
public finds it through the portal search and sees its metadata block. A draft with an ID
number is blocked."""

from __future__ import annotations

from typing import Any

import pytest

from factories.publications import Agency
from support.browser import PASSWORD, draft_publication, log_in, log_out
from xxgk.web.publishing.chain import DEFAULT_CHAIN
from xxgk.web.publishing.models import Publication, State

pytestmark = pytest.mark.browser


def test_normative_document_from_draft_to_public_search(staff_site: Any, browser_page: Any) -> None:
    agency = Agency()
    users = [agency.drafter, *agency.reviewers]
    for user in users:
        user.set_password(PASSWORD)
        user.save()
    base, page, org = staff_site.url, browser_page, agency.org

    log_in(page, base, agency.drafter.username)
    page.goto(f"{base}/staff/publishing/registry/new/?org={org.pk}")
    page.get_by_label("类别").select_option(label="行政规范性文件")
    page.get_by_label("统一编号").fill("YCJG-2026-007")
    page.get_by_label("名称").fill("宜春市公共机构节能管理办法")
    page.get_by_label("文号").fill("宜机管发〔2026〕7号")
    page.get_by_label("印发日期").fill("2026-03-02")
    page.get_by_label("施行日期").fill("2026-04-01")
    page.get_by_role("button", name="登记").click()
    page.get_by_text("文件已登记。").wait_for()

    draft_publication(
        page,
        base,
        org.pk,
        {
            "名称": "宜春市公共机构节能管理办法",
            "内容概述": "规范公共机构节能管理。",
            "正文": "第一条 为加强公共机构节能管理，制定本办法。",
            "文号": "宜机管发〔2026〕7号",
            "生成日期": "2026-03-02",
        },
        {
            "体裁分类": "行政规范性文件",
            "登记的规章或规范性文件": "宜春市公共机构节能管理办法（宜机管发〔2026〕7号）",
        },
        "行政法规、规章和规范性文件",
    )
    normative = Publication.objects.get(title="宜春市公共机构节能管理办法")
    draft_publication(
        page,
        base,
        org.pk,
        {
            "名称": "《宜春市公共机构节能管理办法》政策解读",
            "内容概述": "解读办法的主要内容。",
            "正文": "一、起草背景。二、主要内容。",
            "生成日期": "2026-03-02",
        },
        {"体裁分类": "政策解读", "解读的文件": "宜春市公共机构节能管理办法"},
        "政策解读",
    )
    interpretation = Publication.objects.get(title="《宜春市公共机构节能管理办法》政策解读")
    for item in (interpretation, normative):
        page.goto(f"{base}/staff/publishing/{item.pk}/")
        page.get_by_role("button", name="提交审核").click()
        page.get_by_text("已提交审核。").wait_for()
    log_out(page)

    # The 解读 passes the chain in the background; the 规范性文件 through the browser.
    agency.approve_all(interpretation)
    for reviewer, step in zip(agency.reviewers, DEFAULT_CHAIN, strict=True):
        log_in(page, base, reviewer.username)
        page.goto(f"{base}/staff/publishing/{normative.pk}/")
        assert page.get_by_role("heading", name=step.name).is_visible()
        for box in page.locator("input[name=checklist]").all():
            box.check()
        page.get_by_label("审核意见").fill("同意。")
        page.get_by_role("button", name="审核通过").click()
        page.get_by_text("已审核通过。").wait_for()
        log_out(page)

    log_in(page, base, agency.drafter.username)
    page.goto(f"{base}/staff/publishing/{normative.pk}/")
    page.get_by_role("button", name="立即发布").click()
    page.get_by_text("已发布。").wait_for()
    normative.refresh_from_db()
    assert normative.state == State.PUBLISHED
    assert Publication.objects.get(pk=interpretation.pk).state == State.PUBLISHED  # 同步发布

    # The public: the column's search by a 文号 fragment, then the detail page.
    page.goto(f"{base}/gk/{org.pk}/")
    page.get_by_label("检索本机关公开信息").fill("〔2026〕7号")
    page.get_by_role("button", name="检索").click()
    results = page.locator(".search-results")
    results.get_by_role("link", name="宜春市公共机构节能管理办法").click()
    metadata = page.get_by_role("table", name="信息元数据")
    assert normative.index_number in metadata.inner_text()
    assert metadata.locator(".validity").inner_text() == "有效"
    assert page.get_by_role("link", name="《宜春市公共机构节能管理办法》政策解读").is_visible()

    # A draft with an ID number cannot be submitted.
    draft_publication(
        page,
        base,
        org.pk,
        {
            "名称": "关于某某同志任职的公示",
            "内容概述": "任前公示。",
            "正文": "张某，身份证号码11010519491231002X，拟任科长。",
            "生成日期": "2026-05-06",
        },
        {"体裁分类": "通知公告"},
        "工作动态",
    )
    page.get_by_role("button", name="提交审核").click()
    alert = page.locator(".messages")
    alert.get_by_text("身份证号码").wait_for()
    assert "11010519491231002X" not in alert.inner_text()
    assert Publication.objects.get(title="关于某某同志任职的公示").state == State.DRAFT
