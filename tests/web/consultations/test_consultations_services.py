"""Consultations: the public question, staff log and answer, masking, conversion to an application
with its own receipt date, the FAQ through the publishing review chain, the yearly counts in
section 一 of the annual draft and in the API, and the display-mode switch without JavaScript."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from xxgk.web.annual.assembly import assembled_report
from xxgk.web.applications import throttle
from xxgk.web.applications.intake import ApplicantData, Upload
from xxgk.web.applications.models import Application
from xxgk.web.audit.models import AuditEvent
from xxgk.web.consultations import selectors, services
from xxgk.web.consultations.errors import ApplicationError, InvalidInput, Stale
from xxgk.web.consultations.models import Channel, Status
from xxgk.web.demo import DemoContext
from xxgk.web.publishing.models import State as PublicationState

pytestmark = pytest.mark.django_db
ASKER = services.Asker(name="张三丰", phone="13812345678", email="zhang@example.com")
PERSON = ApplicantData(
    applicant_kind="natural_person",
    name="张三丰",
    id_type="id_card",
    id_number="360902199001010011",
    phone="13812345678",
    description="2025年机关公务接待费明细",
    info_form="electronic",
    delivery="email",
    email="zhang@example.com",
)


def _logged(demo: DemoContext, received: date = date(2026, 11, 2)) -> Any:
    return services.log(
        actor=demo.users["jgsw_chengban"],
        organisation=demo.orgs["jgsw"],
        channel=Channel.PHONE,
        question="公务用车管理办法在哪里公开？",
        asker=ASKER,
        received_on=received,
    ).consultation


def test_online_question_is_tracked_by_number_and_secret_and_counts_against_the_throttle(
    demo: DemoContext,
) -> None:
    asked = services.ask_online(
        organisation=demo.orgs["jgsw"], question="如何申请？", asker=ASKER, client="c1"
    )
    row = asked.consultation
    assert row.number.startswith("ZX") and row.channel == Channel.WEBSITE and row.status == Status.PENDING
    assert selectors.tracked(row.number, asked.secret) == row
    assert selectors.tracked(row.number, "wrong") is None
    assert asked.secret not in row.secret_hash
    for _ in range(throttle.LIMITS["submit"] - 1):
        services.ask_online(organisation=demo.orgs["jgsw"], question="再问", asker=ASKER, client="c1")
    with pytest.raises(ApplicationError, match="too many"):
        services.ask_online(organisation=demo.orgs["jgsw"], question="又问", asker=ASKER, client="c1")


def test_online_question_refuses_an_attachment_whose_content_is_not_its_type(demo: DemoContext) -> None:
    with pytest.raises(InvalidInput) as refused:
        services.ask_online(
            organisation=demo.orgs["jgsw"],
            question="附件",
            asker=ASKER,
            uploads=[Upload("a.pdf", "application/pdf", b"MZ not a pdf")],
            client="c2",
        )
    assert "类型不支持" in refused.value.message_zh


def test_due_date_counts_working_days_on_the_calendar_and_the_agency_period(demo: DemoContext) -> None:
    # 2026-11-02 is a Monday: 5 working days → Monday 2026-11-09 (7, 8 Nov are a weekend).
    row = _logged(demo, date(2026, 11, 2))
    assert row.due_on == date(2026, 11, 9)
    assert any("周末" in line for line in selectors.due_explanation(row))
    services.set_answer_period(actor=demo.users["jgsw_admin"], organisation=demo.orgs["jgsw"], working_days=2)
    assert _logged(demo, date(2026, 11, 2)).due_on == date(2026, 11, 4)


def test_answer_is_audited_without_personal_data_and_stale_versions_are_refused(demo: DemoContext) -> None:
    row = _logged(demo)
    answered = services.answer(
        actor=demo.users["jgsw_chengban"],
        consultation=row,
        version=row.version,
        text="已公开。",
        on=date(2026, 11, 3),
    )
    assert answered.status == Status.ANSWERED and answered.answered_by == demo.users["jgsw_chengban"]
    with pytest.raises(Stale):
        services.answer(
            actor=demo.users["jgsw_chengban"],
            consultation=row,
            version=row.version,
            text="x",
            on=date(2026, 11, 3),
        )
    payloads = str(list(AuditEvent.objects.filter(object_type="consultations.consultation").values("after")))
    assert "13812345678" not in payloads and "张三丰" not in payloads


def test_contact_is_masked_for_anyone_but_the_answering_agency(demo: DemoContext) -> None:
    row = _logged(demo)
    assert selectors.personal_view(row, demo.users["jgsw_chengban"])["phone"] == "13812345678"
    masked = selectors.personal_view(row, demo.users["zwgk_jiandu"])
    assert masked["phone"] == "138******78" and masked["name"] == "张**"


def test_conversion_needs_the_applicants_confirmation_and_keeps_its_own_receipt_date(
    demo: DemoContext,
) -> None:
    row = _logged(demo, date(2026, 11, 2))
    handler = demo.users["jgsw_chengban"]
    with pytest.raises(InvalidInput, match="not confirmed"):
        services.convert(
            actor=handler,
            consultation=row,
            version=row.version,
            channel="letter",
            received_on=date(2026, 11, 5),
            data=PERSON,
            confirmed=False,
        )
    intake = services.convert(
        actor=handler,
        consultation=row,
        version=row.version,
        channel="letter",
        received_on=date(2026, 11, 5),
        data=PERSON,
        confirmed=True,
    )
    application = Application.objects.get(pk=intake.application.pk)
    assert application.received_on == date(2026, 11, 5) != row.received_on
    assert application.consultation.pk == row.pk  # the link both ways
    row.refresh_from_db()
    assert row.application == application and row.status == Status.CONVERTED


def test_faq_goes_to_the_publishing_review_chain_and_appears_in_the_api_once_published(
    demo: DemoContext,
) -> None:
    row = _logged(demo)
    handler = demo.users["jgsw_chengban"]
    with pytest.raises(InvalidInput):
        services.propose_faq(actor=handler, consultation=row, question="q", answer_text="a")
    row = services.answer(
        actor=handler, consultation=row, version=row.version, text="已公开。", on=date(2026, 11, 3)
    )
    row = services.propose_faq(
        actor=handler, consultation=row, question="公务用车管理办法在哪里公开？", answer_text="在专栏公开。"
    )
    row.faq.refresh_from_db()
    assert row.faq.state == PublicationState.REVIEW and row.faq.nodes.get().title == "常见问题"
    assert "13812345678" not in row.faq.body and "张三丰" not in row.faq.body
    assert Client().get("/api/v1/faq").json()["total"] == 0  # not published before review ends


def test_faq_with_personal_data_is_refused_by_the_publishing_checks(demo: DemoContext) -> None:
    handler = demo.users["jgsw_chengban"]
    row = _logged(demo)
    row = services.answer(
        actor=handler, consultation=row, version=row.version, text="答", on=date(2026, 11, 3)
    )
    with pytest.raises(InvalidInput) as refused:
        services.propose_faq(
            actor=handler, consultation=row, question="张先生问", answer_text="请拨打13812345678"
        )
    assert "个人信息" in refused.value.message_zh or "手机" in refused.value.message_zh
    row.refresh_from_db()
    assert row.faq is None


def test_yearly_counts_feed_section_one_and_the_api(demo: DemoContext) -> None:
    handler = demo.users["jgsw_chengban"]
    first = _logged(demo, date(2025, 3, 3))
    services.answer(actor=handler, consultation=first, version=first.version, text="答", on=date(2025, 3, 4))
    _logged(demo, date(2025, 4, 1))
    services.log(
        actor=handler,
        organisation=demo.orgs["jgsw"],
        channel=Channel.HOTLINE,
        question="问",
        asker=services.Asker(),
        received_on=date(2025, 5, 6),
    )
    _logged(demo, date(2026, 1, 5))  # another year: not counted
    section = assembled_report(demo.orgs["jgsw"], 2025).section(1).text
    assert (
        "2025年，本机关共受理政府信息公开咨询3件，其中电话2件、12345 转办1件；已答复1件，待答复2件。"
        in section
    )
    body = Client().get(f"/api/v1/agencies/{demo.orgs['jgsw'].pk}/consultations/2025").json()
    assert body["total"] == 3 and body["by_channel"]["电话"] == 2 and body["by_outcome"]["已答复"] == 1


def test_display_mode_switch_sets_a_cookie_and_returns_without_javascript(demo: DemoContext) -> None:
    client = Client()
    response = client.get(reverse("portal:display_mode"), {"mode": "elder", "next": "/ask/"})
    assert response.status_code == 302 and response["Location"] == "/ask/"
    assert response.cookies["xxgk_mode"].value == "elder"
    assert 'class="portal elder"' in client.get("/ask/").content.decode()
    away = client.get(reverse("portal:display_mode"), {"mode": "elder", "next": "https://evil.example/"})
    assert away["Location"] == "/"


def test_reminders_name_questions_by_number_only_to_the_agencys_staff(demo: DemoContext) -> None:
    handler = demo.users["jgsw_chengban"]
    handler.email = "liu@example.com"
    handler.save()
    overdue = _logged(demo, date(2026, 11, 2))  # due 2026-11-09
    assert services.send_reminders(date(2026, 11, 10)) == 1
    (message,) = mail.outbox
    assert message.to == ["liu@example.com"] and overdue.number in message.body and "已逾期" in message.body
    assert "13812345678" not in message.body and "张三丰" not in message.body
