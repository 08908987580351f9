"""App configuration for remedies: registers its audit actions and navigation."""

from django.apps import AppConfig


class RemediesConfig(AppConfig):
    name = "xxgk.web.remedies"
    label = "remedies"
    verbose_name = "行政复议与行政诉讼"

    def ready(self) -> None:
        from xxgk.web.remedies import audit_codes, widgets  # noqa: F401  (registration side effects)
