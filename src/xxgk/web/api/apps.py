"""App configuration for api: audit actions, the staff navigation entry of personal tokens, and the
open-data bundle of a year rebuilt whenever one of its reports is published or corrected."""

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "xxgk.web.api"
    label = "api"
    verbose_name = "开放接口"

    def ready(self) -> None:
        from xxgk.web.api import audit_codes  # noqa: F401  (registration side effect)
        from xxgk.web.ui.registry import NavItem, register_nav

        register_nav(NavItem(label="接口令牌", url_name="api_tokens:list", order=900))

        from xxgk.web.annual.signals import report_published

        report_published.connect(_rebuild_bulk, dispatch_uid="api.bulk.rebuild")


def _rebuild_bulk(sender: object, version: object, **kwargs: object) -> None:
    from xxgk.web.api.bulk import regenerate_soon

    regenerate_soon(version.year)  # type: ignore[attr-defined]
