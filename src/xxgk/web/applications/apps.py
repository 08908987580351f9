"""App configuration for applications: registers audit actions, navigation and the work-list widget."""

from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "xxgk.web.applications"
    label = "applications"
    verbose_name = "依申请公开"

    def ready(self) -> None:
        from xxgk.web.applications import audit_codes, transitions, widgets  # noqa: F401  (registrations)
