"""Dashboard widget and navigation entries of the orgs app."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from xxgk.web.orgs.models import Role
from xxgk.web.orgs.selectors import my_memberships
from xxgk.web.ui.registry import DashboardWidget, NavItem, register_nav, register_widget


def _my_roles(request: HttpRequest) -> dict[str, Any]:
    by_org: dict[Any, list[Role]] = {}
    for membership in my_memberships(request.user):
        by_org.setdefault(membership.organisation, []).append(Role(membership.role))
    order = list(Role)
    return {
        "roles_by_org": [
            (org, [role.label for role in sorted(roles, key=order.index)]) for org, roles in by_org.items()
        ]
    }


register_nav(NavItem(label="工作台", url_name="ui:dashboard", order=0))
register_nav(NavItem(label="机关", url_name="orgs:list", order=10))
register_nav(NavItem(label="系统管理", url_name="admin:index", order=990, visible=lambda user: user.is_staff))
register_widget(
    DashboardWidget(
        key="my-roles", title="我的机关与角色", template="orgs/widget_roles.html", context=_my_roles, order=10
    )
)
