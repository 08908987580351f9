"""The review chain (先审后发, 三审三校): the default steps and an agency's own table, the step a
publication is at and its review round (reads; the decisions are in `review.py`)."""

from __future__ import annotations

from dataclasses import dataclass

from xxgk.web.orgs.models import Organisation, Role
from xxgk.web.publishing.models import DecisionOutcome, Publication, ReviewDecision, ReviewStep, State

# 信息员: who drafts, submits and publishes (登记/承办 in the platform's roles).
DRAFTER_ROLES = (Role.REGISTRAR, Role.HANDLER)


@dataclass(frozen=True)
class ChainStep:
    position: int
    name: str
    role: Role
    checklist: tuple[str, ...]
    may_hold: bool = False


DEFAULT_CHAIN = (
    ChainStep(1, "初审", Role.REVIEWER, ("文字表述准确规范", "事实、数据准确")),
    ChainStep(2, "复审", Role.REVIEWER, ("法律依据充分", "符合公文规范")),
    ChainStep(
        3,
        "保密审查",
        Role.REVIEWER,
        ("不涉及国家秘密（第十七条）", "不涉及工作秘密、商业秘密、个人隐私"),
        may_hold=True,
    ),
    ChainStep(4, "终审", Role.APPROVER, ("同意公开",)),
)


def chain_for(organisation: Organisation) -> tuple[ChainStep, ...]:
    """The agency's own steps if it configured any, else the default chain."""
    rows = ReviewStep.objects.filter(organisation=organisation).order_by("position")
    own = tuple(
        ChainStep(
            position=index,
            name=row.name,
            role=Role(row.role),
            checklist=tuple(line.strip() for line in row.checklist.splitlines() if line.strip()),
            may_hold=row.may_hold,
        )
        for index, row in enumerate(rows, start=1)
    )
    return own or DEFAULT_CHAIN


def current_step(publication: Publication) -> ChainStep | None:
    """The step a publication under review is at (None outside 审核中, or if the agency's chain
    changed under it)."""
    if publication.state != State.REVIEW:
        return None
    return next((s for s in chain_for(publication.organisation) if s.position == publication.step), None)


def review_round(publication: Publication) -> int:
    """How many times the publication was submitted: a rejection starts a new round."""
    return ReviewDecision.objects.filter(publication=publication, outcome=DecisionOutcome.SUBMIT).count()
