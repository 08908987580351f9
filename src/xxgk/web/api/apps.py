"""App configuration for api: audit actions and the staff navigation entry of personal tokens."""

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "xxgk.web.api"
    label = "api"
    verbose_name = "开放接口"

    def ready(self) -> None:
        from xxgk.web.api import actions  # noqa: F401  (registration side effect)
        from xxgk.web.ui.registry import NavItem, register_nav

        register_nav(NavItem(label="接口令牌", url_name="api_tokens:list", order=900))
