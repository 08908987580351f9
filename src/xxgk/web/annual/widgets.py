"""Navigation entry of the annual app."""

from xxgk.web.ui.registry import NavItem, register_nav

register_nav(NavItem(label="年度报告", url_name="annual:index", order=60))
