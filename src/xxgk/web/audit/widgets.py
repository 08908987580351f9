"""Dashboard widget and navigation entry of the audit log."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from xxgk.web.audit.selectors import events_visible_to
from xxgk.web.ui.registry import DashboardWidget, NavItem, register_nav, register_widget


def _recent(request: HttpRequest) -> dict[str, Any]:
    return {"events": list(events_visible_to(request.user)[:8])}


register_nav(NavItem(label="操作日志", url_name="audit:list", order=900))
register_widget(
    DashboardWidget(
        key="recent-events", title="最近操作", template="audit/widget_recent.html", context=_recent, order=900
    )
)
