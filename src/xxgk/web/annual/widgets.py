"""Navigation entry and dashboard widget of the annual app: last year's report of each agency
where the user works (published or not, and what the checks say now)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from xxgk.web.annual.selectors import latest_numbers
from xxgk.web.orgs.actors import Actor
from xxgk.web.orgs.models import Role
from xxgk.web.orgs.scoping import visible_orgs
from xxgk.web.orgs.selectors import my_memberships
from xxgk.web.ui.registry import DashboardWidget, NavItem, register_nav, register_widget


def _own_orgs(user: Actor) -> list[Any]:
    seen: dict[int, Any] = {}
    for membership in my_memberships(user).exclude(role=Role.SUPERVISOR):
        seen.setdefault(membership.organisation_id, membership.organisation)
    return list(seen.values())


def _last_year(request: HttpRequest) -> dict[str, Any]:
    year = timezone.localdate().year - 1
    orgs = _own_orgs(request.user)
    numbers = latest_numbers(orgs, [year])
    return {"year": year, "rows": [(org, numbers.get((org.pk, year))) for org in orgs]}


register_nav(
    NavItem(label="年度报告", url_name="annual:index", order=60, visible=lambda u: visible_orgs(u).exists())
)
register_widget(
    DashboardWidget(
        key="annual-report",
        title="年度报告",
        template="annual/widget.html",
        context=_last_year,
        order=60,
        visible=lambda user: bool(_own_orgs(user)),
    )
)
