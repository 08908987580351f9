"""Navigation entries and the dashboard work-list widget of the applications app."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from xxgk.web.applications.selectors import WORK_LIST_WORKING_DAYS, work_counts
from xxgk.web.orgs.actors import Actor
from xxgk.web.orgs.scoping import visible_orgs
from xxgk.web.ui.registry import DashboardWidget, NavItem, register_nav, register_widget


def _sees_any_agency(user: Actor) -> bool:
    return visible_orgs(user).exists()


def _counts(request: HttpRequest) -> dict[str, Any]:
    return {"counts": work_counts(request.user, timezone.localdate()), "days": WORK_LIST_WORKING_DAYS}


register_nav(NavItem(label="依申请公开", url_name="applications:list", order=20, visible=_sees_any_agency))
register_widget(
    DashboardWidget(
        key="applications-work",
        title="依申请公开待办",
        template="applications/widget_work.html",
        context=_counts,
        order=20,
        visible=_sees_any_agency,
    )
)
