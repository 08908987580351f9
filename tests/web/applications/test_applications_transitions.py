"""The state machine: every transition refused outside its states, by role, and nothing written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from conftest import PERSON, Staff, fresh
from django.utils import timezone

from xxgk.web.applications import services
from xxgk.web.applications import transitions as tr
from xxgk.web.applications.errors import StaleVersion, TransitionRefused
from xxgk.web.applications.models import Application, CaseEvent, FeeNotice, Letter, State
from xxgk.web.audit.models import AuditEvent
from xxgk.web.orgs.errors import NotVisible, RoleRequired

pytestmark = pytest.mark.django_db

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


def test_every_transition_has_a_call() -> None:
    assert set(CALLS) == set(tr.BY_NAME)


def _case_in(staff: Staff, state: State) -> Application:
    if state == State.SUBMITTED:
        return services.submit_online(organisation=staff.org, data=PERSON, client="test").application
    case = staff.register(received_on=date(2025, 3, 3))
    for name in PATHS[state]:
        case = fresh(CALLS[name](staff, fresh(case)))
    assert case.state == state
    return fresh(case)


def _snapshot(case: Application) -> tuple:
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


def test_all_paths_reach_their_state(staff: Staff) -> None:
    for state in State:
        assert _case_in(staff, state).state == state


@pytest.mark.parametrize("state", list(State), ids=lambda s: s.value)
def test_illegal_transitions_are_refused_and_write_nothing(staff: Staff, state: State) -> None:
    case = _case_in(staff, state)
    illegal = [t for t in tr.TRANSITIONS if state not in t.sources]
    assert illegal or state in tr.OPEN_STATES
    for transition in illegal:
        before = _snapshot(case)
        with pytest.raises(TransitionRefused) as refused:
            CALLS[transition.name](staff, fresh(case))
        assert transition.label_zh in refused.value.message_zh
        assert State(state).label in refused.value.message_zh
        assert _snapshot(case) == before, transition.name


def test_wrong_role_is_refused_and_writes_nothing(staff: Staff) -> None:
    case = _case_in(staff, State.REVIEWED)
    before = _snapshot(case)
    with pytest.raises(RoleRequired):  # the handler cannot sign off (签发)
        services.approve(actor=staff.handler, application=case, version=case.version)
    with pytest.raises(RoleRequired):  # an extension is the approver's decision
        services.extend(actor=staff.handler, application=case, version=case.version, on=D, days=5, reason="x")
    assert _snapshot(case) == before


def test_supervisor_may_not_act(staff: Staff) -> None:
    case = _case_in(staff, State.REGISTERED)
    before = _snapshot(case)
    with pytest.raises(RoleRequired):
        services.withdraw(actor=staff.supervisor, application=case, version=case.version, on=D)
    assert _snapshot(case) == before


def test_other_agency_gets_not_visible(staff: Staff) -> None:
    case = _case_in(staff, State.REGISTERED)
    before = _snapshot(case)
    with pytest.raises(NotVisible):
        services.withdraw(actor=staff.other_agency, application=case, version=case.version, on=D)
    assert _snapshot(case) == before


def test_abandonment_waits_for_the_correction_period(staff: Staff) -> None:
    case = _case_in(staff, State.AWAITING_CORRECTION)  # 补正期限 2025-03-24
    before = _snapshot(case)
    with pytest.raises(TransitionRefused) as refused:
        services.abandon_uncorrected(
            actor=staff.handler, application=case, version=case.version, on=date(2025, 3, 24)
        )
    assert "补正期限（2025-03-24）届满后" in refused.value.message_zh
    assert _snapshot(case) == before
    services.abandon_uncorrected(
        actor=staff.handler, application=case, version=case.version, on=date(2025, 3, 25)
    )
    case = fresh(case)
    assert (case.state, case.outcome, case.concluded_on) == (
        State.ABANDONED,
        "other.no_correction",
        date(2025, 3, 25),
    )


def test_a_second_extension_is_refused_by_the_core(staff: Staff) -> None:
    case = _case_in(staff, State.REGISTERED)
    case = CALLS["extend"](staff, case)
    before = _snapshot(case)
    with pytest.raises(TransitionRefused) as refused:
        CALLS["extend"](staff, fresh(case))
    assert "只能延长一次" in refused.value.message_zh
    assert _snapshot(case) == before


def test_concurrent_edits_never_lose_an_update(staff: Staff) -> None:
    case = _case_in(staff, State.REGISTERED)
    loaded_by_both = fresh(case)
    services.assign_handler(
        actor=staff.registrar,
        application=loaded_by_both,
        version=loaded_by_both.version,
        handler=staff.handler,
    )
    before = _snapshot(case)
    with pytest.raises(StaleVersion) as stale:
        CALLS["request_correction"](staff, loaded_by_both)  # still holds the old version
    assert "已被他人修改" in stale.value.message_zh
    assert _snapshot(case) == before
