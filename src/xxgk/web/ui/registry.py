"""Extension points of the staff UI: navigation entries and dashboard widgets.

Apps register theirs in `AppConfig.ready()`; the base template and the dashboard show every
entry the user may use, in `order`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:  # apps register in AppConfig.ready(); the models are not needed to run this module
    from django.contrib.auth.models import AnonymousUser

    from xxgk.web.orgs.models import User

# Whom a page is shown to: `request.user`, signed in or not (never the system, unlike an `Actor`).
Viewer: TypeAlias = "User | AnonymousUser"


def _always(user: Viewer) -> bool:
    return True


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    order: int = 100
    visible: Callable[[Viewer], bool] = _always


@dataclass(frozen=True)
class DashboardWidget:
    """A box on the dashboard: `template` is rendered with `context(request)` merged in."""

    key: str
    title: str
    template: str
    context: Callable[[Any], dict[str, Any]] = field(default=lambda request: {})
    order: int = 100
    visible: Callable[[Viewer], bool] = _always


_NAV: dict[str, NavItem] = {}
_WIDGETS: dict[str, DashboardWidget] = {}


def register_nav(item: NavItem) -> None:
    _NAV[item.url_name] = item


def register_widget(widget: DashboardWidget) -> None:
    _WIDGETS[widget.key] = widget


def nav_for(user: Viewer) -> list[NavItem]:
    return sorted((item for item in _NAV.values() if item.visible(user)), key=lambda item: item.order)


def widgets_for(user: Viewer) -> list[DashboardWidget]:
    return sorted((w for w in _WIDGETS.values() if w.visible(user)), key=lambda w: w.order)
