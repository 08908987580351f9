"""Cases for the tests: an applicant, the demo agency's staff, and a lawful call of every
transition, all through the applications services."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone

from xxgk.web.applications import services
from xxgk.web.applications.intake import ApplicantData
from xxgk.web.applications.models import Application, CaseEvent, FeeNotice, Letter, State
from xxgk.web.audit.models import AuditEvent

PERSON = ApplicantData(
    applicant_kind="natural_person",
    name="张小明",
    id_type="id_card",
    id_number="360902199001011233",
    phone="13907950000",
    email="zxm@example.com",
    address="江西省宜春市袁州区某路1号",
    description="2024年度市行政中心物业服务合同",
    info_form="electronic",
    delivery="email",
)


@dataclass
class Staff:
    org: Any
    registrar: Any
    handler: Any
    reviewer: Any
    approver: Any
    admin: Any
    supervisor: Any
    other_agency: Any
    superuser: Any

    def register(self, received_on: date = date(2025, 3, 3), **kwargs: Any) -> Application:
        intake = services.register(
            actor=self.registrar,
            organisation=self.org,
            channel=kwargs.pop("channel", "letter"),
            received_on=received_on,
            data=kwargs.pop("data", PERSON),
            handler=kwargs.pop("handler", self.handler),
            **kwargs,
        )
        return intake.application


def fresh(case: Application) -> Application:
    return Application.objects.select_related("organisation", "handler").get(pk=case.pk)


D = date(2025, 3, 10)

# How each transition is invoked (by a user holding a role it needs), with lawful arguments.
CALLS: dict[str, Callable[[Staff, Application], Any]] = {
    "confirm_receipt": lambda s, c: services.confirm_receipt(
        actor=s.registrar, application=c, version=c.version, received_on=timezone.localdate()
    ),
    "assign_handler": lambda s, c: services.assign_handler(
        actor=s.registrar, application=c, version=c.version, handler=s.handler
    ),
    "request_correction": lambda s, c: services.request_correction(
        actor=s.handler,
        application=c,
        version=c.version,
        on=D,
        what="写明文件名称",
        respond_by=date(2025, 3, 24),
    ),
    "receive_correction": lambda s, c: services.receive_correction(
        actor=s.handler, application=c, version=c.version, on=date(2025, 3, 12)
    ),
    "abandon_uncorrected": lambda s, c: services.abandon_uncorrected(
        actor=s.handler, application=c, version=c.version, on=date(2025, 3, 25)
    ),
    "start_consultation": lambda s, c: services.start_consultation(
        actor=s.handler, application=c, version=c.version, on=D, consulted="某物业公司"
    ),
    "end_consultation": lambda s, c: services.end_consultation(
        actor=s.handler, application=c, version=c.version, on=date(2025, 3, 20)
    ),
    "request_reasons": lambda s, c: services.request_reasons(
        actor=s.handler, application=c, version=c.version, on=D
    ),
    "receive_reasons": lambda s, c: services.receive_reasons(
        actor=s.handler, application=c, version=c.version, on=date(2025, 3, 14)
    ),
    "extend": lambda s, c: services.extend(
        actor=s.approver, application=c, version=c.version, on=date(2025, 3, 12), days=10, reason="需调取档案"
    ),
    "issue_fee_notice": lambda s, c: services.issue_fee_notice(
        actor=s.handler, application=c, version=c.version, on=D, method="per_page", quantity=40
    ),
    "record_payment": lambda s, c: services.record_payment(
        actor=s.handler, application=c, version=c.version, on=date(2025, 3, 12)
    ),
    "mark_unpaid": lambda s, c: services.mark_unpaid(
        actor=s.handler, application=c, version=c.version, on=date(2025, 5, 30)
    ),
    "draft_reply": lambda s, c: services.draft_reply(
        actor=s.handler, application=c, version=c.version, outcome="granted"
    ),
    "review": lambda s, c: services.review(actor=s.reviewer, application=c, version=c.version),
    "return_draft": lambda s, c: services.return_draft(actor=s.reviewer, application=c, version=c.version),
    "approve": lambda s, c: services.approve(actor=s.approver, application=c, version=c.version),
    "send_reply": lambda s, c: services.send_reply(
        actor=s.handler, application=c, version=c.version, on=date(2025, 3, 26)
    ),
    "close": lambda s, c: services.close(actor=s.handler, application=c, version=c.version),
    "withdraw": lambda s, c: services.withdraw(actor=s.handler, application=c, version=c.version, on=D),
}

# A path from a registered case to each state.
PATHS: dict[State, tuple[str, ...]] = {
    State.REGISTERED: (),
    State.AWAITING_CORRECTION: ("request_correction",),
    State.CONSULTING: ("start_consultation",),
    State.AWAITING_REASONS: ("request_reasons",),
    State.AWAITING_FEE: ("issue_fee_notice",),
    State.DRAFTED: ("draft_reply",),
    State.REVIEWED: ("draft_reply", "review"),
    State.APPROVED: ("draft_reply", "review", "approve"),
    State.REPLIED: ("draft_reply", "review", "approve", "send_reply"),
    State.CLOSED: ("draft_reply", "review", "approve", "send_reply", "close"),
    State.ABANDONED: ("request_correction", "abandon_uncorrected"),
    State.WITHDRAWN: ("withdraw",),
}


def case_in(staff: Staff, state: State) -> Application:
    if state == State.SUBMITTED:
        return services.submit_online(organisation=staff.org, data=PERSON, client="test").application
    case = staff.register(received_on=date(2025, 3, 3))
    for name in PATHS[state]:
        case = fresh(CALLS[name](staff, fresh(case)))
    assert case.state == state
    return fresh(case)


def snapshot(case: Application) -> tuple:
    row = fresh(case)
    return (
        row.state,
        row.version,
        row.outcome,
        row.concluded_on,
        row.due_on,
        row.handler_id,
        CaseEvent.objects.filter(application=case).count(),
        Letter.objects.filter(application=case).count(),
        FeeNotice.objects.filter(application=case).count(),
        AuditEvent.objects.count(),
    )
