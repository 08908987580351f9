"""App configuration for annual: registers its audit actions and navigation."""

from django.apps import AppConfig


class AnnualConfig(AppConfig):
    name = "xxgk.web.annual"
    label = "annual"
    verbose_name = "年度报告"

    def ready(self) -> None:
        from xxgk.web.annual import audit_codes, widgets  # noqa: F401  (registration side effects)
