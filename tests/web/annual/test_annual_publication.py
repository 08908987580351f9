"""Publication: roles, the checks that block, the approver's override, versions and corrections."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

import factories.annual as factories
from xxgk.web.annual import selectors, services
from xxgk.web.annual.errors import EditConflict, PublishBlocked
from xxgk.web.annual.models import ImmutableError, PublishedVersion
from xxgk.web.audit.models import AuditEvent
from xxgk.web.orgs.errors import NotVisible, RoleRequired

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def org(demo):
    org = demo.orgs["jgsw"]
    factories.application(org, received=D(2024, 3, 1), concluded=D(2024, 3, 20), outcome="granted")
    factories.application(org, received=D(2024, 12, 30))
    services.save_figures(
        actor=demo.users["jgsw_chengban"],
        organisation=org,
        year=2024,
        version=0,
        licensing=5,
        penalty=0,
        coercion=0,
        fees=0,
    )
    return org


SIGNED = D(2025, 1, 20)


def _draft(demo, org, *, version=0, overview="", signed_on=SIGNED):
    return services.save_draft(
        actor=demo.users["jgsw_chengban"],
        organisation=org,
        year=2024,
        version=version,
        overview=overview,
        problems="",
        other_matters="",
        signed_on=signed_on,
    )


def test_a_reviewer_publishes_a_report_the_checks_pass(demo, org) -> None:
    _draft(demo, org)
    version = services.publish(actor=demo.users["jgsw_shenhe"], organisation=org, year=2024)
    assert version.number == 1 and version.override_reason == ""
    published = selectors.published_report(org, 2024)
    assert published.table3["new"]["total"] == 2
    assert published.table3["carried_out"]["total"] == 1
    assert published.signed_on == D(2025, 1, 20)
    assert AuditEvent.objects.filter(action="annual.publish", object_id=str(version.pk)).count() == 1


def test_only_reviewers_and_approvers_of_the_agency_publish(demo, org) -> None:
    _draft(demo, org)
    for username in ("jgsw_dengji", "jgsw_chengban", "zwgk_jiandu"):
        with pytest.raises(RoleRequired):
            services.publish(actor=demo.users[username], organisation=org, year=2024)
    with pytest.raises(NotVisible):
        services.publish(actor=demo.users["jyj_chengban"], organisation=org, year=2024)
    assert not PublishedVersion.objects.exists()


def test_a_report_without_a_date_of_signing_is_not_published(demo, org) -> None:
    with pytest.raises(ValidationError, match="落款日期"):
        services.publish(actor=demo.users["jgsw_qianfa"], organisation=org, year=2024)


def test_an_error_blocks_until_an_approver_overrides_with_a_reason(demo, org) -> None:
    # The text contradicts table 三 (TEXT-NO-APPLICATIONS is an error).
    _draft(demo, org, overview="2024年，本机关未收到政府信息公开申请。")
    with pytest.raises(PublishBlocked) as blocked:
        services.publish(actor=demo.users["jgsw_shenhe"], organisation=org, year=2024)
    assert [f.code for f in blocked.value.errors_found] == ["TEXT-NO-APPLICATIONS"]
    with pytest.raises(RoleRequired):
        services.publish(
            actor=demo.users["jgsw_shenhe"], organisation=org, year=2024, override_reason="时间紧急"
        )
    assert not PublishedVersion.objects.exists()
    version = services.publish(
        actor=demo.users["jgsw_qianfa"], organisation=org, year=2024, override_reason="文字已另行说明"
    )
    assert version.override_reason == "文字已另行说明"
    assert [f["code"] for f in version.findings if f["severity"] == "error"] == ["TEXT-NO-APPLICATIONS"]
    event = AuditEvent.objects.get(action="annual.override")
    assert event.after["reason"] == "文字已另行说明" and event.after["errors"] == ["TEXT-NO-APPLICATIONS"]


def test_a_correction_is_a_new_version_with_its_reason_and_changes(demo, org) -> None:
    _draft(demo, org)
    approver = demo.users["jgsw_qianfa"]
    first = services.publish(actor=approver, organisation=org, year=2024)
    with pytest.raises(ValidationError, match="无需更正"):
        services.publish(actor=approver, organisation=org, year=2024, correction_reason="复核")
    factories.application(org, kind="commercial", received=D(2024, 5, 6))  # found late
    with pytest.raises(ValidationError, match="更正原因"):
        services.publish(actor=approver, organisation=org, year=2024)
    second = services.publish(actor=approver, organisation=org, year=2024, correction_reason="漏统计一件申请")
    assert second.number == 2 and second.correction_reason == "漏统计一件申请"
    assert "表三「一、本年新收政府信息公开申请数量」「法人或其他组织·商业企业」由0更正为1" in second.changes
    assert selectors.published_report(org, 2024).table3["new"]["total"] == 3
    # The first version stays as it was published.
    assert selectors.version_of(org, 2024, 1).report["table3"]["new"]["total"] == 2
    assert [v.number for v in selectors.versions_of(org, 2024)] == [1, 2]
    assert first.pk != second.pk


def test_published_versions_cannot_be_changed_or_deleted(demo, org) -> None:
    _draft(demo, org)
    version = services.publish(actor=demo.users["jgsw_qianfa"], organisation=org, year=2024)
    version.override_reason = "改写"
    with pytest.raises(ImmutableError):
        version.save()
    with pytest.raises(ImmutableError):
        version.delete()
    with pytest.raises(ImmutableError):
        PublishedVersion.objects.filter(pk=version.pk).update(override_reason="x")


def test_last_years_published_report_is_checked_across_years(demo, org) -> None:
    _draft(demo, org)
    services.publish(actor=demo.users["jgsw_qianfa"], organisation=org, year=2024)
    # A case received in 2024 is entered only now and concluded in 2025: 2025's 上年结转 then
    # differs from the published 2024 结转下年度 (X-CARRY-OVER, an error).
    factories.application(org, received=D(2024, 11, 1), concluded=D(2025, 1, 10), outcome="granted")
    services.save_draft(
        actor=demo.users["jgsw_chengban"],
        organisation=org,
        year=2025,
        version=0,
        overview="",
        problems="",
        other_matters="",
        signed_on=D(2026, 1, 10),
    )
    with pytest.raises(PublishBlocked) as blocked:
        services.publish(actor=demo.users["jgsw_shenhe"], organisation=org, year=2025)
    assert "X-CARRY-OVER" in {f.code for f in blocked.value.errors_found}


def test_stale_edits_are_refused(demo, org) -> None:
    draft = _draft(demo, org)
    _draft(demo, org, version=draft.version, overview="第二稿")
    with pytest.raises(EditConflict):
        _draft(demo, org, version=draft.version, overview="基于旧稿")
    with pytest.raises(EditConflict):
        services.save_figures(
            actor=demo.users["jgsw_chengban"], organisation=org, year=2024, version=0, licensing=1
        )


def test_a_year_not_yet_over_is_not_published(demo, org) -> None:
    year = timezone.localdate().year
    services.save_draft(
        actor=demo.users["jgsw_chengban"],
        organisation=org,
        year=year,
        version=0,
        overview="",
        problems="",
        other_matters="",
        signed_on=D(year + 1, 1, 10),
    )
    with pytest.raises(ValidationError, match="尚未结束"):
        services.publish(actor=demo.users["jgsw_qianfa"], organisation=org, year=year)


def test_a_date_of_signing_inside_the_year_is_refused(demo, org) -> None:
    with pytest.raises(ValidationError, match="落款日期须在2024年度结束之后"):
        _draft(demo, org, signed_on=D(2024, 12, 31))


def test_supervisors_and_registrars_do_not_write_figures(demo, org) -> None:
    for username in ("zwgk_jiandu", "jgsw_dengji"):
        with pytest.raises(RoleRequired):
            services.save_figures(
                actor=demo.users[username], organisation=org, year=2024, version=1, licensing=1
            )
