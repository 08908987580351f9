"""The status machine of a unit's submission as data (the shape of `xxgk.web.statemachine`):
未报 → 已报 → 已审 → 已发布, with 退回 back to the unit and a new 已报 after it. The services run a
transition by name through `check()`: role, then status; then they check the version.

Roles: 监督 means a supervisor of the campaign's office; the unit roles are the unit's own staff
(a supervisor may also act for a unit, e.g. one that is not on the platform).
"""

from __future__ import annotations

from xxgk.web.orgs.actors import Actor
from xxgk.web.orgs.models import Role
from xxgk.web.rollup.errors import RollupError
from xxgk.web.rollup.models import Status, Submission
from xxgk.web.rollup.permissions import UNIT_ROLES, require_supervisor, require_unit_or_supervisor
from xxgk.web.statemachine import Transition, allowed_states_zh

_UNIT_OR_SUPERVISOR = frozenset({*UNIT_ROLES, Role.SUPERVISOR})
_SUPERVISOR = frozenset({Role.SUPERVISOR})

# The names and labels are the audit codes of `actions.py` (rollup.submit …).
SUBMIT = Transition(
    "submit",
    "报送年度报告",
    frozenset({Status.PENDING, Status.SUBMITTED, Status.RETURNED}),
    Status.SUBMITTED,
    _UNIT_OR_SUPERVISOR,
    "rollup",
)
RETURN = Transition(
    "return",
    "退回年度报告",
    frozenset({Status.SUBMITTED, Status.REVIEWED}),
    Status.RETURNED,
    _SUPERVISOR,
    "rollup",
)
APPROVE = Transition(
    "approve", "审核通过年度报告", frozenset({Status.SUBMITTED}), Status.REVIEWED, _SUPERVISOR, "rollup"
)
PUBLISH = Transition(
    "publish",
    "登记年度报告已公开",
    frozenset({Status.REVIEWED}),
    Status.PUBLISHED,
    _UNIT_OR_SUPERVISOR,
    "rollup",
)

TRANSITIONS: tuple[Transition, ...] = (SUBMIT, RETURN, APPROVE, PUBLISH)
BY_NAME: dict[str, Transition] = {t.name: t for t in TRANSITIONS}


def refusal_zh(transition: Transition, status: Status) -> str:
    return (
        f"当前状态为「{status.label}」，不能改为「{Status(transition.leads_to(status)).label}」"
        f"（「{transition.label_zh}」只能在{allowed_states_zh(transition, Status)}状态下进行）。"
    )


def check(transition: Transition, submission: Submission, actor: Actor) -> None:
    """Refuse (NotVisible, RoleRequired or RollupError) unless `actor` may take `transition` now."""
    if transition.roles - _SUPERVISOR:
        require_unit_or_supervisor(actor, submission)
    else:
        require_supervisor(actor, submission.campaign)
    status = Status(submission.status)
    if status not in transition.sources:
        raise RollupError(refusal_zh(transition, status))
