"""Decisions of the review chain (`chain.py`) at a publication's current step: pass it, return
the draft to its 信息员, or hold it for the 保密行政管理部门 and release it again (第十七条)."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction

from xxgk.web.orgs.actors import Actor, signed_in
from xxgk.web.orgs.scoping import require_role
from xxgk.web.publishing import transitions as tr
from xxgk.web.publishing.chain import ChainStep, chain_for, current_step, review_round
from xxgk.web.publishing.errors import TransitionRefused
from xxgk.web.publishing.models import DecisionOutcome, Publication, ReviewDecision, State
from xxgk.web.publishing.workflow import move, take
from xxgk.web.statemachine import Transition


def approve(
    *, actor: Actor, publication: Publication, checklist: Mapping[str, bool], remarks: str = ""
) -> Publication:
    """Pass the current step; after the last one the publication is 待发布."""
    with transaction.atomic():
        row, step = _at_step(tr.APPROVE, actor, publication)
        if row.on_hold:
            raise TransitionRefused("on hold", "该信息已暂缓，待保密行政管理部门意见后解除暂缓再审核。")
        unticked = [item for item in step.checklist if not checklist.get(item)]
        if unticked:
            raise TransitionRefused("checklist incomplete", "请逐项核对：" + "、".join(unticked))
        round_ = review_round(row)
        passed = ReviewDecision.objects.filter(
            publication=row, round=round_, outcome__in=(DecisionOutcome.SUBMIT, DecisionOutcome.APPROVE)
        )
        if passed.filter(actor=signed_in(actor)).exists():
            raise TransitionRefused(
                "same person twice",
                "同一人不能在同一轮中既起草又审核，或审核两个环节（三审分离）。",
            )
        _decide(
            row,
            step,
            actor,
            DecisionOutcome.APPROVE,
            remarks,
            round_=round_,
            checklist=dict.fromkeys(step.checklist, True),
        )
        later = [s for s in chain_for(row.organisation) if s.position > step.position]
        if later:
            move(row, actor, tr.APPROVE, state=State.REVIEW, step=later[0].position, step_name=step.name)
        else:
            move(row, actor, tr.APPROVE, step=None, step_name=step.name)
    return row


def reject(*, actor: Actor, publication: Publication, remarks: str) -> Publication:
    """Return the draft to its 信息员 with reasons; once changed it goes through the chain again."""
    if not remarks.strip():
        raise TransitionRefused("no reasons", "退回须写明理由。")
    with transaction.atomic():
        row, step = _at_step(tr.REJECT, actor, publication)
        _decide(row, step, actor, DecisionOutcome.REJECT, remarks)
        row.on_hold = False
        move(row, actor, tr.REJECT, step=None, step_name=step.name)
    return row


def set_hold(*, actor: Actor, publication: Publication, held: bool, remarks: str = "") -> Publication:
    """保密审查 (第十七条): hold the draft at a step that may hold while the question is with the
    保密行政管理部门 (`held`, `remarks` saying where it was referred), or release it when the
    answer has come. The draft stays at its step either way."""
    if held and not remarks.strip():
        raise TransitionRefused("no reasons", "暂缓须写明报送情况。")
    transition = tr.HOLD if held else tr.RELEASE
    with transaction.atomic():
        row, step = _at_step(transition, actor, publication)
        if held and not step.may_hold:
            raise TransitionRefused("step cannot hold", f"「{step.name}」环节不能暂缓。")
        if held and row.on_hold:
            raise TransitionRefused("already on hold", "该信息已暂缓。")
        if not held and not row.on_hold:
            raise TransitionRefused("not on hold", "该信息未暂缓。")
        _decide(row, step, actor, DecisionOutcome.HOLD if held else DecisionOutcome.RELEASE, remarks)
        row.on_hold = held
        move(row, actor, transition, step=step.position, step_name=step.name)
    return row


def _at_step(transition: Transition, actor: Actor, publication: Publication) -> tuple[Publication, ChainStep]:
    """The locked row under review and its current step, refused unless `actor` holds the step's role."""
    row = take(transition, publication, actor)
    step = current_step(row)
    if step is None:
        raise TransitionRefused("no such step", "审核环节已变更，请刷新页面。")
    require_role(actor, row.organisation, step.role)
    return row, step


def _decide(
    row: Publication,
    step: ChainStep,
    actor: Actor,
    outcome: DecisionOutcome,
    remarks: str,
    *,
    round_: int | None = None,
    checklist: dict[str, bool] | None = None,
) -> None:
    """Record what `actor` decided at `step` in the current round (`round_` if the caller has it)."""
    ReviewDecision.objects.create(
        publication=row,
        round=review_round(row) if round_ is None else round_,
        step=step.position,
        step_name=step.name,
        outcome=outcome,
        checklist=checklist if checklist is not None else {},
        remarks=remarks.strip(),
        actor=signed_in(actor),
    )
