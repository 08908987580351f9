"""The 第二十六条 deadline (across 国庆 with its 调休 working days) and the nightly scan."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone
from typer.testing import CliRunner

from factories.publications import Agency
from xxgk.web.orgs import services as org_services
from xxgk.web.publishing import registry, scan
from xxgk.web.publishing.deadlines import publication_deadline_of
from xxgk.web.publishing.models import DocumentKind, Genre, PublishingProfile, RegulatoryDocument
from xxgk.workdays import WorkCalendar

pytestmark = pytest.mark.django_db


def test_twenty_working_days_across_national_day_with_makeup_days() -> None:
    # Formed Friday 2025-09-26. Counted: 9-28 (Sunday, 调休 working day) 1, 9-29 2, 9-30 3;
    # 10-01..10-08 国庆节、中秋节 not counted; 10-09 4, 10-10 5, 10-11 (Saturday, 调休) 6,
    # 10-13..17 7-11, 10-20..24 12-16, 10-27 17, 10-28 18, 10-29 19, 10-30 20.
    agency = Agency()
    publication = agency.draft(formed_on=date(2025, 9, 26))
    deadline = publication_deadline_of(publication, today=date(2025, 10, 30), calendar=WorkCalendar())
    assert deadline.due == date(2025, 10, 30)
    assert not deadline.overdue and not deadline.provisional
    assert publication_deadline_of(publication, today=date(2025, 10, 31)).overdue
    assert any("国庆" in line for line in deadline.explanation_zh)


def _codes(agency: Agency, today: date) -> list[str]:
    return [f.code for f in scan.scan(agency.org, today=today)]


def test_scan_reports_overdue_drafts() -> None:
    agency = Agency()
    agency.draft(formed_on=date(2026, 1, 5))
    assert scan.OVERDUE in _codes(agency, date(2026, 3, 1))
    assert scan.OVERDUE not in _codes(agency, date(2026, 1, 6))


def test_scan_reports_stale_news_column_and_its_update_clears_it() -> None:
    agency = Agency()
    today = timezone.localdate()
    findings = [f for f in scan.scan(agency.org, today=today) if f.code == scan.STALE_NODE]
    assert any("工作动态" in f.message_zh and "14天" in f.message_zh for f in findings)
    agency.published(nodes=[agency.node("工作动态")])
    assert not any(
        "工作动态" in f.message_zh for f in scan.scan(agency.org, today=today) if f.code == scan.STALE_NODE
    )
    later = today + timedelta(days=15)
    assert any(
        "工作动态" in f.message_zh for f in scan.scan(agency.org, today=later) if f.code == scan.STALE_NODE
    )


def test_scan_reports_registry_validity_and_reminders() -> None:
    agency = Agency()
    base = {"kind": DocumentKind.NORMATIVE, "issued_on": date(2021, 1, 1), "effective_from": date(2021, 1, 1)}
    registry.register_document(
        actor=agency.drafter,
        organisation=agency.org,
        unified_number="A",
        title="过期文件",
        valid_until=date(2026, 1, 31),
        **base,
    )
    registry.register_document(
        actor=agency.drafter,
        organisation=agency.org,
        unified_number="B",
        title="将到期文件",
        valid_until=date(2026, 7, 31),
        **base,
    )
    registry.register_document(
        actor=agency.drafter,
        organisation=agency.org,
        unified_number="C",
        title="长期文件",
        valid_until=date(2030, 1, 1),
        **base,
    )
    findings = scan.scan(agency.org, today=date(2026, 3, 1))
    assert [f.place.report for f in findings if f.code == scan.PAST_VALIDITY] == ["A"]
    assert [f.place.report for f in findings if f.code == scan.EXPIRING] == ["B"]
    registry.expire_overdue(date(2026, 3, 1))
    assert scan.PAST_VALIDITY not in _codes(agency, date(2026, 3, 1))


def test_scan_reports_normative_documents_without_interpretation() -> None:
    agency = Agency()
    doc = registry.register_document(
        actor=agency.drafter,
        organisation=agency.org,
        kind=DocumentKind.NORMATIVE,
        unified_number="N1",
        title="管理办法",
        issued_on=date(2026, 1, 5),
        effective_from=date(2026, 2, 1),
    )
    normative = agency.draft(
        genre=Genre.NORMATIVE, document_number="宜机管发〔2026〕1号", registry_document=doc
    )
    from xxgk.web.publishing import drafting, issuing

    drafting.submit(
        actor=agency.drafter, publication=normative, overrides={"PUB-INTERPRETATION": "解读另行发布"}
    )
    agency.approve_all(normative)
    issuing.publish(actor=agency.drafter, publication=normative)
    assert scan.NO_INTERPRETATION in _codes(agency, timezone.localdate())


def test_scan_reports_guide_older_than_contact_change(demo) -> None:
    org = demo.orgs["jgsw"]
    org_services.update_organisation_contact(
        actor=demo.users["jgsw_admin"], organisation=org, phone="0795-3209999"
    )
    codes = [f.code for f in scan.scan(org, today=timezone.localdate())]
    assert scan.STALE_GUIDE in codes
    PublishingProfile.objects.update_or_create(
        organisation=org, defaults={"guide_reviewed_at": timezone.now()}
    )
    assert scan.STALE_GUIDE not in [f.code for f in scan.scan(org, today=timezone.localdate())]


def test_scan_command(demo) -> None:
    from xxgk.cli.main import app

    org = demo.orgs["jgsw"]
    RegulatoryDocument.objects.create(
        organisation=org,
        kind=DocumentKind.NORMATIVE,
        unified_number="CLI-1",
        title="命令行测试文件",
        issuing_organ=org.name,
        issued_on=date(2020, 1, 1),
        effective_from=date(2020, 1, 1),
        valid_until=date(2024, 12, 31),
    )
    result = CliRunner().invoke(app, ["scan", "--org", str(org.pk), "--date", "2026-03-01"])
    assert result.exit_code == 0, result.output
    assert "命令行测试文件" in result.output and "仍标注为有效" in result.output
    bad = CliRunner().invoke(app, ["scan", "--date", "2026-13-01"])
    assert bad.exit_code == 2 and "日期格式" in bad.output
