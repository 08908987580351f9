"""The campaign state machine: allowed moves (audited, dated), refused moves, table errors blocking
已审, findings decided with reasons, the rectification loop, optimistic locking."""

from __future__ import annotations

import datetime as dt

import pytest

from factories.rollup import CITY, PARTS, actions_on, mini, sample, send
from xxgk.web.audit.models import AuditEvent
from xxgk.web.orgs.errors import NotVisible, RoleRequired
from xxgk.web.rollup import selectors, services
from xxgk.web.rollup.errors import RollupError, StaleVersion
from xxgk.web.rollup.models import Rectification, Review, Status


@pytest.mark.django_db
def test_submit_return_resubmit_approve_publish_is_dated_and_audited() -> None:
    m = mini()
    unit_staff = m.context.users["jgsw_chengban"]
    item = send(unit_staff, m.submission(PARTS[0]), sample(PARTS[0], 2025), on=dt.date(2026, 1, 10))
    assert item.status == Status.SUBMITTED and item.first_submitted_on == dt.date(2026, 1, 10)
    services.return_report(
        actor=m.supervisor, submission=item, reason="请补充第六部分收费说明", on=dt.date(2026, 1, 12)
    )
    assert item.status == Status.RETURNED and item.returned_on == dt.date(2026, 1, 12)
    assert item.changes.last().reason == "请补充第六部分收费说明"
    first_findings = set(item.findings.values_list("pk", flat=True))
    services.prepare_from_report(actor=unit_staff, submission=item, report=sample(PARTS[0], 2025, seed=1))
    item.refresh_from_db()
    services.submit(actor=unit_staff, submission=item, on=dt.date(2026, 1, 14))
    assert item.current.number == 2
    assert item.first_submitted_on == dt.date(2026, 1, 10) and item.submitted_on == dt.date(2026, 1, 14)
    assert all(f.superseded for f in item.findings.filter(pk__in=first_findings))
    services.approve(actor=m.supervisor, submission=item)
    services.mark_published(actor=unit_staff, submission=item, on=dt.date(2026, 1, 20))
    assert item.status == Status.PUBLISHED and item.published_on == dt.date(2026, 1, 20)
    assert [(c.from_status, c.to_status) for c in item.changes.all()] == [
        ("pending", "submitted"),
        ("submitted", "returned"),
        ("returned", "submitted"),
        ("submitted", "reviewed"),
        ("reviewed", "published"),
    ]
    assert [a for a in actions_on(item) if a != "rollup.prepare"] == [
        "rollup.submit",
        "rollup.return",
        "rollup.submit",
        "rollup.approve",
        "rollup.publish",
    ]


@pytest.mark.django_db
def test_moves_out_of_order_are_refused_and_nothing_is_written() -> None:
    m = mini()
    item = m.submission(PARTS[2])
    with pytest.raises(RollupError, match="未报"):
        services.approve(actor=m.supervisor, submission=item)
    with pytest.raises(RollupError, match="尚未读取报告"):
        services.submit(actor=m.supervisor, submission=item)
    send(m.supervisor, item, sample(PARTS[2], 2025))
    with pytest.raises(RollupError, match="退回须填写理由"):
        services.return_report(actor=m.supervisor, submission=item, reason="  ")
    with pytest.raises(RollupError, match="不能改为「已发布」"):
        services.mark_published(actor=m.supervisor, submission=item)
    services.approve(actor=m.supervisor, submission=item)
    services.mark_published(actor=m.supervisor, submission=item)
    with pytest.raises(RollupError):
        services.prepare_from_report(actor=m.supervisor, submission=item, report=sample(PARTS[2], 2025))
    with pytest.raises(RollupError, match="不能改为「退回」"):
        services.return_report(actor=m.supervisor, submission=item, reason="晚了")
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
    assert actions_on(item).count("rollup.return") == 0


@pytest.mark.django_db
def test_only_the_campaigns_supervisor_reviews_and_only_the_unit_submits() -> None:
    m = mini()
    own = m.submission(PARTS[0])
    send(m.context.users["jgsw_chengban"], own, sample(PARTS[0], 2025))
    with pytest.raises(RoleRequired):
        services.return_report(actor=m.context.users["jgsw_chengban"], submission=own, reason="自己退回")
    with pytest.raises(NotVisible):  # another agency's submission does not exist for them
        services.prepare_from_report(
            actor=m.context.users["zrzy_chengban"], submission=own, report=sample(PARTS[0], 2025)
        )
    with pytest.raises(NotVisible):  # the district supervisor sees no unit of this campaign
        services.approve(actor=m.context.users["yzq_jiandu"], submission=own)


@pytest.mark.django_db
def test_a_stale_page_cannot_overwrite_a_newer_decision() -> None:
    m = mini()
    item = send(m.supervisor, m.submission(PARTS[2]), sample(PARTS[2], 2025))
    seen = item.version
    services.approve(actor=m.supervisor, submission=item, expected_version=seen)
    with pytest.raises(StaleVersion):
        services.return_report(
            actor=m.supervisor, submission=item, reason="过时的页面", expected_version=seen
        )


def _with_table_error(report):
    data = report.model_dump()
    data["table3"]["granted"]["natural_person"] += 1  # total no longer the sum of the results
    return type(report).model_validate(data)


@pytest.mark.django_db
def test_a_table_error_blocks_review_until_dismissed_with_a_reason() -> None:
    m = mini()
    item = send(m.supervisor, m.submission(PARTS[2]), _with_table_error(sample(PARTS[2], 2025)))
    blocking = item.findings.filter(superseded=False, blocks_review=True)
    assert blocking.exists()
    assert {f.verdict for f in blocking} == {"fail"}
    with pytest.raises(RollupError, match="表格错误未排除"):
        services.approve(actor=m.supervisor, submission=item)
    with pytest.raises(RollupError, match="须说明理由"):
        services.decide_finding(actor=m.supervisor, finding=blocking.first(), confirm=False)
    for finding in blocking:
        services.decide_finding(
            actor=m.supervisor, finding=finding, confirm=False, reason="原件如此，单位已书面说明"
        )
    services.approve(actor=m.supervisor, submission=item)
    assert item.status == Status.REVIEWED
    logged = AuditEvent.objects.filter(action="rollup.decide_finding")
    assert logged.count() == blocking.count()
    assert logged.first().after["reason"] == "原件如此，单位已书面说明"


@pytest.mark.django_db
def test_rectification_runs_notified_rectified_verified_closed() -> None:
    m = mini()
    item = send(m.supervisor, m.submission(PARTS[0]), _with_table_error(sample(PARTS[0], 2025)))
    finding = item.findings.filter(superseded=False, blocks_review=True).first()
    with pytest.raises(RollupError, match="已确认"):
        services.advance_rectification(actor=m.supervisor, finding=finding)
    services.decide_finding(actor=m.supervisor, finding=finding, confirm=True)
    services.advance_rectification(actor=m.supervisor, finding=finding, note="已发通知")
    services.advance_rectification(actor=m.context.users["jgsw_chengban"], finding=finding, note="已重新发布")
    assert finding.rectification == Rectification.RECTIFIED
    with pytest.raises(RoleRequired):  # 已整改 is the unit's step, 已复核 the office's
        services.advance_rectification(actor=m.context.users["jgsw_chengban"], finding=finding)
    services.advance_rectification(actor=m.supervisor, finding=finding)
    services.advance_rectification(actor=m.supervisor, finding=finding)
    assert finding.rectification == Rectification.CLOSED and finding.review == Review.CONFIRMED
    assert not finding.is_open
    with pytest.raises(RollupError, match="已办结"):
        services.advance_rectification(actor=m.supervisor, finding=finding)


@pytest.mark.django_db
def test_a_decision_carries_over_when_the_same_finding_is_found_again() -> None:
    m = mini()
    item = send(m.supervisor, m.submission(PARTS[2]), _with_table_error(sample(PARTS[2], 2025)))
    first = item.findings.filter(superseded=False, blocks_review=True).first()
    services.decide_finding(actor=m.supervisor, finding=first, confirm=False, reason="已核实")
    services.recheck(actor=m.supervisor, submission=item)
    again = item.findings.get(superseded=False, code=first.code, message=first.message)
    assert again.pk != first.pk and again.review == Review.DISMISSED and again.review_reason == "已核实"


@pytest.mark.django_db
def test_the_offices_own_limits_govern_lateness() -> None:
    m = mini()
    campaign = m.campaigns[2025]
    campaign.internal_deadline, campaign.internal_deadline_government = (
        dt.date(2026, 1, 15),
        dt.date(2026, 3, 15),
    )
    campaign.save()
    department = send(m.supervisor, m.submission(PARTS[2]), sample(PARTS[2], 2025), on=dt.date(2026, 1, 20))
    codes = [f.code for f in selectors.deadline_flags(department, today=dt.date(2026, 1, 25))]
    assert codes == ["X-SUBMITTED-LATE"]  # after the office's 1月15日, still before the statutory 1月31日
    city = send(m.supervisor, m.submission(CITY), sample(CITY, 2025), on=dt.date(2026, 3, 10))
    assert selectors.deadline_flags(city, today=dt.date(2026, 3, 12)) == []
