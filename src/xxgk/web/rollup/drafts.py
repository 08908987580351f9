"""A unit's draft before it is submitted: read from a file (DOCX, PDF, a scan read by OCR, HTML,
text or the engine's JSON), started from a report in hand or from the version published on the
platform, and corrected cell by cell.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from xxgk.checks.cells import rows_in_use
from xxgk.parse.detect import read_report, sniff
from xxgk.parse.errors import NeedsOcr, ReportReadError
from xxgk.parse.values import read_cell
from xxgk.report import Report
from xxgk.template import CellKey
from xxgk.template.describe import describe_cell
from xxgk.web.annual.models import PublishedVersion
from xxgk.web.audit.services import record
from xxgk.web.jobs import services as jobs
from xxgk.web.jobs.models import Job
from xxgk.web.jobs.selectors import active_job
from xxgk.web.locking import check_version, save_next_version
from xxgk.web.orgs.actors import Actor, acting_user
from xxgk.web.rollup import audit_codes
from xxgk.web.rollup.errors import RollupError, StaleVersion
from xxgk.web.rollup.models import (
    Status,
    Submission,
)
from xxgk.web.rollup.permissions import (
    require_unit_or_supervisor,
)
from xxgk.web.rollup.selectors import published_version

if TYPE_CHECKING:
    from xxgk.parse.scan import PageProgress

log = logging.getLogger(__name__)

MAX_FILE = 20 * 1024 * 1024


_IMAGES = (".png", ".jpg", ".jpeg")


_ACCEPTED = (".docx", ".pdf", ".html", ".htm", ".shtml", ".txt", ".text", ".md", ".json", *_IMAGES)


def unread_cells(report: Report) -> list[str]:
    """Cells the report's form uses that hold no value ("table3.new.total" …)."""
    keys = []
    for table in report.spec.tables:
        for row in rows_in_use(report, table):
            for col in table.columns_of(row):
                if report.table(table.key)[row.key][col.key] is None:
                    keys.append(str(CellKey(table.key, row.key, col.key)))
    return keys


def _save_draft(submission: Submission, report: Report, **fields: Any) -> None:
    save_next_version(
        submission,
        StaleVersion,
        draft=report.model_dump(mode="json"),
        draft_unread=unread_cells(report),
        **fields,
    )


def prepare_file(
    *, actor: Actor, submission: Submission, data: bytes, filename: str, expected_version: int | None = None
) -> Report | None:
    """Read an uploaded report (DOCX, PDF, HTML, text or the engine's JSON) into the draft; the file
    is kept as the original. A scan or an image is read by OCR in the background (seconds a page,
    more than a web request may take): the file is kept on the submission for the job `rollup_ocr`
    and None returned. Raises RollupError with the reader's Chinese message."""
    require_unit_or_supervisor(actor, submission)
    check_version(submission, expected_version, StaleVersion)
    _refuse_edit_after_review(submission)
    _refuse_second_copy(submission)
    _refuse_while_reading(submission)
    if len(data) > MAX_FILE:
        raise RollupError("文件超过20MB，请压缩图片后重新上传。")
    if not filename.lower().endswith(_ACCEPTED):
        raise RollupError("请上传 DOCX、PDF（含扫描件）、HTML、文本、JSON 格式的年度报告，或 PNG/JPEG 图片。")
    if filename.lower().endswith(_IMAGES) and sniff(data) != "image":
        raise RollupError("该文件不是 PNG 或 JPEG 图片，请上传扫描件或图片原文件。")
    try:
        report = read_report(data, source=filename, ocr=False)
    except NeedsOcr:
        _queue_for_ocr(actor, submission, data, filename)
        return None
    except ReportReadError as exc:
        raise RollupError(f"无法读取该文件：{exc.message_zh}") from None
    return _draft_from_file(actor, submission, report, data, filename)


def _draft_from_file(
    actor: Actor, submission: Submission, report: Report, data: bytes, filename: str, **fields: Any
) -> Report:
    year = submission.campaign.year
    if report.year is not None and report.year != year:
        raise RollupError(f"该文件是{report.year}年度报告，本次报送的是{year}年度报告。")
    report = report.model_copy(update={"year": year, "consolidated": submission.enrolment.consolidates})
    with transaction.atomic():
        _save_draft(
            submission,
            report,
            draft_file=data,
            draft_filename=filename[:200],
            draft_corrected=[],
            draft_published=None,
            **fields,
        )
        record(
            actor=actor,
            action=audit_codes.PREPARE,
            obj=submission,
            organisation=submission.enrolment.anchor,
            after={"source": "file", "filename": filename[:200], "unread": len(submission.draft_unread)},
        )
    return report


OCR_JOB = "rollup_ocr"
# A reading queued or running this long is taken as lost (a worker killed mid-way), and a new upload replaces
# it: the largest scan accepted (60 pages) takes some 10 minutes.
OCR_LOST_AFTER = dt.timedelta(minutes=30)


def ocr_job(submission: Submission) -> Job | None:
    """The background job reading the submission's uploaded scan, while it is queued or running."""
    return active_job(OCR_JOB, str(submission.pk))


def _refuse_while_reading(submission: Submission) -> None:
    """One scan at a time; a reading that never finished is failed, so the new upload is read."""
    job = ocr_job(submission)
    if job is None:
        return
    if timezone.now() - job.created_at < OCR_LOST_AFTER:
        raise RollupError("上一份扫描件正在后台 OCR 识别，请待识别完成（刷新本页查看）后再上传。")
    jobs.fail(job.pk, "识别超时未完成，已由新上传的文件取代")


def _queue_for_ocr(actor: Actor, submission: Submission, data: bytes, filename: str) -> None:
    anchor = submission.enrolment.anchor
    with transaction.atomic():
        save_next_version(submission, StaleVersion, ocr_file=data, ocr_filename=filename[:200], ocr_error="")
        record(
            actor=actor,
            action=audit_codes.OCR_QUEUED,
            obj=submission,
            organisation=anchor,
            after={"filename": filename[:200], "size": len(data)},
        )
        user = acting_user(actor)
        jobs.submit(
            OCR_JOB,
            key=str(submission.pk),
            params={"submission": submission.pk, "actor": user.pk if user else None},
            actor=actor,
            organisation=anchor,
        )


def read_queued_scan(
    submission_id: int, actor_id: int | None, progress: PageProgress | None = None
) -> dict[str, Any]:
    """The job `rollup_ocr`: the submission's uploaded scan read by OCR into the draft, or the reason
    it could not be (kept on the submission for its page), `progress` told of each page read. The
    file leaves the queue either way."""
    from django.contrib.auth import get_user_model

    submission = Submission.objects.select_related("campaign", "enrolment").get(pk=submission_id)
    if submission.ocr_file is None:
        return {"read": False}  # read already (a job run twice)
    data, filename = bytes(submission.ocr_file), submission.ocr_filename
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id is not None else None
    done: dict[str, Any] = {"ocr_file": None, "ocr_filename": "", "ocr_error": ""}
    try:
        _refuse_edit_after_review(submission)
        _refuse_second_copy(submission)
        try:
            report = read_report(data, source=filename, progress=progress)
        except ReportReadError as exc:
            raise RollupError(f"无法读取该文件：{exc.message_zh}") from None
        except Exception:  # a defect must not leave the file queued for ever
            log.exception("OCR of the upload to submission %s failed", submission_id)
            raise RollupError("读取失败（程序内部错误），请将此文件报告给平台管理员。") from None
        _draft_from_file(actor, submission, report, data, filename, **done)
    except RollupError as exc:
        with transaction.atomic():
            Submission.objects.filter(pk=submission_id).update(  # the file's name stays, for its page
                version=F("version") + 1, ocr_file=None, ocr_error=exc.message_zh
            )
            record(
                actor=actor,
                action=audit_codes.OCR_FAILED,
                obj=submission,
                organisation=submission.enrolment.anchor,
                after={"filename": filename, "error": exc.message_zh},
            )
        return {"read": False, "error": exc.message_zh}
    return {"read": True, "unread": len(submission.draft_unread)}


def prepare_from_report(
    *,
    actor: Actor,
    submission: Submission,
    report: Report,
    original: bytes | memoryview | None = None,
    original_name: str = "",
    expected_version: int | None = None,
) -> Report:
    """Start the draft from a report already in hand: the platform's assembled report, or the
    current version (to correct it after a return; its original file is kept)."""
    require_unit_or_supervisor(actor, submission)
    check_version(submission, expected_version, StaleVersion)
    _refuse_edit_after_review(submission)
    _refuse_second_copy(submission)
    # A government's own report is due 3月31日, a unit's 1月31日 (the date rules read this flag).
    report = report.model_copy(update={"consolidated": submission.enrolment.consolidates})
    with transaction.atomic():
        _save_draft(
            submission,
            report,
            draft_file=original,
            draft_filename=original_name,
            draft_corrected=[],
            draft_published=None,
        )
        record(
            actor=actor,
            action=audit_codes.PREPARE,
            obj=submission,
            organisation=submission.enrolment.anchor,
            after={"source": "report", "unread": len(submission.draft_unread)},
        )
    return report


def _refuse_second_copy(submission: Submission) -> None:
    """A unit that published its report on the platform submits that version, never another copy."""
    if published_version(submission) is not None:
        raise RollupError(
            f"本单位{submission.campaign.year}年度报告已在平台公开，报送的须是公开的版本，请选择"
            "「报送平台已公开的版本」；如需更正，请在年度报告中发布更正后重新报送。"
        )


def prepare_from_published(
    *, actor: Actor, submission: Submission, expected_version: int | None = None
) -> PublishedVersion:
    """Start the draft from the version the unit published on the platform (its latest correction);
    the submitted version stays linked to it."""
    require_unit_or_supervisor(actor, submission)
    check_version(submission, expected_version, StaleVersion)
    _refuse_edit_after_review(submission)
    published = published_version(submission)
    if published is None:
        raise RollupError(
            f"本单位{submission.campaign.year}年度报告尚未在平台公开，请先在「年度报告」中发布，或上传文件。"
        )
    report = Report.model_validate(published.report).model_copy(
        update={"consolidated": submission.enrolment.consolidates}
    )
    with transaction.atomic():
        _save_draft(
            submission,
            report,
            draft_file=None,
            draft_filename="",
            draft_corrected=[],
            draft_published=published,
        )
        record(
            actor=actor,
            action=audit_codes.PREPARE,
            obj=submission,
            organisation=submission.enrolment.anchor,
            after={"source": "published", "published": published.pk, "number": published.number},
        )
    return published


def parse_cell(text: str, kind: str) -> int | Decimal | None:
    """A typed cell value as a person types it into the correction form: read by the engine's
    own cell reader (the same blank markers and number forms as a printed report), then held to
    the template: counts whole and ≥ 0, amounts decimal ≥ 0."""
    reading = read_cell(text)
    if reading.kind == "blank":
        return None
    if reading.kind == "overlong":
        raise RollupError(f"「{text.strip()}」位数过多，不是有效数字。")
    if reading.kind == "several":
        raise RollupError(f"「{text.strip()}」含有多个数字，一格只能填一个数。")
    if reading.number is None:
        raise RollupError(f"「{text.strip()}」不是数字。")
    value = reading.number
    if value < 0:
        raise RollupError("数值不能为负数。")
    if kind == "amount":
        return value
    if value != value.to_integral_value():
        raise RollupError(f"件数应为整数：「{text.strip()}」。")
    return int(value)


def correct_draft(
    *, actor: Actor, submission: Submission, cells: Mapping[str, str], expected_version: int | None = None
) -> Report:
    """Change cells of the draft (“table3.new.total” → typed text); all or nothing."""
    require_unit_or_supervisor(actor, submission)
    check_version(submission, expected_version, StaleVersion)
    if submission.draft is None:
        raise RollupError("尚未读取报告，请先上传文件。")
    if submission.draft_published_id is not None:
        raise RollupError(
            "报送的是平台已公开的版本，不能在此修改；如需更正，请在年度报告中发布更正后重新报送。"
        )
    report = Report.model_validate(submission.draft)
    data = report.model_dump()
    changed = []
    errors = []
    for key, text in cells.items():
        try:
            cell = CellKey.parse(key)
            table, row, col = cell.table, cell.row, cell.column
            column = next(
                c
                for c in report.spec.table(table).columns_of(report.spec.table(table).row(row))
                if c.key == col
            )
        except (ValueError, KeyError, StopIteration):
            raise RollupError(f"未知单元格：{key}") from None
        try:
            value = parse_cell(text, column.kind)
        except RollupError as exc:
            errors.append(f"{describe_cell(table, row, col)}：{exc.message_zh}")
            continue
        if data[table][row][col] != value:
            data[table][row][col] = value
            changed.append(key)
    if errors:
        raise RollupError("；".join(errors))
    corrected = Report.model_validate(data)
    with transaction.atomic():
        _save_draft(
            submission, corrected, draft_corrected=sorted(set(submission.draft_corrected) | set(changed))
        )
        if changed:
            record(
                actor=actor,
                action=audit_codes.CORRECT,
                obj=submission,
                organisation=submission.enrolment.anchor,
                after={"cells": changed},
            )
    return corrected


def _refuse_edit_after_review(submission: Submission) -> None:
    if submission.status in {Status.REVIEWED, Status.PUBLISHED}:
        raise RollupError(
            f"报告已{submission.get_status_display()}，不能再修改；如需更正请联系组织机关退回。"
        )
