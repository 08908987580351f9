"""A real browser: the supervising office uploads a photo of a unit's table page for a unit that has not
reported; the page says the file is being read by OCR in the background and refreshes itself; once a worker
(here the test itself) has read it, the page offers the draft, which says its figures were read by OCR, with
what OCR could not read left for a person."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from factories.rollup import table_page_png
from support.browser import log_in
from xxgk.web.demo import load_demo
from xxgk.web.jobs import services as jobs
from xxgk.web.jobs.models import Job, Status
from xxgk.web.jobs.tasks import run_job

pytestmark = pytest.mark.browser

UNIT = "宜春市应急管理局"  # not submitted in the demo's 2025 campaign


def test_a_photo_of_a_report_page_is_read_by_ocr_in_the_background_and_the_draft_says_so(
    staff_site: Any, browser_page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photo = table_page_png(tmp_path, "第4页")
    queued: list[int] = []
    monkeypatch.setattr(jobs, "dispatch", queued.append)  # no worker until the test plays one
    context = load_demo()
    page = browser_page
    log_in(page, staff_site.url, "zwgk_jiandu", context.password)
    page.goto(f"{staff_site.url}/staff/rollup/")
    page.get_by_role("row", name="2025年度").get_by_role("link", name="报送情况").click()
    page.get_by_role("link", name=UNIT, exact=True).click()
    page.wait_for_url("**/submissions/*/")
    page.get_by_label("年度报告文件").set_input_files(str(photo))
    page.get_by_role("button", name="上传并读取").click()
    expect(page.locator(".messages")).to_contain_text("已转入后台 OCR 识别")
    expect(page.locator("#ocr-status")).to_contain_text("扫描件「第4页.png」正在后台 OCR 识别（排队中）")
    job = Job.objects.get(kind="rollup_ocr")
    assert job.pk in queued and job.status == Status.QUEUED
    run_job.apply(args=[job.pk])  # the worker
    # The page refreshes itself every 10 seconds while the scan is read.
    page.get_by_role("link", name="继续核对并报送").click(timeout=30_000)
    page.wait_for_url("**/draft/")
    assert (
        "已读取文件「第4页.png」（扫描件，经 OCR 识别；识别把握不足的数字未填入）"
        in page.locator(".lead").inner_text()
    )
    # Printed on the page: 本年新收 自然人 3001 (hand-read). OCR gives that or leaves the cell for a person.
    cell = page.locator('input[name="cell:table3.new.natural_person"]')
    assert cell.input_value() in ("3001", "")
