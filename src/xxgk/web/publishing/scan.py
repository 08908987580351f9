"""The nightly scan for the 政务公开 office: what is late, stale or inconsistent in one agency's
proactive disclosure. Each problem is a `Finding` (the CLI, the dashboard and the job print the
same objects); the scan reads only — `registry.expire_overdue` is the write the job runs with it."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Q

from xxgk.findings import Finding, Place
from xxgk.web.audit.models import AuditEvent
from xxgk.web.calendar.selectors import current_calendar
from xxgk.web.orgs.audit_codes import UPDATE_CONTACT
from xxgk.web.orgs.models import Organisation
from xxgk.web.publishing import portal_selectors
from xxgk.web.publishing.deadlines import publication_deadline_of
from xxgk.web.publishing.models import (
    CatalogueNode,
    Genre,
    Publication,
    PublishingProfile,
    RegulatoryDocument,
    State,
    Validity,
)
from xxgk.web.publishing.registry import REMINDER_MONTHS

OVERDUE = "SCAN-OVERDUE"
STALE_NODE = "SCAN-STALE-NODE"
PAST_VALIDITY = "SCAN-PAST-VALIDITY"
EXPIRING = "SCAN-EXPIRING"
NO_INTERPRETATION = "SCAN-NO-INTERPRETATION"
STALE_GUIDE = "SCAN-STALE-GUIDE"


def scan(organisation: Organisation, *, today: date) -> list[Finding]:
    """Every finding of the nightly scan for `organisation` on `today`."""
    return [
        *_overdue(organisation, today),
        *_stale_nodes(organisation, today),
        *_registry(organisation, today),
        *_missing_interpretations(organisation),
        *_stale_guide(organisation),
    ]


def _overdue(organisation: Organisation, today: date) -> list[Finding]:
    calendar = current_calendar()
    findings = []
    pending = Publication.objects.filter(
        organisation=organisation,
        index_number__isnull=True,
        state__in=(State.DRAFT, State.REVIEW, State.APPROVED),
    )
    for publication in pending:
        deadline = publication_deadline_of(publication, today=today, calendar=calendar)
        if deadline.overdue:
            findings.append(
                Finding(
                    OVERDUE,
                    "error",
                    f"「{publication.title}」自{publication.formed_on.isoformat()}形成，"
                    f"应于{deadline.due.isoformat()}前公开（第二十六条），已逾期",
                    Place(report=publication.title),
                    expected=deadline.due.isoformat(),
                )
            )
    return findings


def _stale_nodes(organisation: Organisation, today: date) -> list[Finding]:
    last = portal_selectors.last_publication_by_node(organisation)
    findings = []
    for node in CatalogueNode.objects.filter(
        organisation=organisation, is_active=True, update_interval_days__isnull=False
    ):
        latest = last.get(node.pk)
        assert node.update_interval_days is not None  # filtered on update_interval_days__isnull=False
        limit = today - timedelta(days=node.update_interval_days)
        if latest is None or latest.date() < limit:
            since = f"最近一次发布为{latest.date().isoformat()}" if latest else "尚无发布信息"
            findings.append(
                Finding(
                    STALE_NODE,
                    "warning",
                    f"栏目「{node.title}」超过{node.update_interval_days}天未更新（{since}）",
                    Place(report=node.title),
                )
            )
    return findings


def _valid_until(doc: RegulatoryDocument) -> str:
    assert doc.valid_until is not None  # only documents filtered on valid_until come here
    return doc.valid_until.isoformat()


def _registry(organisation: Organisation, today: date) -> list[Finding]:
    documents = RegulatoryDocument.objects.filter(organisation=organisation, status=Validity.EFFECTIVE)
    findings = [
        Finding(
            PAST_VALIDITY,
            "error",
            f"「{doc.title}」有效期已于{_valid_until(doc)}届满，仍标注为有效",
            Place(report=doc.unified_number),
        )
        for doc in documents.filter(valid_until__lt=today)
    ]
    horizon = _months_later(today, REMINDER_MONTHS)
    findings += [
        Finding(
            EXPIRING,
            "info",
            f"「{doc.title}」有效期至{_valid_until(doc)}，请在届满前评估是否继续有效、修改或废止",
            Place(report=doc.unified_number),
        )
        for doc in documents.filter(valid_until__gte=today, valid_until__lte=horizon)
    ]
    return findings


def _months_later(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last_day in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last_day))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _missing_interpretations(organisation: Organisation) -> list[Finding]:
    listed = portal_selectors.listed_publications()
    without = listed.filter(organisation=organisation, genre=Genre.NORMATIVE).exclude(
        Q(interpretations__in=listed)
    )
    return [
        Finding(
            NO_INTERPRETATION,
            "warning",
            f"规范性文件「{p.title}」未发布政策解读",
            Place(report=p.index_number),
        )
        for p in without.distinct()
    ]


def _stale_guide(organisation: Organisation) -> list[Finding]:
    changed = (
        AuditEvent.objects.filter(action=UPDATE_CONTACT, organisation=organisation)
        .order_by("-occurred_at")
        .values_list("occurred_at", flat=True)
        .first()
    )
    profile = PublishingProfile.objects.filter(organisation=organisation).first()
    reviewed = profile.guide_reviewed_at if profile else None
    if changed and (reviewed is None or reviewed < changed):
        return [
            Finding(
                STALE_GUIDE,
                "warning",
                "机关联系信息在指南最近一次核对后有变更，请核对政府信息公开指南",
                Place(report="政府信息公开指南"),
            )
        ]
    return []
