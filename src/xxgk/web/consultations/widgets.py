"""Navigation entry and the dashboard work-list widget of consultations, beside the applications ones."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from xxgk.web.consultations.selectors import WORK_LIST_WORKING_DAYS, work_counts
from xxgk.web.orgs.actors import Actor
from xxgk.web.orgs.scoping import visible_orgs
from xxgk.web.ui.registry import DashboardWidget, NavItem, register_nav, register_widget


def _sees_any_agency(user: Actor) -> bool:
    return visible_orgs(user).exists()


def _counts(request: HttpRequest) -> dict[str, Any]:
    return {"counts": work_counts(request.user, timezone.localdate()), "days": WORK_LIST_WORKING_DAYS}


register_nav(NavItem(label="咨询答复", url_name="consultations:list", order=21, visible=_sees_any_agency))
register_widget(
    DashboardWidget(
        key="consultations-work",
        title="咨询答复待办",
        template="consultations/widget_work.html",
        context=_counts,
        order=21,
        visible=_sees_any_agency,
    )
)
