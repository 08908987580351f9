"""Attachments are checked by content at upload (the same check that runs at submission), and a
wrong one can be taken out of a draft before publication, with the removal in the audit trail."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from django.urls import reverse

from factories.publications import EXE, Agency, pdf_bytes
from xxgk.web.audit.models import AuditEvent
from xxgk.web.orgs.errors import RoleRequired
from xxgk.web.publishing import corrections, drafting, issuing, prepublication
from xxgk.web.publishing.errors import TransitionRefused
from xxgk.web.publishing.models import Attachment, RevisionKind, State

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("安装程序.exe", EXE, "不支持的文件类型「.exe」"),
        ("通知.pdf", EXE, "内容与扩展名不符"),  # a program renamed to .pdf
        ("通知.pdf", b"%PDF-1.7 not really a pdf", "内容与扩展名不符"),
        ("说明.txt", EXE, "与扩展名不符"),
        ("空白.pdf", b"", "文件为空"),
    ],
)
def test_a_file_that_is_not_what_its_name_says_is_refused_at_upload(
    name: str, content: bytes, said: str
) -> None:
    agency = Agency()
    draft = agency.draft()
    with pytest.raises(TransitionRefused) as refused:
        drafting.add_attachment(actor=agency.drafter, publication=draft, name=name, content=content)
    assert said in refused.value.message_zh and name in refused.value.message_zh
    assert "Error" not in refused.value.message_zh  # no library or exception name
    assert not Attachment.objects.filter(publication=draft).exists()


def test_a_real_pdf_is_accepted_and_submission_still_checks_attachments() -> None:
    agency = Agency()
    draft = agency.draft()
    drafting.add_attachment(actor=agency.drafter, publication=draft, name="附件1.pdf", content=pdf_bytes())
    assert [f for f in prepublication.findings_for(draft) if f.code == prepublication.ATTACHMENT] == []
    # A file that slipped in before upload checks existed is still caught at submission.
    Attachment.objects.create(publication=draft, name="旧附件.pdf", content=EXE, size=len(EXE))
    findings = [f for f in prepublication.findings_for(draft) if f.code == prepublication.ATTACHMENT]
    assert len(findings) == 1 and "旧附件.pdf" in findings[0].message_zh


def test_a_wrong_attachment_is_removed_from_the_draft_and_the_removal_audited() -> None:
    agency = Agency()
    draft = agency.draft()
    wrong = drafting.add_attachment(
        actor=agency.drafter, publication=draft, name="错传.pdf", content=pdf_bytes()
    )
    drafting.remove_attachment(actor=agency.drafter, attachment=wrong)
    wrong.refresh_from_db()
    assert wrong.is_active is False  # kept in the database, gone from the draft
    event = AuditEvent.objects.get(action="publishing.detach")
    assert event.object_id == str(draft.pk) and event.before["name"] == "错传.pdf"
    assert event.actor_id == agency.drafter.pk
    with pytest.raises(TransitionRefused):
        drafting.remove_attachment(actor=agency.drafter, attachment=wrong)  # removed once only


def test_removal_needs_a_drafter_and_a_draft() -> None:
    agency = Agency()
    draft = agency.draft()
    attachment = drafting.add_attachment(
        actor=agency.drafter, publication=draft, name="a.pdf", content=pdf_bytes()
    )
    with pytest.raises(RoleRequired):
        drafting.remove_attachment(actor=agency.approver, attachment=attachment)
    drafting.submit(actor=agency.drafter, publication=draft)
    with pytest.raises(TransitionRefused):
        drafting.remove_attachment(actor=agency.drafter, attachment=attachment)
    attachment.refresh_from_db()
    assert attachment.is_active


def test_a_published_file_stays_with_its_version_during_a_correction() -> None:
    agency = Agency()
    draft = agency.draft()
    attachment = drafting.add_attachment(
        actor=agency.drafter, publication=draft, name="a.pdf", content=pdf_bytes()
    )
    drafting.submit(actor=agency.drafter, publication=draft)
    agency.approve_all(draft)
    issuing.publish(actor=agency.drafter, publication=draft)
    attachment.refresh_from_db()
    assert attachment.published_in == 1
    corrections.start_correction(
        actor=agency.drafter, publication=draft, kind=RevisionKind.CORRECTION, reason="错字"
    )
    draft.refresh_from_db()
    assert draft.state == State.DRAFT
    with pytest.raises(TransitionRefused) as refused:
        drafting.remove_attachment(actor=agency.drafter, attachment=attachment)
    assert "第1版" in refused.value.message_zh


def test_staff_pages_refuse_a_fake_pdf_and_remove_an_attachment(client: Client) -> None:
    agency = Agency()
    draft = agency.draft()
    client.force_login(agency.drafter)
    url = reverse("publishing:transition", args=(draft.pk, "attach"))
    fake = io.BytesIO(b"<html>not a pdf</html>")
    fake.name = "通知.pdf"
    page = client.post(url, {"file": fake}, follow=True).content.decode()
    assert "未上传" in page and "内容与扩展名不符" in page
    good = io.BytesIO(pdf_bytes())
    good.name = "通知.pdf"
    client.post(url, {"file": good})
    attachment = Attachment.objects.get(publication=draft)
    page = client.post(
        reverse("publishing:transition", args=(draft.pk, "detach")),
        {"attachment": attachment.pk},
        follow=True,
    ).content.decode()
    assert "附件「通知.pdf」已删除" in page
    attachment.refresh_from_db()
    assert not attachment.is_active
