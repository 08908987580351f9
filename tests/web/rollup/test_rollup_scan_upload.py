"""A unit may upload a scan or a photo of its report: it is read by OCR, the page says so, and the
cells OCR could not read are marked unread, never filled with a guess."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from factories.rollup import PARTS, actions_on, client_for, mini, table_page_png
from xxgk.web.jobs.models import Job
from xxgk.web.jobs.models import Status as JobStatus
from xxgk.web.rollup import services
from xxgk.web.rollup.drafts import OCR_LOST_AFTER
from xxgk.web.rollup.errors import RollupError

Capture = Callable[..., Any]


@pytest.mark.django_db
def test_a_file_named_as_an_image_must_be_one() -> None:
    m = mini()
    item = m.submission(PARTS[0])
    with pytest.raises(RollupError, match="不是 PNG 或 JPEG 图片"):
        services.prepare_file(
            actor=m.supervisor, submission=item, data=b"<html>2025</html>", filename="年报.png"
        )
    item.refresh_from_db()
    assert item.draft is None


@pytest.mark.django_db
def test_a_photo_of_a_table_page_is_read_by_ocr_in_the_background_and_marks_what_it_could_not_read(
    tmp_path: Path, django_capture_on_commit_callbacks: Capture
) -> None:
    m = mini()
    item = m.submission(PARTS[0])
    upload = SimpleUploadedFile(
        "报告第4页.png", table_page_png(tmp_path).read_bytes(), content_type="image/png"
    )
    with django_capture_on_commit_callbacks(execute=True) as queued:  # the job runs when the upload commits
        response = client_for(m.supervisor).post(
            reverse("rollup:upload", args=[item.pk]), {"file": upload}, follow=True
        )
    assert len(queued) == 1
    assert response.status_code == 200
    assert "已转入后台 OCR 识别" in response.content.decode()
    job = Job.objects.get(kind="rollup_ocr", key=str(item.pk))
    assert job.status == JobStatus.SUCCEEDED and job.result["read"]
    assert (job.done, job.total) == (1, 1)  # pages recognised, for the page's progress
    item.refresh_from_db()
    assert item.ocr_file is None and item.ocr_error == ""
    assert item.draft["source_format"] == "scan"
    assert item.draft_filename == "报告第4页.png"
    assert actions_on(item) == ["rollup.ocr_queued", "rollup.prepare"]
    # Printed on the page: 本年新收 自然人 3001, 总计 3119 (hand-read). OCR gives that or nothing.
    new = item.draft["table3"]["new"]
    assert new["natural_person"] in (3001, None)
    assert new["total"] in (3119, None)
    for column in ("natural_person", "total"):
        if new[column] is None:
            assert f"table3.new.{column}" in item.draft_unread
    draft = client_for(m.supervisor).get(reverse("rollup:draft", args=[item.pk])).content.decode()
    assert "扫描件，经 OCR 识别" in draft


@pytest.mark.django_db
def test_while_a_scan_is_being_read_its_page_says_so_and_another_upload_waits(
    tmp_path: Path, django_capture_on_commit_callbacks: Capture
) -> None:
    m = mini()
    item = m.submission(PARTS[0])
    with django_capture_on_commit_callbacks(execute=False):  # queued, no worker has taken it yet
        assert (
            services.prepare_file(
                actor=m.supervisor,
                submission=item,
                data=table_page_png(tmp_path).read_bytes(),
                filename="扫描.png",
            )
            is None
        )
    item.refresh_from_db()
    assert item.ocr_filename == "扫描.png" and item.draft is None
    page = client_for(m.supervisor).get(reverse("rollup:submission", args=[item.pk])).content.decode()
    assert "扫描件「扫描.png」正在后台 OCR 识别（排队中）" in page
    assert 'http-equiv="refresh"' in page
    with pytest.raises(RollupError, match="上一份扫描件正在后台 OCR 识别"):
        services.prepare_file(
            actor=m.supervisor,
            submission=item,
            data=table_page_png(tmp_path).read_bytes(),
            filename="又一份.png",
        )
    # A reading that never finished (its worker killed) gives way to a new upload after a while.
    job = Job.objects.get(kind="rollup_ocr", key=str(item.pk))
    Job.objects.filter(pk=job.pk).update(created_at=timezone.now() - OCR_LOST_AFTER)
    with django_capture_on_commit_callbacks(execute=False):
        services.prepare_file(
            actor=m.supervisor,
            submission=item,
            data=table_page_png(tmp_path).read_bytes(),
            filename="又一份.png",
        )
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    item.refresh_from_db()
    assert item.ocr_filename == "又一份.png"


@pytest.mark.django_db
def test_a_scan_ocr_cannot_read_leaves_the_reason_on_its_page_and_no_draft(
    django_capture_on_commit_callbacks: Capture,
) -> None:
    blank = io.BytesIO()
    Image.new("L", (800, 600), 255).save(blank, format="PNG")
    m = mini()
    item = m.submission(PARTS[0])
    with django_capture_on_commit_callbacks(execute=True):
        services.prepare_file(actor=m.supervisor, submission=item, data=blank.getvalue(), filename="空白.png")
    item.refresh_from_db()
    assert item.draft is None and item.ocr_file is None
    assert item.ocr_error == "无法读取该文件：扫描件中未识别出文字，无法读取"
    assert actions_on(item) == ["rollup.ocr_queued", "rollup.ocr_failed"]
    page = client_for(m.supervisor).get(reverse("rollup:submission", args=[item.pk])).content.decode()
    assert "扫描件「空白.png」未能读取：无法读取该文件：扫描件中未识别出文字" in page
    assert 'http-equiv="refresh"' not in page
