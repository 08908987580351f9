"""The calendar page's navigation entry, for system administrators."""

from xxgk.web.ui.registry import NavItem, register_nav

register_nav(
    NavItem(
        label="工作日历", url_name="workcalendar:calendar", order=900, visible=lambda user: user.is_superuser
    )
)
