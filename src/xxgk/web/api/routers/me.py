"""Who a token acts as: its owner and the roles that scope every staff endpoint."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from xxgk.web.api.auth import READ
from xxgk.web.api.errors import TOKEN_ERRORS
from xxgk.web.orgs.models import Role
from xxgk.web.orgs.selectors import my_memberships

router = Router(tags=["令牌"])


class RoleGrant(Schema):
    agency_id: int
    agency: str
    role: str
    role_zh: str


class Me(Schema):
    username: str
    scope: str
    roles: list[RoleGrant]


@router.get("/me", response={200: Me, **TOKEN_ERRORS}, auth=READ, summary="当前令牌")
def me(request: HttpRequest) -> Me:
    token = request.auth  # type: ignore[attr-defined]
    roles = [
        RoleGrant(
            agency_id=m.organisation_id, agency=m.organisation.name, role=m.role, role_zh=Role(m.role).label
        )
        for m in my_memberships(token.user)
    ]
    return Me(username=token.user.get_username(), scope=token.scope, roles=roles)
