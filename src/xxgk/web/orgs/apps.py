"""App configuration for orgs: registers its audit actions, dashboard widget and navigation."""

from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "xxgk.web.orgs"
    label = "orgs"
    verbose_name = "机关与用户"

    def ready(self) -> None:
        from xxgk.web.orgs import audit_codes, widgets  # noqa: F401  (registration side effects)
