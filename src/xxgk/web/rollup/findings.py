"""Decisions on findings: confirm or dismiss (with a reason), then the rectification steps."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from xxgk.web.audit.services import record
from xxgk.web.locking import check_version, save_next_version
from xxgk.web.orgs.actors import Actor
from xxgk.web.rollup import audit_codes
from xxgk.web.rollup.errors import RollupError, StaleVersion
from xxgk.web.rollup.models import (
    RECTIFICATION_NEXT,
    Rectification,
    Review,
    ReviewFinding,
)
from xxgk.web.rollup.permissions import (
    require_supervisor,
    require_unit_or_supervisor,
)
from xxgk.web.rollup.submission import acting_user, today_or


def decide_finding(
    *,
    actor: Actor,
    finding: ReviewFinding,
    confirm: bool,
    reason: str = "",
    expected_version: int | None = None,
) -> ReviewFinding:
    """Confirm a finding, or dismiss it with a reason (both logged)."""
    require_supervisor(actor, finding.submission.campaign)
    reason = reason.strip()
    if not confirm and not reason:
        raise RollupError("排除检查发现须说明理由。")
    if finding.superseded:
        raise RollupError("该发现属于旧版本报告，已不再适用。")
    check_version(finding, expected_version, StaleVersion)
    with transaction.atomic():
        before = finding.review
        save_next_version(
            finding,
            StaleVersion,
            review=Review.CONFIRMED if confirm else Review.DISMISSED,
            review_reason=reason,
            reviewed_by=acting_user(actor),
            reviewed_at=timezone.now(),
        )
        record(
            actor=actor,
            action=audit_codes.DECIDE_FINDING,
            obj=finding,
            organisation=finding.submission.enrolment.anchor,
            before={"review": before},
            after={"review": finding.review, "code": finding.code, "reason": reason},
        )
    return finding


def advance_rectification(
    *,
    actor: Actor,
    finding: ReviewFinding,
    note: str = "",
    expected_version: int | None = None,
    on: dt.date | None = None,
) -> ReviewFinding:
    """The next step of the rectification of a confirmed finding: 已通知 → 已整改 → 已复核 → 已办结.
    已整改 is the unit's step (it republishes a corrected version); the others are the office's."""
    if finding.review != Review.CONFIRMED:
        raise RollupError("只有已确认的检查发现才进入整改。")
    nxt = RECTIFICATION_NEXT.get(finding.rectification)
    if nxt is None:
        raise RollupError("该发现已办结。")
    if nxt == Rectification.RECTIFIED:
        require_unit_or_supervisor(actor, finding.submission)
    else:
        require_supervisor(actor, finding.submission.campaign)
    check_version(finding, expected_version, StaleVersion)
    day = today_or(on)
    with transaction.atomic():
        before = finding.rectification
        save_next_version(
            finding, StaleVersion, rectification=nxt, rectification_note=note.strip(), rectification_on=day
        )
        record(
            actor=actor,
            action=audit_codes.RECTIFY,
            obj=finding,
            organisation=finding.submission.enrolment.anchor,
            before={"rectification": before},
            after={"rectification": nxt, "note": note.strip(), "on": day.isoformat()},
        )
    return finding
