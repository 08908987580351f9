"""A submission's status moves, each a transition of `transitions.py` run by name: 报送 (a new
version, checked at once), 退回 with a reason, 已审 and 已发布. Each records its `StatusChange` and
its audit event in the same transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from xxgk.web.audit.services import record
from xxgk.web.locking import check_version, save_next_version
from xxgk.web.orgs.actors import Actor
from xxgk.web.rollup import selectors
from xxgk.web.rollup import transitions as tr
from xxgk.web.rollup.drafts import MAX_FILE
from xxgk.web.rollup.errors import RollupError, StaleVersion
from xxgk.web.rollup.models import ReportVersion, Review, Source, Status, StatusChange, Submission
from xxgk.web.rollup.permissions import require_supervisor, require_unit_or_supervisor
from xxgk.web.rollup.rechecks import run_checks_on
from xxgk.web.statemachine import Transition


def today_or(on: dt.date | None) -> dt.date:
    return on or timezone.localdate()


def acting_user(actor: Actor) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def _allow(name: str, submission: Submission, actor: Actor, expected_version: int | None) -> Transition:
    """The transition `name`, refused unless `actor` may take it now: role, then status, then version."""
    transition = tr.BY_NAME[name]
    tr.check(transition, submission, actor)
    check_version(submission, expected_version, StaleVersion)
    return transition


def _record_move(
    submission: Submission,
    transition: Transition,
    *,
    actor: Actor,
    before: str,
    day: dt.date,
    reason: str | None = None,
    **after: Any,
) -> None:
    if reason is not None:
        after["reason"] = reason
    StatusChange.objects.create(
        submission=submission,
        from_status=before,
        to_status=submission.status,
        reason=reason or "",
        on=day,
        actor=acting_user(actor),
    )
    record(
        actor=actor,
        action=transition.audit_action,
        obj=submission,
        organisation=submission.enrolment.anchor,
        before={"status": before},
        after={"status": submission.status, **after, "on": day.isoformat()},
    )


def submit(
    *,
    actor: Actor,
    submission: Submission,
    scan: bytes | None = None,
    scan_name: str = "",
    expected_version: int | None = None,
    on: dt.date | None = None,
) -> ReportVersion:
    """Submit the draft as the next version (status 已报) and run every check on it."""
    transition = _allow("submit", submission, actor, expected_version)
    report = selectors.draft_report(submission)
    if report is None:
        raise RollupError("尚未读取报告，请先上传文件或从平台数据生成。")
    if scan is not None and len(scan) > MAX_FILE:
        raise RollupError("盖章扫描件超过20MB。")
    day = today_or(on)
    with transaction.atomic():
        number = submission.versions.count() + 1
        version = ReportVersion.objects.create(
            submission=submission,
            number=number,
            source=Source.FILE if submission.draft_file else Source.PLATFORM,
            report=report.model_dump(mode="json"),
            original=submission.draft_file,
            original_name=submission.draft_filename,
            scan=scan,
            scan_name=scan_name[:200],
            corrected=submission.draft_corrected,
            published=submission.draft_published,
            created_by=acting_user(actor),
        )
        before = submission.status
        save_next_version(
            submission,
            StaleVersion,
            status=transition.target,
            current=version,
            submitted_on=day,
            first_submitted_on=submission.first_submitted_on or day,
            draft=None,
            draft_file=None,
            draft_filename="",
            draft_unread=[],
            draft_corrected=[],
            draft_published=None,
        )
        _record_move(submission, transition, actor=actor, before=before, day=day, version=number)
        run_checks_on(submission, version)
    return version


def _move(
    name: str,
    submission: Submission,
    *,
    actor: Actor,
    reason: str = "",
    expected_version: int | None,
    on: dt.date | None,
    dated: str,
) -> Submission:
    """Run the transition `name` on `submission`, setting its date field `dated` to the day."""
    transition = _allow(name, submission, actor, expected_version)
    day = today_or(on)
    with transaction.atomic():
        before = submission.status
        save_next_version(submission, StaleVersion, status=transition.target, **{dated: day})
        _record_move(submission, transition, actor=actor, before=before, day=day, reason=reason)
    return submission


def return_report(
    *,
    actor: Actor,
    submission: Submission,
    reason: str,
    expected_version: int | None = None,
    on: dt.date | None = None,
) -> Submission:
    """Send the report back to the unit (退回) with the reason it must correct."""
    require_supervisor(actor, submission.campaign)
    reason = reason.strip()
    if not reason:
        raise RollupError("退回须填写理由。")
    return _move(
        "return",
        submission,
        actor=actor,
        reason=reason,
        expected_version=expected_version,
        on=on,
        dated="returned_on",
    )


def approve(
    *, actor: Actor, submission: Submission, expected_version: int | None = None, on: dt.date | None = None
) -> Submission:
    """已审: refused while a table error is neither dismissed nor superseded."""
    require_supervisor(actor, submission.campaign)
    blocking = submission.findings.filter(superseded=False, blocks_review=True).exclude(
        review=Review.DISMISSED
    )
    if submission.status == Status.SUBMITTED and blocking.exists():
        raise RollupError(
            f"尚有{blocking.count()}项表格错误未排除，不能审核通过；请退回单位更正，或逐项排除并说明理由。"
        )
    return _move(
        "approve", submission, actor=actor, expected_version=expected_version, on=on, dated="reviewed_on"
    )


def mark_published(
    *, actor: Actor, submission: Submission, expected_version: int | None = None, on: dt.date | None = None
) -> Submission:
    """已发布: the unit has published the reviewed report (recorded by the unit or the office). For
    a version that is a platform publication the date is the annual app's, not a second record."""
    require_unit_or_supervisor(actor, submission)
    if submission.current is not None and submission.current.published_id is not None:
        on = selectors.publication_of(submission).published_on
    return _move(
        "publish", submission, actor=actor, expected_version=expected_version, on=on, dated="published_on"
    )
