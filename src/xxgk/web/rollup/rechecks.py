"""The checks of submitted reports and their stored findings: on submission, on demand for one
submission, and for a whole campaign in one pass; decisions already taken carry over.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from xxgk.checks.campaign import copied_across_units
from xxgk.findings import Finding
from xxgk.report import Report
from xxgk.web.audit.services import record
from xxgk.web.orgs.actors import Actor
from xxgk.web.rollup import audit_codes, checking, selectors
from xxgk.web.rollup.errors import RollupError
from xxgk.web.rollup.models import (
    Campaign,
    Enrolment,
    ReportVersion,
    Review,
    ReviewFinding,
    Status,
    Submission,
)
from xxgk.web.rollup.permissions import (
    require_supervisor,
)


def inputs_for(submission: Submission, report: Report) -> tuple[checking.Inputs, dict[int, Report]]:
    """What the checks need from the database: last year's report of the unit, the parts of a
    consolidating unit (and which are missing); and the campaign's other reports, by submission."""
    enrolment = submission.enrolment
    previous = (
        Submission.objects.filter(
            enrolment__unit=enrolment.unit, enrolment__year=enrolment.year - 1, current__isnull=False
        )
        .select_related("current")
        .first()
    )
    children = missing = None
    if enrolment.consolidates:
        children, missing = {}, []
        for child in Enrolment.objects.filter(parent=enrolment.unit, year=enrolment.year).select_related(
            "unit"
        ):
            part = selectors.part_of(child)
            if part is None:
                missing.append(child.unit.name)
            else:
                children[child.unit.name] = Report.model_validate(part.current_version.report)
    others = {
        s.pk: Report.model_validate(s.current_version.report)
        for s in Submission.objects.filter(campaign=submission.campaign, current__isnull=False)
        .exclude(pk=submission.pk)
        .select_related("current")
    }
    inputs = checking.Inputs(
        report=report,
        key=submission.pk,
        previous=Report.model_validate(previous.current_version.report) if previous else None,
        children=children,
        missing=tuple(missing or ()),
    )
    return inputs, others


def run_checks_on(submission: Submission, version: ReportVersion) -> list[ReviewFinding]:
    """Check `version` and store its findings; the submission's earlier findings are superseded,
    and a decision already taken on the same finding (same rule, place and message) carries over."""
    report = Report.model_validate(version.report)
    inputs, others = inputs_for(submission, report)
    copied = copied_across_units({**others, submission.pk: report}, keys=[submission.pk])
    outcome = checking.check(inputs, copied=copied.pop(submission.pk))
    stored = _replace_findings({submission.pk: (submission, version, outcome)})
    _mirror_copied(copied)
    return stored


def _replace_findings(
    checked: Mapping[int, tuple[Submission, ReportVersion, checking.Outcome]],
) -> list[ReviewFinding]:
    """Supersede the submissions' findings by the new ones, carrying decisions over; bulk writes."""
    current = ReviewFinding.objects.filter(submission_id__in=list(checked), superseded=False)
    earlier = {
        (f.submission_id, f.code, _place_key(f.place), f.message): f
        for f in current.exclude(review=Review.OPEN)
    }
    current.update(superseded=True)
    stored, versions, now = [], [], timezone.now()
    for submission, version, outcome in checked.values():
        for found in outcome.findings:
            stored.append(_stored(submission, version, found, earlier))
        version.passed_rules, version.checked_at = outcome.passed, now
        versions.append(version)
    ReviewFinding.objects.bulk_create(stored, batch_size=1000)
    ReportVersion.objects.bulk_update(versions, ["passed_rules", "checked_at"], batch_size=1000)
    return stored


_CARRIED = ("review", "review_reason", "reviewed_by", "reviewed_at", "rectification", "rectification_note")


def _stored(
    submission: Submission, version: ReportVersion, found: Finding, earlier: Mapping
) -> ReviewFinding:
    data = found.to_dict()
    decided = earlier.get((submission.pk, found.code, _place_key(data["place"]), found.message_zh))
    return ReviewFinding(
        submission=submission,
        report_version=version,
        code=found.code,
        severity=found.severity,
        verdict=checking.verdict(found),
        message=found.message_zh,
        place=data["place"],
        expected=_jsonable(data["expected"]),
        actual=_jsonable(data["actual"]),
        blocks_review=checking.blocks_review(found),
        **({name: getattr(decided, name) for name in _CARRIED} if decided else {}),
    )


def recheck_campaign(*, actor: Actor, campaign: Campaign) -> int:
    """Check every submitted report of the campaign again in one pass (after late submissions, or
    a change of the rules): each unit's rules, last year's report, its parts, copied text across
    all units. Returns the number of findings."""
    require_supervisor(actor, campaign)
    submissions = list(
        Submission.objects.filter(campaign=campaign, current__isnull=False)
        .select_related("current", "enrolment", "enrolment__unit")
        .defer("draft", "draft_file", "draft_unread", "draft_corrected")
    )
    reports = {s.pk: Report.model_validate(s.current_version.report) for s in submissions}
    by_unit = {s.enrolment.unit_id: s.pk for s in submissions}
    previous = {
        unit_id: Report.model_validate(report)
        for unit_id, report in Submission.objects.filter(
            enrolment__unit_id__in=list(by_unit), enrolment__year=campaign.year - 1, current__isnull=False
        ).values_list("enrolment__unit_id", "current__report")
    }
    parts: dict[int, list[tuple[str, int]]] = {}
    for child in Enrolment.objects.filter(year=campaign.year, parent__isnull=False).select_related("unit"):
        assert child.parent_id is not None  # filtered on parent__isnull=False
        parts.setdefault(child.parent_id, []).append((child.unit.name, child.unit_id))
    copied = copied_across_units(reports)
    checked = {}
    # A returned report is being corrected: not a part of its parent's report meanwhile.
    counted = {s.enrolment.unit_id: s.pk for s in submissions if s.status != Status.RETURNED}
    for s in submissions:
        children = missing = None
        if s.enrolment.consolidates:
            kids = parts.get(s.enrolment.unit_id, [])
            children = {name: reports[counted[uid]] for name, uid in kids if uid in counted}
            missing = tuple(name for name, uid in kids if uid not in counted)
        inputs = checking.Inputs(
            report=reports[s.pk],
            key=s.pk,
            previous=previous.get(s.enrolment.unit_id),
            children=children,
            missing=missing or (),
        )
        checked[s.pk] = (s, s.current_version, checking.check(inputs, copied=copied.get(s.pk, [])))
    with transaction.atomic():
        stored = _replace_findings(checked)
        record(
            actor=actor,
            action=audit_codes.RECHECK,
            obj=campaign,
            organisation=campaign.office,
            after={"submissions": len(checked), "findings": len(stored)},
        )
    return len(stored)


def _mirror_copied(copied: Mapping[Any, list[Finding]]) -> None:
    """The other side of each copied pair gets its finding too (once), on its current version."""
    for other in Submission.objects.filter(pk__in=list(copied), current__isnull=False).select_related(
        "current"
    ):
        for found in copied[other.pk]:
            if other.findings.filter(superseded=False, code=found.code, message=found.message_zh).exists():
                continue
            data = found.to_dict()
            ReviewFinding.objects.create(
                submission=other,
                report_version=other.current_version,
                code=found.code,
                severity=found.severity,
                verdict=checking.verdict(found),
                message=found.message_zh,
                place=data["place"],
                actual=data["actual"],
                expected=data["expected"],
            )
            passed = [code for code in other.current_version.passed_rules if code != found.code]
            ReportVersion.objects.filter(pk=other.current_version.pk).update(passed_rules=passed)


def _place_key(place: Mapping[str, Any]) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in place.items()))


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def recheck(*, actor: Actor, submission: Submission) -> list[ReviewFinding]:
    """Run the checks again on the current version (e.g. after more units have submitted)."""
    require_supervisor(actor, submission.campaign)
    if submission.current is None:
        raise RollupError("该单位尚未报送，无可核对的报告。")
    with transaction.atomic():
        stored = run_checks_on(submission, submission.current)
        record(
            actor=actor,
            action=audit_codes.RECHECK,
            obj=submission,
            organisation=submission.enrolment.anchor,
            after={"findings": len(stored)},
        )
    return stored
