"""The state machine of a case as data: each named transition, the states it starts from, the
state it leads to, and the roles that may take it. `services.py` runs them; `check()` is the
one place that refuses a transition, with a Chinese message, before anything is written.
"""

from __future__ import annotations

from xxgk.deadlines import EventKind
from xxgk.web.applications.errors import TransitionRefused
from xxgk.web.applications.models import CONCLUDED_STATES, Application, State
from xxgk.web.audit.audit_codes import define
from xxgk.web.orgs.actors import Actor
from xxgk.web.orgs.models import Role
from xxgk.web.orgs.scoping import require_role
from xxgk.web.statemachine import Transition

OPEN_STATES: frozenset[State] = frozenset(State(s) for s in State.values) - CONCLUDED_STATES
_HANDLING = frozenset({State.REGISTERED})
_RUNNING = frozenset({State.REGISTERED, State.CONSULTING, State.AWAITING_REASONS, State.AWAITING_FEE})


def _t(name: str, label_zh: str, sources: frozenset[State], target: State | None, *roles: Role) -> Transition:
    transition = Transition(name, label_zh, sources, target, frozenset(roles), "applications")
    define(transition.audit_action, label_zh)
    return transition


CONFIRM_RECEIPT = _t(
    "confirm_receipt",
    "确认收到申请",
    frozenset({State.SUBMITTED}),
    State.REGISTERED,
    Role.REGISTRAR,
    Role.HANDLER,
)
ASSIGN_HANDLER = _t(
    "assign_handler", "指定承办人", OPEN_STATES, None, Role.REGISTRAR, Role.HANDLER, Role.ADMIN
)
REQUEST_CORRECTION = _t(
    "request_correction", "发出补正通知", _HANDLING, State.AWAITING_CORRECTION, Role.HANDLER
)
RECEIVE_CORRECTION = _t(
    "receive_correction",
    "收到补正后的申请",
    frozenset({State.AWAITING_CORRECTION}),
    State.REGISTERED,
    Role.REGISTRAR,
    Role.HANDLER,
)
ABANDON_UNCORRECTED = _t(
    "abandon_uncorrected",
    "逾期未补正，视为放弃申请",
    frozenset({State.AWAITING_CORRECTION}),
    State.ABANDONED,
    Role.HANDLER,
)
START_CONSULTATION = _t(
    "start_consultation", "征求第三方或其他机关意见", _HANDLING, State.CONSULTING, Role.HANDLER
)
END_CONSULTATION = _t(
    "end_consultation",
    "收到意见或征求意见期满",
    frozenset({State.CONSULTING}),
    State.REGISTERED,
    Role.HANDLER,
)
REQUEST_REASONS = _t("request_reasons", "要求申请人说明理由", _HANDLING, State.AWAITING_REASONS, Role.HANDLER)
RECEIVE_REASONS = _t(
    "receive_reasons",
    "收到申请人说明的理由",
    frozenset({State.AWAITING_REASONS}),
    State.REGISTERED,
    Role.REGISTRAR,
    Role.HANDLER,
)
EXTEND = _t("extend", "延长答复期限", _RUNNING, None, Role.APPROVER)
ISSUE_FEE_NOTICE = _t("issue_fee_notice", "发出收费通知", _HANDLING, State.AWAITING_FEE, Role.HANDLER)
RECORD_PAYMENT = _t(
    "record_payment",
    "登记缴费",
    frozenset({State.AWAITING_FEE}),
    State.REGISTERED,
    Role.REGISTRAR,
    Role.HANDLER,
)
MARK_UNPAID = _t(
    "mark_unpaid", "逾期未缴费，视为放弃申请", frozenset({State.AWAITING_FEE}), State.ABANDONED, Role.HANDLER
)
DRAFT_REPLY = _t("draft_reply", "拟写答复", _HANDLING, State.DRAFTED, Role.HANDLER)
REVIEW = _t("review", "审核答复", frozenset({State.DRAFTED}), State.REVIEWED, Role.REVIEWER)
RETURN_DRAFT = _t(
    "return_draft",
    "退回修改",
    frozenset({State.DRAFTED, State.REVIEWED}),
    State.REGISTERED,
    Role.REVIEWER,
    Role.APPROVER,
)
APPROVE = _t("approve", "签发答复", frozenset({State.REVIEWED}), State.APPROVED, Role.APPROVER)
SEND_REPLY = _t(
    "send_reply", "送达答复", frozenset({State.APPROVED}), State.REPLIED, Role.REGISTRAR, Role.HANDLER
)
CLOSE = _t("close", "办结归档", frozenset({State.REPLIED}), State.CLOSED, Role.HANDLER)
WITHDRAW = _t("withdraw", "申请人撤回申请", OPEN_STATES, State.WITHDRAWN, Role.REGISTRAR, Role.HANDLER)

TRANSITIONS: tuple[Transition, ...] = (
    CONFIRM_RECEIPT,
    ASSIGN_HANDLER,
    REQUEST_CORRECTION,
    RECEIVE_CORRECTION,
    ABANDON_UNCORRECTED,
    START_CONSULTATION,
    END_CONSULTATION,
    REQUEST_REASONS,
    RECEIVE_REASONS,
    EXTEND,
    ISSUE_FEE_NOTICE,
    RECORD_PAYMENT,
    MARK_UNPAID,
    DRAFT_REPLY,
    REVIEW,
    RETURN_DRAFT,
    APPROVE,
    SEND_REPLY,
    CLOSE,
    WITHDRAW,
)
BY_NAME: dict[str, Transition] = {t.name: t for t in TRANSITIONS}


def refusal_zh(transition: Transition, state: State) -> str:
    allowed = "、".join(f"「{s.label}」" for s in State if s in transition.sources)
    return f"「{transition.label_zh}」只能在{allowed}状态下进行，本申请当前为「{state.label}」。"


def check(transition: Transition, application: Application, actor: Actor) -> None:
    """Refuse (NotVisible, RoleRequired or TransitionRefused) unless `actor` may take `transition` now."""
    require_role(actor, application.organisation, transition.roles)
    state = State(application.state)
    if state not in transition.sources:
        raise TransitionRefused(
            f"{transition.name} not allowed in state {state.value}", refusal_zh(transition, state)
        )


def available(application: Application, roles: set[str], *, superuser: bool = False) -> list[Transition]:
    """The transitions the holder of `roles` could take now (for the buttons on the case page)."""
    state = State(application.state)
    offered = [t for t in TRANSITIONS if state in t.sources and (superuser or t.roles & roles)]
    if EXTEND in offered and application.events.filter(kind=EventKind.EXTENDED).exists():
        offered.remove(EXTEND)  # 第三十三条第二款: once only; no form for a refused action
    return offered
