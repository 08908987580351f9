"""The review workflow of a publication as data (the shape of `xxgk.web.statemachine`):
草稿 → 审核中 (the agency's chain, `chain.py`: 初审, 复审, 保密审查, 终审 by default) → 待发布 →
已发布, with 退回 back to 草稿, 暂缓/解除暂缓 at a step that may hold, 更正/变更 from 已发布 back to a
草稿 that keeps its 索引号, and 撤回. The services run a transition by name through `check()`:
role, then state; then the version where the page showed one (`xxgk.web.locking`).

`label_zh` is what a refusal says cannot be done (「审核中」状态不能修改（须为「草稿」）); the names are
the audit codes (`publishing.submit` …) whose labels `audit_codes.py` declares.
"""

from __future__ import annotations

from xxgk.web.orgs.actors import Actor
from xxgk.web.orgs.models import Role
from xxgk.web.orgs.scoping import require_role
from xxgk.web.publishing.chain import DRAFTER_ROLES
from xxgk.web.publishing.errors import TransitionRefused
from xxgk.web.publishing.models import Publication, State
from xxgk.web.statemachine import Transition

# 信息员 publish what the chain approved; so may the 签发 role.
PUBLISHER_ROLES = (*DRAFTER_ROLES, Role.APPROVER)

_DRAFTER = frozenset(DRAFTER_ROLES)
# No roles in the table: the current step's role decides (`chain.py`), checked once the state
# shows that there is a step.
_STEP_ROLE: frozenset[Role] = frozenset()
_DRAFT = frozenset({State.DRAFT})
_REVIEW = frozenset({State.REVIEW})


def _t(
    name: str, label_zh: str, sources: frozenset[State], target: State | None, roles: frozenset[Role]
) -> Transition:
    return Transition(name, label_zh, sources, target, roles, "publishing")


UPDATE = _t("update", "修改", _DRAFT, None, _DRAFTER)
ATTACH = _t("attach", "上传附件", _DRAFT, None, _DRAFTER)
DETACH = _t("detach", "删除附件", _DRAFT, None, _DRAFTER)
SUBMIT = _t("submit", "提交审核", _DRAFT, State.REVIEW, _DRAFTER)
# Passing a step leads to the next one; passing the last to 待发布.
APPROVE = _t("approve", "审核", _REVIEW, State.APPROVED, _STEP_ROLE)
REJECT = _t("reject", "审核", _REVIEW, State.DRAFT, _STEP_ROLE)
HOLD = _t("hold", "审核", _REVIEW, None, _STEP_ROLE)
RELEASE = _t("release", "审核", _REVIEW, None, _STEP_ROLE)
SCHEDULE = _t("schedule", "定时发布", frozenset({State.APPROVED}), None, frozenset(PUBLISHER_ROLES))
PUBLISH = _t("publish", "发布", frozenset({State.APPROVED}), State.PUBLISHED, frozenset(PUBLISHER_ROLES))
CORRECT = _t("correct", "更正", frozenset({State.PUBLISHED}), State.DRAFT, _DRAFTER)
# From 草稿 only while it is a correction of a published item (it has its 索引号): `allows()`.
WITHDRAW = _t(
    "withdraw", "撤回", frozenset({State.PUBLISHED, State.DRAFT}), State.WITHDRAWN, frozenset({Role.APPROVER})
)

TRANSITIONS: tuple[Transition, ...] = (
    UPDATE,
    ATTACH,
    DETACH,
    SUBMIT,
    APPROVE,
    REJECT,
    HOLD,
    RELEASE,
    SCHEDULE,
    PUBLISH,
    CORRECT,
    WITHDRAW,
)
BY_NAME: dict[str, Transition] = {t.name: t for t in TRANSITIONS}


def allows(transition: Transition, publication: Publication) -> bool:
    """Whether `publication`'s state lets `transition` start."""
    state = State(publication.state)
    if state not in transition.sources:
        return False
    return transition is not WITHDRAW or state != State.DRAFT or bool(publication.index_number)


def refusal_zh(transition: Transition, publication: Publication) -> str:
    current = State(publication.state).label
    if transition is WITHDRAW:
        return f"「{current}」状态的信息不能撤回。"
    required = "、".join(f"「{s.label}」" for s in State if s in transition.sources)
    return f"「{current}」状态不能{transition.label_zh}（须为{required}）。"


def check_state(transition: Transition, publication: Publication) -> None:
    """Refuse (TransitionRefused) unless `publication`'s state lets `transition` start; alone
    where no person acts (the scheduled run) or the person's role was checked on another item
    (a 政策解读 published along with its document)."""
    if not allows(transition, publication):
        raise TransitionRefused(
            f"{transition.name} not allowed in state {publication.state}", refusal_zh(transition, publication)
        )


def check(transition: Transition, publication: Publication, actor: Actor) -> None:
    """Refuse (NotVisible, RoleRequired or TransitionRefused) unless `actor` may take `transition`
    now: role, then state. A review step's role is checked by `review.py` after this."""
    if transition.roles:
        # In the order of `Role`, so the refusal names the roles as it always has (登记或承办).
        require_role(actor, publication.organisation, [r for r in Role if r in transition.roles])
    check_state(transition, publication)
