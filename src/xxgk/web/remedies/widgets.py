"""Navigation entry of the remedies app."""

from xxgk.web.orgs.scoping import visible_orgs
from xxgk.web.ui.registry import NavItem, register_nav

register_nav(
    NavItem(
        label="复议诉讼", url_name="remedies:list", order=40, visible=lambda user: visible_orgs(user).exists()
    )
)
