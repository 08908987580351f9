"""Writes of the rollup app. Each checks the actor's role, runs in one transaction, records its
audit event and, where two people may act on the same record, checks its `version`.

Who may do what: the campaign's supervisors (监督 over the office) register units, open the
campaign, review, return, approve, decide findings, generate the consolidated report and the
通报; a unit on the platform prepares and submits its own report (登记/承办/审核/签发/管理员 of the
unit); a supervisor may also submit a file for a unit that is not on the platform.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from xxgk.checks.campaign import copied_across_units
from xxgk.checks.cells import rows_in_use
from xxgk.findings import Finding
from xxgk.parse.detect import read_report, sniff
from xxgk.parse.errors import ReportReadError
from xxgk.report import Report
from xxgk.template.describe import describe_cell
from xxgk.web.annual import selectors as annual_selectors
from xxgk.web.annual.models import PublishedVersion
from xxgk.web.audit.services import record
from xxgk.web.orgs.actors import Actor, acting_user
from xxgk.web.orgs.errors import NotVisible, RoleRequired
from xxgk.web.orgs.models import Organisation, OrgKind, Role
from xxgk.web.orgs.scoping import can_see, has_role, require_role
from xxgk.web.rollup import actions, checking, selectors
from xxgk.web.rollup.errors import RollupError, StaleVersion
from xxgk.web.rollup.models import (
    RECTIFICATION_NEXT,
    Campaign,
    Enrolment,
    Rectification,
    ReportingUnit,
    ReportVersion,
    Review,
    ReviewFinding,
    Source,
    Status,
    StatusChange,
    Submission,
)

UNIT_ROLES = (Role.REGISTRAR, Role.HANDLER, Role.REVIEWER, Role.APPROVER, Role.ADMIN)
MAX_FILE = 20 * 1024 * 1024
# Scans and photos of a report, read by OCR (their content is checked, not only their name).
_IMAGES = (".png", ".jpg", ".jpeg")
_ACCEPTED = (".docx", ".pdf", ".html", ".htm", ".shtml", ".txt", ".text", ".md", ".json", *_IMAGES)


# --- permissions -----------------------------------------------------------------------------


def require_supervisor(actor: Actor, campaign: Campaign) -> None:
    """监督 over the campaign's office; someone who sees part of the campaign without it gets 403."""
    if has_role(actor, campaign.office, Role.SUPERVISOR):
        return
    if selectors.campaigns_for(actor).filter(pk=campaign.pk).exists():
        raise RoleRequired("组织机关监督")
    raise NotVisible()


def is_supervisor(actor: Actor, campaign: Campaign) -> bool:
    return has_role(actor, campaign.office, Role.SUPERVISOR)


def is_unit_staff(actor: Actor, submission: Submission) -> bool:
    org = submission.enrolment.unit.organisation
    return (
        org is not None
        and has_role(actor, org, UNIT_ROLES)
        and not (actor is not None and actor.is_superuser)
    )


def require_unit_or_supervisor(actor: Actor, submission: Submission) -> None:
    """The unit's own staff, or a supervisor of the campaign (for a unit not on the platform, or on
    its behalf)."""
    if is_unit_staff(actor, submission) or is_supervisor(actor, submission.campaign):
        return
    org = submission.enrolment.unit.organisation
    if (org is not None and can_see(actor, org)) or can_see(actor, submission.enrolment.anchor):
        raise RoleRequired("本单位承办、审核、签发或管理员，或组织机关监督")
    raise NotVisible()


def _today(on: dt.date | None) -> dt.date:
    return on or timezone.localdate()


def _check_version(obj: Any, expected: int | None) -> None:
    if expected is not None and obj.version != expected:
        raise StaleVersion()


def _bump(obj: Any, **fields: Any) -> None:
    """Save `fields` and the next version, only if the row still has the version we read."""
    model = type(obj)
    updated = model.objects.filter(pk=obj.pk, version=obj.version).update(version=F("version") + 1, **fields)
    if not updated:
        raise StaleVersion()
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.version += 1


# --- register and campaign -------------------------------------------------------------------


def _anchor(
    unit: ReportingUnit, parent: ReportingUnit | None, year: int, office: Organisation
) -> Organisation:
    """The unit's own organisation, else its parent's anchor that year, else the office."""
    if unit.organisation_id:
        return unit.organisation
    if parent is not None:
        return parent.enrolments.get(year=year).anchor
    return office


def register_unit(
    *,
    actor: Actor,
    office: Organisation,
    year: int,
    name: str,
    kind: str,
    parent: ReportingUnit | None = None,
    organisation: Organisation | None = None,
    consolidates: bool = False,
    order: int = 0,
) -> Enrolment:
    """Put a unit in the register of `year` (creating the unit if new); idempotent per unit and year.
    If the office's campaign of that year is open, the unit gets its submission."""
    require_role(actor, office, Role.SUPERVISOR)
    name = name.strip()
    if not name:
        raise RollupError("请填写单位名称。")
    if kind not in OrgKind.values:
        raise RollupError("单位类型不在可选范围内。")
    with transaction.atomic():
        unit = None
        if organisation is not None:
            unit = ReportingUnit.objects.filter(organisation=organisation).first()
        unit = unit or ReportingUnit.objects.filter(name=name).first()
        if unit is None:
            unit = ReportingUnit.objects.create(name=name, organisation=organisation)
        if parent is not None and not parent.enrolments.filter(year=year).exists():
            raise RollupError(f"上级单位「{parent}」未登记{year}年度。")
        enrolment = Enrolment.objects.filter(unit=unit, year=year).first()
        if enrolment is None:
            enrolment = Enrolment.objects.create(
                unit=unit,
                year=year,
                kind=kind,
                parent=parent,
                office=office,
                consolidates=consolidates,
                anchor=_anchor(unit, parent, year, office),
                order=order,
            )
            record(
                actor=actor,
                action=actions.REGISTER_UNIT,
                obj=enrolment,
                organisation=office,
                after={
                    "unit": unit.name,
                    "year": year,
                    "kind": kind,
                    "parent": parent.name if parent else None,
                },
            )
        campaign = Campaign.objects.filter(office=office, year=year).first()
        if campaign is not None:
            Submission.objects.get_or_create(campaign=campaign, enrolment=enrolment)
    return enrolment


def open_campaign(
    *,
    actor: Actor,
    office: Organisation,
    year: int,
    internal_deadline: dt.date | None = None,
    internal_deadline_government: dt.date | None = None,
) -> Campaign:
    """Start collecting `year`'s reports from every unit in the office's register; idempotent."""
    require_role(actor, office, Role.SUPERVISOR)
    with transaction.atomic():
        campaign, created = Campaign.objects.get_or_create(
            office=office,
            year=year,
            defaults={
                "internal_deadline": internal_deadline,
                "internal_deadline_government": internal_deadline_government,
            },
        )
        for enrolment in Enrolment.objects.filter(office=office, year=year):
            Submission.objects.get_or_create(campaign=campaign, enrolment=enrolment)
        if created:
            record(
                actor=actor,
                action=actions.OPEN_CAMPAIGN,
                obj=campaign,
                organisation=office,
                after={"year": year, "internal_deadline": str(internal_deadline or "")},
            )
    return campaign


# --- preparing and submitting ------------------------------------------------------------------


def unread_cells(report: Report) -> list[str]:
    """Cells the report's form uses that hold no value ("table3.new.total" …)."""
    keys = []
    for table in report.spec.tables:
        for row in rows_in_use(report, table):
            for col in table.columns_of(row):
                if report.table(table.key)[row.key][col.key] is None:
                    keys.append(f"{table.key}.{row.key}.{col.key}")
    return keys


def _save_draft(submission: Submission, report: Report, **fields: Any) -> None:
    _bump(submission, draft=report.model_dump(mode="json"), draft_unread=unread_cells(report), **fields)


def prepare_file(
    *, actor: Actor, submission: Submission, data: bytes, filename: str, expected_version: int | None = None
) -> Report:
    """Read an uploaded report (DOCX, PDF, a scan or image read by OCR, HTML, text or the engine's JSON)
    into the draft; the file
    is kept as the original. Raises RollupError with the reader's Chinese message."""
    require_unit_or_supervisor(actor, submission)
    _check_version(submission, expected_version)
    _refuse_edit_after_review(submission)
    _refuse_second_copy(submission)
    if len(data) > MAX_FILE:
        raise RollupError("文件超过20MB，请压缩图片后重新上传。")
    if not filename.lower().endswith(_ACCEPTED):
        raise RollupError("请上传 DOCX、PDF（含扫描件）、HTML、文本、JSON 格式的年度报告，或 PNG/JPEG 图片。")
    if filename.lower().endswith(_IMAGES) and sniff(data) != "image":
        raise RollupError("该文件不是 PNG 或 JPEG 图片，请上传扫描件或图片原文件。")
    try:
        report = read_report(data, source=filename)
    except ReportReadError as exc:
        raise RollupError(f"无法读取该文件：{exc.message_zh}") from None
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
        )
        record(
            actor=actor,
            action=actions.PREPARE,
            obj=submission,
            organisation=submission.enrolment.anchor,
            after={"source": "file", "filename": filename[:200], "unread": len(submission.draft_unread)},
        )
    return report


def prepare_from_report(
    *,
    actor: Actor,
    submission: Submission,
    report: Report,
    original: bytes | None = None,
    original_name: str = "",
    expected_version: int | None = None,
) -> Report:
    """Start the draft from a report already in hand: the platform's assembled report, or the
    current version (to correct it after a return; its original file is kept)."""
    require_unit_or_supervisor(actor, submission)
    _check_version(submission, expected_version)
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
            action=actions.PREPARE,
            obj=submission,
            organisation=submission.enrolment.anchor,
            after={"source": "report", "unread": len(submission.draft_unread)},
        )
    return report


def published_version(submission: Submission) -> PublishedVersion | None:
    """The unit's report on the campaign's year as last published in the annual app (None off the
    platform or before publication)."""
    org = submission.enrolment.unit.organisation
    if org is None:
        return None
    return annual_selectors.latest_version(org, submission.campaign.year)


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
    _check_version(submission, expected_version)
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
            action=actions.PREPARE,
            obj=submission,
            organisation=submission.enrolment.anchor,
            after={"source": "published", "published": published.pk, "number": published.number},
        )
    return published


def parse_cell(text: str, kind: str) -> int | Decimal | None:
    """A typed cell value: blank is None; counts whole and ≥ 0; amounts decimal ≥ 0."""
    text = text.strip().replace(",", "").replace("，", "")
    if text in {"", "/", "—", "-"}:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise RollupError(f"「{text}」不是数字。") from None
    if value < 0:
        raise RollupError("数值不能为负数。")
    if kind == "amount":
        return value
    if value != value.to_integral_value():
        raise RollupError(f"件数应为整数：「{text}」。")
    return int(value)


def correct_draft(
    *, actor: Actor, submission: Submission, cells: Mapping[str, str], expected_version: int | None = None
) -> Report:
    """Change cells of the draft (“table3.new.total” → typed text); all or nothing."""
    require_unit_or_supervisor(actor, submission)
    _check_version(submission, expected_version)
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
        table, _, rest = key.partition(".")
        row, _, col = rest.rpartition(".")  # row keys may hold a dot (denied.state_secret)
        try:
            column = next(
                c
                for c in report.spec.table(table).columns_of(report.spec.table(table).row(row))
                if c.key == col
            )
        except (KeyError, StopIteration):
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
                action=actions.CORRECT,
                obj=submission,
                organisation=submission.enrolment.anchor,
                after={"cells": changed},
            )
    return corrected


def draft_report(submission: Submission) -> Report | None:
    return None if submission.draft is None else Report.model_validate(submission.draft)


def _refuse_edit_after_review(submission: Submission) -> None:
    if submission.status in {Status.REVIEWED, Status.PUBLISHED}:
        raise RollupError(
            f"报告已{submission.get_status_display()}，不能再修改；如需更正请联系组织机关退回。"
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
    require_unit_or_supervisor(actor, submission)
    _check_version(submission, expected_version)
    if not submission.can_move_to(Status.SUBMITTED):
        raise RollupError(f"当前状态为「{submission.get_status_display()}」，不能报送。")
    report = draft_report(submission)
    if report is None:
        raise RollupError("尚未读取报告，请先上传文件或从平台数据生成。")
    if scan is not None and len(scan) > MAX_FILE:
        raise RollupError("盖章扫描件超过20MB。")
    day = _today(on)
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
        _bump(
            submission,
            status=Status.SUBMITTED,
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
        StatusChange.objects.create(
            submission=submission, from_status=before, to_status=Status.SUBMITTED, on=day, actor=_user(actor)
        )
        run_checks_on(submission, version)
        record(
            actor=actor,
            action=actions.SUBMIT,
            obj=submission,
            organisation=submission.enrolment.anchor,
            before={"status": before},
            after={"status": Status.SUBMITTED, "version": number, "on": day.isoformat()},
        )
    return version


def _user(actor: Actor) -> Any:
    return acting_user(actor)


# --- checks ----------------------------------------------------------------------------------


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
                children[child.unit.name] = Report.model_validate(part.current.report)
    others = {
        s.pk: Report.model_validate(s.current.report)
        for s in Submission.objects.filter(campaign=submission.campaign, current__isnull=False)
        .exclude(pk=submission.pk)
        .select_related("current")
    }
    inputs = checking.Inputs(
        report=report,
        key=submission.pk,
        previous=Report.model_validate(previous.current.report) if previous else None,
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
    reports = {s.pk: Report.model_validate(s.current.report) for s in submissions}
    by_unit = {s.enrolment.unit_id: s.pk for s in submissions}
    previous = {
        unit_id: Report.model_validate(report)
        for unit_id, report in Submission.objects.filter(
            enrolment__unit_id__in=list(by_unit), enrolment__year=campaign.year - 1, current__isnull=False
        ).values_list("enrolment__unit_id", "current__report")
    }
    parts: dict[int, list[tuple[str, int]]] = {}
    for child in Enrolment.objects.filter(year=campaign.year, parent__isnull=False).select_related("unit"):
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
        checked[s.pk] = (s, s.current, checking.check(inputs, copied=copied.get(s.pk, [])))
    with transaction.atomic():
        stored = _replace_findings(checked)
        record(
            actor=actor,
            action=actions.RECHECK,
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
                report_version=other.current,
                code=found.code,
                severity=found.severity,
                verdict=checking.verdict(found),
                message=found.message_zh,
                place=data["place"],
                actual=data["actual"],
                expected=data["expected"],
            )
            passed = [code for code in other.current.passed_rules if code != found.code]
            ReportVersion.objects.filter(pk=other.current.pk).update(passed_rules=passed)


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
            action=actions.RECHECK,
            obj=submission,
            organisation=submission.enrolment.anchor,
            after={"findings": len(stored)},
        )
    return stored


# --- review ----------------------------------------------------------------------------------


def _move(
    submission: Submission,
    *,
    actor: Actor,
    to: str,
    action: str,
    reason: str = "",
    expected_version: int | None,
    on: dt.date | None,
    **dates: Any,
) -> Submission:
    _check_version(submission, expected_version)
    if not submission.can_move_to(to):
        raise RollupError(
            f"当前状态为「{submission.get_status_display()}」，不能改为「{Status(to).label}」。"
        )
    day = _today(on)
    with transaction.atomic():
        before = submission.status
        _bump(submission, status=to, **{name: day for name in dates})
        StatusChange.objects.create(
            submission=submission, from_status=before, to_status=to, reason=reason, on=day, actor=_user(actor)
        )
        record(
            actor=actor,
            action=action,
            obj=submission,
            organisation=submission.enrolment.anchor,
            before={"status": before},
            after={"status": to, "reason": reason, "on": day.isoformat()},
        )
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
        submission,
        actor=actor,
        to=Status.RETURNED,
        action=actions.RETURN,
        reason=reason,
        expected_version=expected_version,
        on=on,
        returned_on=True,
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
        submission,
        actor=actor,
        to=Status.REVIEWED,
        action=actions.APPROVE,
        expected_version=expected_version,
        on=on,
        reviewed_on=True,
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
        submission,
        actor=actor,
        to=Status.PUBLISHED,
        action=actions.PUBLISH,
        expected_version=expected_version,
        on=on,
        published_on=True,
    )


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
    _check_version(finding, expected_version)
    with transaction.atomic():
        before = finding.review
        _bump(
            finding,
            review=Review.CONFIRMED if confirm else Review.DISMISSED,
            review_reason=reason,
            reviewed_by=_user(actor),
            reviewed_at=timezone.now(),
        )
        record(
            actor=actor,
            action=actions.DECIDE_FINDING,
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
    _check_version(finding, expected_version)
    day = _today(on)
    with transaction.atomic():
        before = finding.rectification
        _bump(finding, rectification=nxt, rectification_note=note.strip(), rectification_on=day)
        record(
            actor=actor,
            action=actions.RECTIFY,
            obj=finding,
            organisation=finding.submission.enrolment.anchor,
            before={"rectification": before},
            after={"rectification": nxt, "note": note.strip(), "on": day.isoformat()},
        )
    return finding
