"""Navigation entry of the rollup app."""

from __future__ import annotations

from xxgk.web.ui.registry import NavItem, register_nav

register_nav(NavItem(label="年报报送", url_name="rollup:index", order=70))
