"""App configuration for the working-day calendar (label `workcalendar`: `calendar` is a stdlib name)."""

from django.apps import AppConfig


class WorkCalendarConfig(AppConfig):
    name = "xxgk.web.calendar"
    label = "workcalendar"
    verbose_name = "工作日历"

    def ready(self) -> None:
        from xxgk.web.calendar import audit_codes, widgets  # noqa: F401  (registrations)
