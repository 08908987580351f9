"""The state machine: every transition refused outside its states, by role, and nothing written."""

from __future__ import annotations

from datetime import date

import pytest

from factories.applications import CALLS, D, Staff, case_in, fresh, snapshot
from xxgk.web.applications import services
from xxgk.web.applications import transitions as tr
from xxgk.web.applications.errors import StaleVersion, TransitionRefused
from xxgk.web.applications.models import State
from xxgk.web.orgs.errors import NotVisible, RoleRequired

pytestmark = pytest.mark.django_db


def test_every_transition_has_a_call() -> None:
    assert set(CALLS) == set(tr.BY_NAME)


def test_all_paths_reach_their_state(staff: Staff) -> None:
    for state in State:
        assert case_in(staff, state).state == state


@pytest.mark.parametrize("state", list(State), ids=lambda s: s.value)
def test_illegal_transitions_are_refused_and_write_nothing(staff: Staff, state: State) -> None:
    case = case_in(staff, state)
    illegal = [t for t in tr.TRANSITIONS if state not in t.sources]
    assert illegal or state in tr.OPEN_STATES
    for transition in illegal:
        before = snapshot(case)
        with pytest.raises(TransitionRefused) as refused:
            CALLS[transition.name](staff, fresh(case))
        assert transition.label_zh in refused.value.message_zh
        assert State(state).label in refused.value.message_zh
        assert snapshot(case) == before, transition.name


def test_wrong_role_is_refused_and_writes_nothing(staff: Staff) -> None:
    case = case_in(staff, State.REVIEWED)
    before = snapshot(case)
    with pytest.raises(RoleRequired):  # the handler cannot sign off (签发)
        services.approve(actor=staff.handler, application=case, version=case.version)
    with pytest.raises(RoleRequired):  # an extension is the approver's decision
        services.extend(actor=staff.handler, application=case, version=case.version, on=D, days=5, reason="x")
    assert snapshot(case) == before


def test_supervisor_may_not_act(staff: Staff) -> None:
    case = case_in(staff, State.REGISTERED)
    before = snapshot(case)
    with pytest.raises(RoleRequired):
        services.withdraw(actor=staff.supervisor, application=case, version=case.version, on=D)
    assert snapshot(case) == before


def test_other_agency_gets_not_visible(staff: Staff) -> None:
    case = case_in(staff, State.REGISTERED)
    before = snapshot(case)
    with pytest.raises(NotVisible):
        services.withdraw(actor=staff.other_agency, application=case, version=case.version, on=D)
    assert snapshot(case) == before


def test_abandonment_waits_for_the_correction_period(staff: Staff) -> None:
    case = case_in(staff, State.AWAITING_CORRECTION)  # 补正期限 2025-03-24
    before = snapshot(case)
    with pytest.raises(TransitionRefused) as refused:
        services.abandon_uncorrected(
            actor=staff.handler, application=case, version=case.version, on=date(2025, 3, 24)
        )
    assert "补正期限（2025-03-24）届满后" in refused.value.message_zh
    assert snapshot(case) == before
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
    case = case_in(staff, State.REGISTERED)
    case = CALLS["extend"](staff, case)
    before = snapshot(case)
    with pytest.raises(TransitionRefused) as refused:
        CALLS["extend"](staff, fresh(case))
    assert "只能延长一次" in refused.value.message_zh
    assert snapshot(case) == before


def test_concurrent_edits_never_lose_an_update(staff: Staff) -> None:
    case = case_in(staff, State.REGISTERED)
    loaded_by_both = fresh(case)
    services.assign_handler(
        actor=staff.registrar,
        application=loaded_by_both,
        version=loaded_by_both.version,
        handler=staff.handler,
    )
    before = snapshot(case)
    with pytest.raises(StaleVersion) as stale:
        CALLS["request_correction"](staff, loaded_by_both)  # still holds the old version
    assert "已被他人修改" in stale.value.message_zh
    assert snapshot(case) == before
