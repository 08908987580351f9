"""App configuration for publishing: registers its audit actions, dashboard widget and navigation."""

from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "xxgk.web.publishing"
    label = "publishing"
    verbose_name = "主动公开"

    def ready(self) -> None:
        from xxgk.web.publishing import audit_codes, widgets  # noqa: F401  (registration side effects)
