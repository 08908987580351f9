"""A real browser (Debian chromium): the publication chain with attachments, up to the public
download. The 信息员 uploads a fake PDF (refused at once), a wrong file (removed from the draft)
and the right one; the chain reviews, the item is published; a reader finds it in the column by
its 索引号, downloads the file (bytes and headers checked) and sees the emoji of the text drawn
in colour (an emoji font in the portal's stack, not an empty box)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from PIL import Image

from factories.publications import EXE, Agency, pdf_bytes
from support.artefacts import screenshot
from support.browser import PASSWORD, draft_publication, log_in, log_out
from xxgk.web.audit.models import AuditEvent
from xxgk.web.publishing.chain import DEFAULT_CHAIN
from xxgk.web.publishing.models import Publication, State

pytestmark = pytest.mark.browser
NAME = "2026年部门预算公开表.pdf"
TITLE = "关于2026年部门预算公开的通知"


def _upload(page: Any, name: str, content: bytes) -> None:
    page.get_by_label("文件").set_input_files(
        files=[{"name": name, "mimeType": "application/pdf", "buffer": content}]
    )
    page.get_by_role("button", name="上传附件").click()


def _red_pixels(png: bytes) -> int:
    """Pixels of a red apple (🍎): strongly red, not grey like text or an empty box."""
    data = Image.open(io.BytesIO(png)).convert("RGB").tobytes()
    return sum(1 for i in range(0, len(data), 3) if data[i] > 170 and data[i + 1] < 90 and data[i + 2] < 90)


def test_publication_chain_to_public_download(staff_site: Any, browser_page: Any) -> None:
    agency = Agency()
    for user in (agency.drafter, *agency.reviewers):
        user.set_password(PASSWORD)
        user.save()
    base, page, org = staff_site.url, browser_page, agency.org
    content = pdf_bytes()

    log_in(page, base, agency.drafter.username)
    draft_publication(
        page,
        base,
        org.pk,
        {
            "名称": TITLE,
            "内容概述": "公开2026年部门预算。",
            "正文": "预算公开表见附件。丰收🍎",
            "生成日期": "2026-03-02",
        },
        {"体裁分类": "通知公告"},
        "工作动态",
    )
    item = Publication.objects.get(title=TITLE)
    page.goto(f"{base}/staff/publishing/{item.pk}/")

    _upload(page, "通知.pdf", EXE)  # a program named .pdf
    page.locator(".messages").get_by_text("内容与扩展名不符").wait_for()
    assert "Error" not in page.locator(".messages").inner_text()
    _upload(page, "错传的文件.pdf", pdf_bytes())
    page.get_by_text("附件已上传。").wait_for()
    page.get_by_role("button", name="删除附件 错传的文件.pdf").click()
    page.get_by_text("附件「错传的文件.pdf」已删除。").wait_for()
    _upload(page, NAME, content)
    page.get_by_text("附件已上传。").wait_for()
    assert AuditEvent.objects.filter(action="publishing.detach", object_id=str(item.pk)).count() == 1

    page.get_by_role("button", name="提交审核").click()
    page.get_by_text("已提交审核。").wait_for()
    log_out(page)
    for reviewer, step in zip(agency.reviewers, DEFAULT_CHAIN, strict=True):
        log_in(page, base, reviewer.username)
        page.goto(f"{base}/staff/publishing/{item.pk}/")
        assert page.get_by_role("heading", name=step.name).is_visible()
        for box in page.locator("input[name=checklist]").all():
            box.check()
        page.get_by_label("审核意见").fill("同意。")
        page.get_by_role("button", name="审核通过").click()
        page.get_by_text("已审核通过。").wait_for()
        log_out(page)
    log_in(page, base, agency.drafter.username)
    page.goto(f"{base}/staff/publishing/{item.pk}/")
    page.get_by_role("button", name="立即发布").click()
    page.get_by_text("已发布。").wait_for()
    item.refresh_from_db()
    assert item.state == State.PUBLISHED
    log_out(page)

    # The reader: the column's search by the exact 索引号, then the page and its file.
    page.goto(f"{base}/gk/{org.pk}/")
    page.get_by_label("检索本机关公开信息").fill(item.index_number)
    page.get_by_role("button", name="检索").click()
    page.locator(".search-results").get_by_role("link", name=TITLE).click()
    page.get_by_role("heading", name=TITLE).wait_for()
    files = page.locator("ul.attachments")
    assert "错传的文件.pdf" not in files.inner_text()
    link = files.get_by_role("link", name=NAME)
    with page.expect_download() as started:
        link.click()
    download = started.value
    assert download.suggested_filename == NAME
    with open(download.path(), "rb") as saved:
        assert saved.read() == content
    response = page.request.get(base + link.get_attribute("href"))
    assert response.status == 200 and response.body() == content
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith("attachment; filename*=utf-8''2026%E5%B9%B4")

    # The emoji is drawn in colour by an emoji font from the portal's stack.
    family = page.locator(".publication-body").evaluate("e => getComputedStyle(e).fontFamily")
    assert "Noto Color Emoji" in family
    body = page.locator(".publication-body")
    body.evaluate("e => { e.style.fontSize = '48px'; }")
    assert _red_pixels(body.screenshot()) > 100
    body.evaluate("e => { e.style.fontSize = ''; }")
    screenshot(page, "journey-publication-public-download")
