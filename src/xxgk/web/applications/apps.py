"""App configuration for applications: registers audit actions, navigation, the work-list widget and the due dates a calendar change moves."""

from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "xxgk.web.applications"
    label = "applications"
    verbose_name = "依申请公开"

    def ready(self) -> None:
        from xxgk.web.applications import audit_codes, transitions, widgets  # noqa: F401  (registrations)
        from xxgk.web.applications.calendar_changes import refresh_due_dates
        from xxgk.web.calendar.signals import calendar_changed

        calendar_changed.connect(refresh_due_dates, dispatch_uid="applications.refresh_due_dates")
