"""Dashboard widget and navigation entry of publishing."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from xxgk.web.orgs.selectors import my_memberships
from xxgk.web.ui.registry import DashboardWidget, NavItem, register_nav, register_widget


def _scan(request: HttpRequest) -> dict[str, Any]:
    from xxgk.web.publishing.scan import scan

    today = timezone.localdate()
    orgs = {m.organisation for m in my_memberships(request.user)}
    return {"results": [(org, scan(org, today=today)) for org in sorted(orgs, key=lambda o: o.path)]}


register_nav(NavItem(label="主动公开", url_name="publishing:list", order=30))
register_widget(
    DashboardWidget(
        key="publishing-scan",
        title="主动公开巡检",
        template="publishing/widget_scan.html",
        context=_scan,
        order=30,
        visible=lambda user: user.is_authenticated,
    )
)
