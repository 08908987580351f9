"""Who may act on a campaign and a submission: its supervisors (监督 over the campaign's office)
and the unit's own staff; a refusal is `RoleRequired` to someone who sees the record, else `NotVisible`.
"""

from __future__ import annotations

from xxgk.web.orgs.actors import Actor
from xxgk.web.orgs.errors import NotVisible, RoleRequired
from xxgk.web.orgs.models import Role
from xxgk.web.orgs.scoping import can_see, has_role
from xxgk.web.rollup import selectors
from xxgk.web.rollup.models import (
    Campaign,
    Submission,
)

UNIT_ROLES = (Role.REGISTRAR, Role.HANDLER, Role.REVIEWER, Role.APPROVER, Role.ADMIN)


def require_supervisor(actor: Actor, campaign: Campaign) -> None:
    """监督 over the campaign's office; someone who sees part of the campaign without it gets 403."""
    if has_role(actor, campaign.office, Role.SUPERVISOR):
        return
    if selectors.campaigns_for(actor).filter(pk=campaign.pk).exists():
        raise RoleRequired("组织机关监督")
    raise NotVisible()


def is_supervisor(actor: Actor, campaign: Campaign) -> bool:
    return has_role(actor, campaign.office, Role.SUPERVISOR)


def is_unit_staff(actor: Actor, submission: Submission) -> bool:
    org = submission.enrolment.unit.organisation
    return org is not None and has_role(actor, org, UNIT_ROLES) and not actor.is_superuser


def require_unit_or_supervisor(actor: Actor, submission: Submission) -> None:
    """The unit's own staff, or a supervisor of the campaign (for a unit not on the platform, or on
    its behalf)."""
    if is_unit_staff(actor, submission) or is_supervisor(actor, submission.campaign):
        return
    org = submission.enrolment.unit.organisation
    if (org is not None and can_see(actor, org)) or can_see(actor, submission.enrolment.anchor):
        raise RoleRequired("本单位承办、审核、签发或管理员，或组织机关监督")
    raise NotVisible()
