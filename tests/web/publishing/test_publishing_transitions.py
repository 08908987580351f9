"""The review workflow as a declared table: every transition is an audit code staff can read,
and each refusal names the state the publication is in and the states it must be in."""

from __future__ import annotations

import pytest

from factories.publications import Agency
from xxgk.web.audit.audit_codes import is_defined
from xxgk.web.orgs.errors import RoleRequired
from xxgk.web.publishing import corrections, drafting
from xxgk.web.publishing import transitions as tr
from xxgk.web.publishing.errors import TransitionRefused
from xxgk.web.publishing.models import State

pytestmark = pytest.mark.django_db


def test_every_transition_is_a_declared_audit_code() -> None:
    assert all(is_defined(t.audit_action) for t in tr.TRANSITIONS)
    assert set(tr.BY_NAME) == {t.name for t in tr.TRANSITIONS}


def test_a_draft_without_index_number_cannot_be_withdrawn() -> None:
    agency = Agency()
    publication = agency.draft()
    assert not tr.allows(tr.WITHDRAW, publication)
    with pytest.raises(TransitionRefused) as refused:
        corrections.withdraw(actor=agency.approver, publication=publication, reason="重复")
    assert refused.value.message_zh == "「草稿」状态的信息不能撤回。"


def test_a_correction_draft_may_be_withdrawn() -> None:
    agency = Agency()
    publication = agency.published()
    corrections.start_correction(
        actor=agency.drafter, publication=publication, kind="correction", reason="数字有误"
    )
    publication.refresh_from_db()
    assert publication.state == State.DRAFT and tr.allows(tr.WITHDRAW, publication)
    corrections.withdraw(actor=agency.approver, publication=publication, reason="重复发布")
    publication.refresh_from_db()
    assert publication.state == State.WITHDRAWN


def test_refusals_name_the_roles_and_the_states() -> None:
    agency = Agency()
    publication = agency.published()
    with pytest.raises(TransitionRefused) as refused:
        drafting.submit(actor=agency.drafter, publication=publication)
    assert refused.value.message_zh == "「已发布」状态不能提交审核（须为「草稿」）。"
    with pytest.raises(RoleRequired) as role:
        corrections.start_correction(
            actor=agency.reviewers[0], publication=publication, kind="correction", reason="数字有误"
        )
    assert str(role.value) == "此操作需要「登记或承办」角色。"
