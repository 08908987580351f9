"""A case from registration to reply: outcome, deadline cache, letters, audit."""

from __future__ import annotations

from datetime import date

import pytest

from factories.applications import fresh
from xxgk.web.applications import case_letters, services
from xxgk.web.applications.models import CaseEvent, Letter, LetterKind, State
from xxgk.web.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_registration_fixes_receipt_and_due_date(staff) -> None:
    # Received Mon 2025-03-03; 20 working days from 03-04: March has no holiday → Mon 2025-03-31.
    case = staff.register(received_on=date(2025, 3, 3))
    assert case.state == State.REGISTERED
    assert case.received_on == date(2025, 3, 3)
    assert case.receipt_confirmed_by == staff.registrar
    assert case.due_on == date(2025, 3, 31)
    assert list(CaseEvent.objects.filter(application=case).values_list("kind", flat=True)) == ["received"]


def test_reply_flow_concludes_with_the_letters_outcome(staff) -> None:
    case = staff.register(received_on=date(2025, 3, 3))
    case = services.draft_reply(
        actor=staff.handler, application=case, version=case.version, outcome="partial"
    )
    letter = Letter.objects.get(application=case, kind=LetterKind.REPLY)
    assert "第三十七条" in letter.body and "六十日" in letter.body and "六个月" in letter.body
    assert letter.body.startswith("张小明：")
    filled = letter.body.replace("【请填写】", "涉及第三方个人信息")
    letter = case_letters.edit_letter(actor=staff.handler, letter=letter, version=letter.version, body=filled)
    case = services.review(actor=staff.reviewer, application=case, version=case.version)
    case = services.approve(actor=staff.approver, application=case, version=case.version)
    case = services.send_reply(
        actor=staff.handler, application=case, version=case.version, on=date(2025, 3, 20)
    )
    case = fresh(case)
    assert (case.state, case.outcome, case.concluded_on) == (State.REPLIED, "partial", date(2025, 3, 20))
    letter.refresh_from_db()
    assert letter.issued_on == date(2025, 3, 20)
    assert bytes(letter.docx).startswith(b"PK")
    services.close(actor=staff.handler, application=case, version=case.version)
    assert fresh(case).state == State.CLOSED
    actions = list(
        AuditEvent.objects.filter(object_type="applications.application", object_id=str(case.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "applications.register",
        "applications.draft_reply",
        "applications.review",
        "applications.approve",
        "applications.send_reply",
        "applications.close",
    ]


def test_audit_payloads_hold_no_personal_data(staff) -> None:
    case = staff.register()
    services.withdraw(actor=staff.handler, application=case, version=case.version, on=date(2025, 3, 5))
    for payload in AuditEvent.objects.values_list("before", "after"):
        text = str(payload)
        for value in ("张小明", "360902199001011233", "13907950000", "zxm@example.com", "某路1号"):
            assert value not in text


def test_withdrawal_concludes_as_other_other(staff) -> None:
    case = staff.register()
    services.withdraw(actor=staff.registrar, application=case, version=case.version, on=date(2025, 3, 5))
    case = fresh(case)
    assert (case.state, case.outcome, case.concluded_on) == (State.WITHDRAWN, "other.other", date(2025, 3, 5))
