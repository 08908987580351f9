"""Navigation entry and dashboard widget of the rollup app."""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.http import HttpRequest

from xxgk.web.rollup import selectors
from xxgk.web.rollup.models import Status
from xxgk.web.ui.registry import DashboardWidget, NavItem, register_nav, register_widget


def _campaigns(request: HttpRequest) -> dict[str, Any]:
    """The latest campaigns the user sees, with how many of their units are at each status."""
    rows = []
    for campaign in selectors.campaigns_for(request.user)[:3]:
        counts = dict(
            selectors.submissions_for(request.user, campaign)
            .values_list("status")
            .annotate(n=Count("pk"))
            .values_list("status", "n")
        )
        rows.append((campaign, [(status.label, counts.get(status, 0)) for status in Status]))
    return {"campaigns": rows}


register_nav(NavItem(label="年报报送", url_name="rollup:index", order=70))
register_widget(
    DashboardWidget(
        key="rollup-campaigns",
        title="年度报告报送",
        template="rollup/widget_campaigns.html",
        context=_campaigns,
        order=60,
        visible=lambda user: selectors.campaigns_for(user).exists(),
    )
)
