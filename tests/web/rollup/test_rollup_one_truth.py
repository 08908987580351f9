"""One truth between the campaign and the annual-report app: a platform unit's submission is the
version it published (linked by id and number, flagged when a correction follows), the publication
date is the annual app's, a returned report is never consolidated, and the demo agrees with itself."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from factories.rollup import CITY, PARTS, client_for, mini, sample, send
from xxgk.checks import run_checks
from xxgk.report import Report
from xxgk.web.annual.models import PublishedVersion
from xxgk.web.demo import DemoContext
from xxgk.web.rollup import demo as rollup_demo
from xxgk.web.rollup import selectors, services
from xxgk.web.rollup.errors import RollupError
from xxgk.web.rollup.models import Campaign, Enrolment, Source, Status, Submission


def _published(org: Any, user: Any, report: Report, number: int = 1, day: int = 15) -> PublishedVersion:
    return PublishedVersion.objects.create(
        organisation=org,
        year=report.year,
        number=number,
        report=report.model_dump(mode="json"),
        correction_reason="更正表三" if number > 1 else "",
        published_at=timezone.make_aware(dt.datetime(report.year + 1, 1, day, 9)),
        published_by=user,
    )


def _submit_published(actor: Any, item: Submission) -> Submission:
    services.prepare_from_published(actor=actor, submission=item)
    item.refresh_from_db()
    services.submit(actor=actor, submission=item, on=dt.date(2026, 1, 20))
    item.refresh_from_db()
    return item


@pytest.mark.django_db
def test_a_platform_submission_is_the_published_version_and_no_other_copy() -> None:
    m = mini()
    staff = m.context.users["jgsw_chengban"]
    item = m.submission(PARTS[0])
    with pytest.raises(RollupError, match="尚未在平台公开"):
        services.prepare_from_published(actor=staff, submission=item)
    report = sample(PARTS[0], 2025)
    v1 = _published(m.context.orgs["jgsw"], staff, report)
    item = _submit_published(staff, item)
    assert item.current.published == v1 and item.current.source == Source.PLATFORM
    assert Report.model_validate(item.current.report).table3 == report.table3
    # Another copy of the figures (a file, or hand edits) is refused once the unit published.
    with pytest.raises(RollupError, match="已在平台公开"):
        services.prepare_file(actor=staff, submission=item, data=b"{}", filename="x.json")
    with pytest.raises(RollupError, match="已在平台公开"):
        services.prepare_from_report(actor=staff, submission=item, report=report)
    services.prepare_from_published(actor=staff, submission=item)
    item.refresh_from_db()
    with pytest.raises(RollupError, match="不能在此修改"):
        services.correct_draft(actor=staff, submission=item, cells={"table3.new.total": "1"})


@pytest.mark.django_db
def test_a_published_correction_flags_the_submission_until_it_is_resubmitted() -> None:
    m = mini()
    staff = m.context.users["jgsw_chengban"]
    report = sample(PARTS[0], 2025)
    _published(m.context.orgs["jgsw"], staff, report)
    item = _submit_published(staff, m.submission(PARTS[0]))
    assert not selectors.publication_of(item).outdated
    corrected = report.model_copy(update={"title": "更正后的报告"})
    v2 = _published(m.context.orgs["jgsw"], staff, corrected, number=2, day=25)
    publication = selectors.publication_of(item)
    assert publication.outdated and (publication.submitted_number, publication.latest_number) == (1, 2)
    page = client_for(m.supervisor).get(f"/staff/rollup/campaigns/{m.campaigns[2025].pk}/")
    assert "平台已更正为第2版，报送的是第1版" in page.content.decode()
    item = _submit_published(staff, item)
    assert item.current.published == v2 and not selectors.publication_of(item).outdated


@pytest.mark.django_db
def test_publication_is_read_from_the_annual_app() -> None:
    m = mini()
    staff = m.context.users["jgsw_chengban"]
    item = m.submission(PARTS[0])
    _published(m.context.orgs["jgsw"], staff, sample(PARTS[0], 2025), day=18)
    item = _submit_published(staff, item)
    today = dt.date(2026, 6, 1)
    row = next(r for r in selectors.board(m.supervisor, m.campaigns[2025], today) if r.submission == item)
    assert item.published_on is None  # the campaign keeps no copy of its own
    assert row.publication.published_on == dt.date(2026, 1, 18)
    assert not {f.code for f in row.flags} & {"X-NOT-PUBLISHED", "X-PUBLISHED-LATE"}
    other = next(
        r
        for r in selectors.board(m.supervisor, m.campaigns[2025], today)
        if r.submission.enrolment.unit.name == PARTS[2]
    )
    assert "X-NOT-PUBLISHED" in {f.code for f in other.flags}
    # Recording 已发布 takes the annual app's date, whatever day is given.
    services.approve(actor=m.supervisor, submission=item, on=dt.date(2026, 1, 21))
    services.mark_published(actor=m.supervisor, submission=item, on=dt.date(2026, 3, 1))
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED and item.published_on == dt.date(2026, 1, 18)


@pytest.mark.django_db
def test_a_returned_report_is_never_consolidated() -> None:
    m = mini()
    reports = {name: sample(name, 2025) for name in PARTS}
    wrong = reports[PARTS[1]].model_dump()
    wrong["table3"]["granted"]["natural_person"] += 1  # breaks 表三's sums
    reports[PARTS[1]] = Report.model_validate(wrong)
    for name in PARTS:
        send(m.supervisor, m.submission(name), reports[name])
    services.return_report(actor=m.supervisor, submission=m.submission(PARTS[1]), reason="表三合计不符")
    city = Enrolment.objects.get(unit__name=CITY, year=2025)
    own, region = services.generate_consolidated(
        actor=m.supervisor, campaign=m.campaigns[2025], enrolment=city
    )
    for item in (own, region):
        assert PARTS[1] not in item.included and PARTS[1] in item.missing
        summed = Report.model_validate(item.report)
        assert summed.table3["new"]["total"] == sum(
            reports[n].table3["new"]["total"] for n in (PARTS[0], PARTS[2])
        )
        assert not [f for f in run_checks(summed) if f.severity == "error"]
    # …nor counted among the parts when the city's own report is checked.
    checked = send(m.supervisor, m.submission(CITY), sample(CITY, 2025))
    incomplete = checked.findings.filter(superseded=False, code="X-CONSOLIDATED-INCOMPLETE")
    assert incomplete.exists() and PARTS[1] in incomplete.first().message


def test_the_demo_campaign_and_the_annual_app_agree(full_demo: DemoContext) -> None:
    campaign = Campaign.objects.get(office=full_demo.orgs["office"], year=2025)
    linked = Submission.objects.filter(campaign=campaign, current__published__isnull=False)
    names = {s.enrolment.unit.name for s in linked}
    assert {"宜春市机关事务管理中心", "宜春市自然资源局", "宜春市教育局"} <= names
    for item in linked.select_related("current__published"):
        latest = (
            PublishedVersion.objects.filter(organisation=item.enrolment.unit.organisation, year=2025)
            .order_by("-number")
            .first()
        )
        assert item.current.published == latest
        for key in ("new", "carried_in", "total"):
            assert item.current.report["table3"][key] == latest.report["table3"][key]
    rows = selectors.board(full_demo.users["zwgk_jiandu"], campaign)
    for row in rows:
        if row.submission.enrolment.unit.name in names:
            assert "X-NOT-PUBLISHED" not in {f.code for f in row.flags}, row.submission
            assert row.publication.published_on is not None
    # The returned unit is left out of the city's consolidated report, which passes its own checks.
    city = Enrolment.objects.get(unit__name=rollup_demo.CITY, year=2025)
    for item in services.generate_consolidated(
        actor=full_demo.users["zwgk_jiandu"], campaign=campaign, enrolment=city
    ):
        assert rollup_demo.RETURNED not in item.included
        assert not [f for f in item.findings if f["severity"] == "error" and f["code"].startswith("T")]
