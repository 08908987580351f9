"""The review chain: every transition allowed from its state by its role, refused otherwise
with a Chinese message and nothing written."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from factories.publications import Agency, make_user
from xxgk.web.audit.models import AuditEvent
from xxgk.web.orgs.errors import NotVisible, RoleRequired
from xxgk.web.orgs.models import Role
from xxgk.web.publishing import corrections, drafting, issuing, review
from xxgk.web.publishing.chain import DEFAULT_CHAIN
from xxgk.web.publishing.errors import Blocked, TransitionRefused
from xxgk.web.publishing.models import (
    Publication,
    PublicationRevision,
    ReviewDecision,
    ReviewStep,
    RevisionKind,
    State,
)

pytestmark = pytest.mark.django_db


def _ticked(position: int) -> dict[str, bool]:
    return dict.fromkeys(DEFAULT_CHAIN[position - 1].checklist, True)


def _snapshot(publication: Publication) -> tuple:
    row = Publication.objects.get(pk=publication.pk)
    return (
        row.state,
        row.step,
        row.version,
        row.on_hold,
        row.index_number,
        ReviewDecision.objects.filter(publication=row).count(),
        PublicationRevision.objects.filter(publication=row).count(),
        AuditEvent.objects.count(),
    )


def _refused(publication: Publication, call, error=TransitionRefused) -> Exception:
    before = _snapshot(publication)
    with pytest.raises(error) as info:
        call()
    assert _snapshot(publication) == before
    return info.value


@pytest.fixture
def agency() -> Agency:
    return Agency()


def test_the_default_chain_end_to_end(agency: Agency) -> None:
    publication = agency.draft()
    drafting.submit(actor=agency.drafter, publication=publication)
    publication.refresh_from_db()
    assert (publication.state, publication.step) == (State.REVIEW, 1)
    for position, reviewer in enumerate(agency.reviewers, start=1):
        review.approve(actor=reviewer, publication=publication, checklist=_ticked(position), remarks="同意")
        publication.refresh_from_db()
    assert publication.state == State.APPROVED
    assert publication.index_number is None  # nothing public before publication
    issuing.publish(actor=agency.drafter, publication=publication)
    publication.refresh_from_db()
    assert publication.state == State.PUBLISHED
    year = timezone.localtime(publication.published_at).year
    assert publication.index_number == f"{agency.org.credit_code}/{year}-00001"
    steps = list(ReviewDecision.objects.filter(publication=publication).values_list("step_name", "outcome"))
    assert steps == [
        ("提交", "submit"),
        ("初审", "approve"),
        ("复审", "approve"),
        ("保密审查", "approve"),
        ("终审", "approve"),
    ]
    assert ReviewDecision.objects.get(publication=publication, step=2).checklist == _ticked(2)
    actions = list(
        AuditEvent.objects.filter(object_type="publishing.publication", object_id=str(publication.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        "publishing.create",
        "publishing.submit",
        *["publishing.approve"] * 4,
        "publishing.publish",
    ]


def test_submit_refused_outside_draft_and_for_non_drafters(agency: Agency) -> None:
    publication = agency.draft()
    _refused(
        publication, lambda: drafting.submit(actor=agency.reviewers[0], publication=publication), RoleRequired
    )
    drafting.submit(actor=agency.drafter, publication=publication)
    error = _refused(publication, lambda: drafting.submit(actor=agency.drafter, publication=publication))
    assert "「审核中」状态不能提交审核" in error.message_zh


def test_approve_needs_the_steps_role(agency: Agency) -> None:
    publication = agency.draft()
    drafting.submit(actor=agency.drafter, publication=publication)
    _refused(
        publication,
        lambda: review.approve(actor=agency.drafter, publication=publication, checklist=_ticked(1)),
        RoleRequired,
    )
    # 终审 belongs to the APPROVER role: a reviewer who passed 初审-保密审查 cannot sign it.
    for position in (1, 2, 3):
        review.approve(
            actor=agency.reviewers[position - 1], publication=publication, checklist=_ticked(position)
        )
    other_reviewer = make_user(agency.org, Role.REVIEWER)
    _refused(
        publication,
        lambda: review.approve(actor=other_reviewer, publication=publication, checklist=_ticked(4)),
        RoleRequired,
    )


def test_approve_needs_every_checklist_item(agency: Agency) -> None:
    publication = agency.draft()
    drafting.submit(actor=agency.drafter, publication=publication)
    error = _refused(
        publication,
        lambda: review.approve(
            actor=agency.reviewers[0], publication=publication, checklist={"文字表述准确规范": True}
        ),
    )
    assert "事实、数据准确" in error.message_zh


def test_one_person_cannot_pass_two_steps(agency: Agency) -> None:
    both = make_user(agency.org, Role.REVIEWER)
    publication = agency.draft()
    drafting.submit(actor=agency.drafter, publication=publication)
    review.approve(actor=both, publication=publication, checklist=_ticked(1))
    error = _refused(
        publication, lambda: review.approve(actor=both, publication=publication, checklist=_ticked(2))
    )
    assert "三审分离" in error.message_zh


def test_rejection_returns_the_draft_and_it_goes_through_the_chain_again(agency: Agency) -> None:
    publication = agency.draft()
    drafting.submit(actor=agency.drafter, publication=publication)
    review.approve(actor=agency.reviewers[0], publication=publication, checklist=_ticked(1))
    _refused(
        publication, lambda: review.reject(actor=agency.reviewers[1], publication=publication, remarks=" ")
    )
    review.reject(actor=agency.reviewers[1], publication=publication, remarks="法律依据引用有误")
    publication.refresh_from_db()
    assert (publication.state, publication.step) == (State.DRAFT, None)
    publication = drafting.update_draft(
        actor=agency.drafter,
        publication=publication,
        expected_version=publication.version,
        body="已修改正文。",
    )
    drafting.submit(actor=agency.drafter, publication=publication)
    publication.refresh_from_db()
    assert publication.step == 1  # from the first step again
    agency.approve_all(publication)
    assert Publication.objects.get(pk=publication.pk).state == State.APPROVED


def test_a_draft_under_review_cannot_be_edited(agency: Agency) -> None:
    publication = agency.draft()
    drafting.submit(actor=agency.drafter, publication=publication)
    publication.refresh_from_db()
    _refused(
        publication,
        lambda: drafting.update_draft(
            actor=agency.drafter, publication=publication, expected_version=publication.version, title="改"
        ),
    )


def test_hold_only_at_the_confidentiality_step(agency: Agency) -> None:
    publication = agency.draft()
    drafting.submit(actor=agency.drafter, publication=publication)
    error = _refused(
        publication,
        lambda: review.set_hold(
            actor=agency.reviewers[0], publication=publication, held=True, remarks="报送"
        ),
    )
    assert "「初审」环节不能暂缓" in error.message_zh
    review.approve(actor=agency.reviewers[0], publication=publication, checklist=_ticked(1))
    review.approve(actor=agency.reviewers[1], publication=publication, checklist=_ticked(2))
    review.set_hold(
        actor=agency.reviewers[2], publication=publication, held=True, remarks="已报市国家保密局确定密级"
    )
    _refused(
        publication,
        lambda: review.approve(actor=agency.reviewers[2], publication=publication, checklist=_ticked(3)),
    )
    review.set_hold(
        actor=agency.reviewers[2], publication=publication, held=False, remarks="复函：不属于国家秘密"
    )
    review.approve(actor=agency.reviewers[2], publication=publication, checklist=_ticked(3))
    assert Publication.objects.get(pk=publication.pk).step == 4


def test_publish_refused_before_approval_and_twice(agency: Agency) -> None:
    publication = agency.draft()
    _refused(publication, lambda: issuing.publish(actor=agency.drafter, publication=publication))
    drafting.submit(actor=agency.drafter, publication=publication)
    agency.approve_all(publication)
    _refused(
        publication,
        lambda: issuing.publish(actor=agency.reviewers[0], publication=publication),
        RoleRequired,
    )
    issuing.publish(actor=agency.drafter, publication=publication)
    _refused(publication, lambda: issuing.publish(actor=agency.drafter, publication=publication))


def test_another_agencys_draft_is_not_visible(agency: Agency) -> None:
    other = Agency()
    publication = agency.draft()
    _refused(publication, lambda: drafting.submit(actor=other.drafter, publication=publication), NotVisible)
    _refused(
        publication,
        lambda: corrections.withdraw(actor=other.approver, publication=publication, reason="x"),
        NotVisible,
    )


def test_a_custom_chain_of_two_steps(agency: Agency) -> None:
    ReviewStep.objects.create(
        organisation=agency.org, position=1, name="科室审核", role=Role.REVIEWER, checklist="内容准确"
    )
    ReviewStep.objects.create(organisation=agency.org, position=2, name="领导签发", role=Role.APPROVER)
    publication = agency.draft()
    drafting.submit(actor=agency.drafter, publication=publication)
    review.approve(actor=agency.reviewers[0], publication=publication, checklist={"内容准确": True})
    review.approve(actor=agency.approver, publication=publication, checklist={})
    assert Publication.objects.get(pk=publication.pk).state == State.APPROVED


def test_personal_information_blocks_submission_and_cannot_be_overridden(agency: Agency) -> None:
    publication = agency.draft(body="经核查，当事人身份证号码11010519491231002X，现予公示。")
    error = _refused(
        publication, lambda: drafting.submit(actor=agency.drafter, publication=publication), Blocked
    )
    assert "身份证号码（110***********002X）" in error.message_zh
    assert "11010519491231002X" not in error.message_zh
    error = _refused(
        publication,
        lambda: drafting.submit(
            actor=agency.drafter, publication=publication, overrides={"PUB-PII": "已征得同意"}
        ),
    )
    assert "不能豁免" in error.message_zh


def test_an_overridable_finding_passes_with_a_logged_reason(agency: Agency) -> None:
    from xxgk.web.publishing.models import CheckOverride, PublishingProfile

    PublishingProfile.objects.create(organisation=agency.org, sensitive_words="绝密\n内部")
    publication = agency.draft(body="本通知仅供内部参考。")
    _refused(publication, lambda: drafting.submit(actor=agency.drafter, publication=publication), Blocked)
    drafting.submit(
        actor=agency.drafter,
        publication=publication,
        overrides={"PUB-SENSITIVE": "「内部」指内部控制制度，非涉密"},
    )
    override = CheckOverride.objects.get(publication=publication)
    assert (override.code, override.actor) == ("PUB-SENSITIVE", agency.drafter)
    assert AuditEvent.objects.filter(action="publishing.override", object_id=str(publication.pk)).count() == 1


def test_correction_keeps_the_earlier_text_and_the_index_number(agency: Agency) -> None:
    publication = agency.published(body="第一版正文。")
    number = publication.index_number
    _refused(
        publication,
        lambda: corrections.start_correction(
            actor=agency.drafter, publication=publication, kind=RevisionKind.CORRECTION, reason=""
        ),
    )
    corrections.start_correction(
        actor=agency.drafter, publication=publication, kind=RevisionKind.CORRECTION, reason="第三段数字有误"
    )
    publication.refresh_from_db()
    # Until the correction is approved, readers still read the first text.
    assert publication.revisions.get(is_current=True).body == "第一版正文。"
    drafting.update_draft(
        actor=agency.drafter,
        publication=publication,
        expected_version=publication.version,
        body="第二版正文。",
    )
    drafting.submit(actor=agency.drafter, publication=publication)
    agency.approve_all(publication)
    issuing.publish(actor=agency.drafter, publication=publication)
    publication.refresh_from_db()
    first, second = publication.revisions.order_by("number")
    assert (first.body, first.is_current) == ("第一版正文。", False)
    assert (second.body, second.kind, second.reason, second.is_current) == (
        "第二版正文。",
        "correction",
        "第三段数字有误",
        True,
    )
    assert publication.index_number == number


def test_withdrawal_keeps_the_record_with_its_reason(agency: Agency) -> None:
    publication = agency.published()
    _refused(
        publication,
        lambda: corrections.withdraw(actor=agency.drafter, publication=publication, reason="重复发布"),
        RoleRequired,
    )
    _refused(
        publication, lambda: corrections.withdraw(actor=agency.approver, publication=publication, reason="")
    )
    corrections.withdraw(actor=agency.approver, publication=publication, reason="与第2号通知重复发布")
    publication.refresh_from_db()
    assert publication.state == State.WITHDRAWN
    assert publication.withdrawal_reason == "与第2号通知重复发布"
    assert publication.index_number and publication.revisions.count() == 1


def test_scheduled_publication_runs_when_due(agency: Agency) -> None:
    publication = agency.draft()
    drafting.submit(actor=agency.drafter, publication=publication)
    agency.approve_all(publication)
    at = timezone.now() + timedelta(hours=2)
    _refused(
        publication,
        lambda: issuing.schedule(
            actor=agency.drafter, publication=publication, at=timezone.now() - timedelta(minutes=1)
        ),
    )
    issuing.schedule(actor=agency.drafter, publication=publication, at=at)
    assert issuing.publish_due(at - timedelta(minutes=1)) == 0
    assert issuing.publish_due(at) == 1
    assert Publication.objects.get(pk=publication.pk).state == State.PUBLISHED
    assert issuing.publish_due(at + timedelta(days=1)) == 0


def test_index_numbers_count_per_agency_and_year(agency: Agency) -> None:
    first = agency.published()
    second = agency.published()
    other = Agency().published()
    serials = [p.index_number.rsplit("-", 1)[1] for p in (first, second, other)]
    assert serials == ["00001", "00002", "00001"]
    next_year = datetime(timezone.localtime().year + 1, 1, 2, 9, tzinfo=timezone.get_current_timezone())
    third = agency.draft()
    drafting.submit(actor=agency.drafter, publication=third)
    agency.approve_all(third)
    issuing.publish(actor=agency.drafter, publication=third, now=next_year)
    third.refresh_from_db()
    assert third.index_number == f"{agency.org.credit_code}/{next_year.year}-00001"
